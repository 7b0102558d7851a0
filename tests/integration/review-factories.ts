/** Factories for review tests: annotations in every status, reached through the use cases. */
import pg from "pg";
import { vi } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import type { AnnotationDTO, AnnotationStatus, ReviewDecision, ReviewDTO } from "@/lib/claims/present";
import { submitAnnotation } from "@/lib/annotations/submit-annotation";
import { getAnnotation } from "@/lib/annotations/get-annotation";
import { reviewAnnotation } from "@/lib/reviews/review-annotation";
import { makeSource, makeVerification } from "./claim-factories";

/** `reviewer`'s review of the annotation's current version. */
export async function review(
  reviewer: Actor,
  annotation: { id: string; version: number },
  decision: ReviewDecision = "approve",
  comment = `${decision} by ${reviewer.name}`,
): Promise<ReviewDTO> {
  return reviewAnnotation({ actor: reviewer, annotationId: annotation.id, input: { decision, comment, version: annotation.version } });
}

/** A submitted annotation by `author`. */
export async function submitted(author: Actor, claimId: string, kind: "source" | "verification" = "verification", extra: Record<string, unknown> = {}) {
  const draft = kind === "source" ? await makeSource(author, claimId, extra) : await makeVerification(author, claimId, extra);
  return submitAnnotation({ actor: author, annotationId: draft.id });
}

/** An annotation by `author` in `status`, decided by `reviewer` where a decision is needed (one approval required). */
export async function annotationIn(
  status: AnnotationStatus,
  author: Actor,
  reviewer: Actor,
  claimId: string,
  kind: "source" | "verification" = "verification",
): Promise<AnnotationDTO> {
  if (status === "draft") return kind === "source" ? makeSource(author, claimId) : makeVerification(author, claimId);
  const annotation = await submitted(author, claimId, kind);
  const decision: Partial<Record<AnnotationStatus, ReviewDecision>> = {
    approved: "approve",
    changes_requested: "request_changes",
    rejected: "reject",
  };
  const chosen = decision[status];
  if (chosen) await review(reviewer, annotation, chosen);
  return getAnnotation({ actor: author, annotationId: annotation.id });
}

/** The number of SQL statements `run` sends to PostgreSQL. */
export async function countQueries(run: () => Promise<unknown>): Promise<number> {
  const spy = vi.spyOn(pg.Client.prototype, "query");
  try {
    await run();
    return spy.mock.calls.length;
  } finally {
    spy.mockRestore();
  }
}
