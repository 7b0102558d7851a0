/** Factories and checks for claim and annotation tests. */
import { expect } from "vitest";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { createClaim } from "@/lib/claims/create-claim";
import { createAnnotation } from "@/lib/annotations/create-annotation";
import type { ClaimDTO, SourceAnnotationDTO, VerificationAnnotationDTO } from "@/lib/claims/present";
import { makeArticle } from "./factories";

export const ARTICLE_TEXT =
  "The minister said unemployment fell by 3% last year.\n\nCritics say the figure leaves out part-time work.";

/** A new article with ARTICLE_TEXT. */
export function makeClaimArticle(): Promise<string> {
  return makeArticle(ARTICLE_TEXT, "Claims test article");
}

/** The claim input for the first occurrence of `exact` in ARTICLE_TEXT (revision 1). */
export function claimInput(exact: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const start = ARTICLE_TEXT.indexOf(exact);
  if (start < 0) throw new Error(`"${exact}" is not in the test article`);
  return { exact, start, end: start + exact.length, revision: 1, ...extra };
}

/** A claim by `actor` on a fresh article (or `articleId`). */
export async function makeClaim(actor: Actor, exact = "unemployment fell by 3% last year", articleId?: string): Promise<ClaimDTO> {
  return createClaim({ actor, articleId: articleId ?? (await makeClaimArticle()), input: claimInput(exact) });
}

/** A draft source annotation by `actor`. */
export async function makeSource(actor: Actor, claimId: string, extra: Record<string, unknown> = {}): Promise<SourceAnnotationDTO> {
  const dto = await createAnnotation({
    actor,
    claimId,
    input: { kind: "source", url: "https://stats.example.org/labour", title: "Labour force survey", stance: "refutes", ...extra },
  });
  if (dto.kind !== "source") throw new Error("expected a source");
  return dto;
}

/** A draft verification annotation by `actor`. */
export async function makeVerification(
  actor: Actor,
  claimId: string,
  extra: Record<string, unknown> = {},
): Promise<VerificationAnnotationDTO> {
  const dto = await createAnnotation({
    actor,
    claimId,
    input: { kind: "verification", verdict: "misleading", rationale: "Part-time work is left out.", ...extra },
  });
  if (dto.kind !== "verification") throw new Error("expected a verification");
  return dto;
}

/** Everything a failed request must leave as it was: rows, their contents and the audit trail. */
export async function databaseState() {
  const [claims, annotations, reviews, replies, auditEvents] = await Promise.all([
    db.claim.findMany({ orderBy: { id: "asc" } }),
    db.annotation.findMany({ orderBy: { id: "asc" } }),
    db.review.findMany({ orderBy: { id: "asc" } }),
    db.reply.findMany({ orderBy: { id: "asc" } }),
    db.auditEvent.count(),
  ]);
  return { claims, annotations, reviews, replies, auditEvents };
}

/** Runs `attempt`, expects it to fail with `expected`, and checks that nothing changed. */
export async function expectRefused(attempt: () => Promise<unknown>, expected: Record<string, unknown>): Promise<void> {
  const before = await databaseState();
  await expect(attempt()).rejects.toMatchObject(expected);
  expect(await databaseState()).toEqual(before);
}
