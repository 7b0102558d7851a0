/** Adds a source or verification annotation to a claim, as a draft of its author. */
import { db } from "@/lib/db";
import { parseInput } from "@/lib/validation";
import { assertCan } from "@/lib/auth/policy";
import type { Actor } from "@/lib/auth/actor";
import type { AnnotationDTO } from "@/lib/claims/present";
import { lockClaim } from "@/lib/claims/lock-claim";
import { CreateAnnotationInput } from "@/lib/annotations/schemas";
import { rationaleFromInput } from "@/lib/annotations/rationale";
import { countsTowardsClaimStatus } from "@/lib/claims/derive-claim-status";
import { annotationScalars, annotationSnapshot, newAnnotationRow, presentAnnotation } from "@/lib/annotations/present-annotation";
import { finishAnnotationChange } from "@/lib/annotations/finish-change";

export interface CreateAnnotationOptions {
  actor: Actor | null;
  claimId: string;
  /** `{kind: "source", url, title, publisher?, excerpt?, stance}` or `{kind: "verification", verdict, rationale}`. */
  input: unknown;
}

/** Creates an annotation (status draft, version 1) by `actor` on a claim. */
export async function createAnnotation({ actor, claimId, input }: CreateAnnotationOptions): Promise<AnnotationDTO> {
  assertCan(actor, "annotation.create");
  const data = parseInput(CreateAnnotationInput, input);
  const fields = storedFields(data);
  return db.$transaction(async (tx) => {
    const claim = await lockClaim(tx, claimId);
    // The columns come back from the INSERT itself; the rest of the DTO is known already.
    const row = newAnnotationRow(
      await tx.annotation.create({
        data: { ...fields, claimId, authorId: actor.id, status: "draft", version: 1 },
        select: annotationScalars,
      }),
      actor,
    );
    await finishAnnotationChange(tx, {
      actor,
      action: "annotation.created",
      annotationId: row.id,
      claim,
      // A draft does not count towards the claim's status: adding one cannot change it.
      countsTowardsStatus: countsTowardsClaimStatus(row),
      before: null,
      after: annotationSnapshot(row),
    });
    return presentAnnotation(row, actor);
  });
}

/** The columns of a new annotation; a rationale is turned into its stored document and text. */
function storedFields(data: CreateAnnotationInput) {
  if (data.kind === "source") {
    const { kind, url, title, publisher, excerpt, stance } = data;
    return { kind, url, title, publisher: publisher ?? null, excerpt: excerpt ?? null, stance };
  }
  const rationale = rationaleFromInput(data.rationale);
  return { kind: data.kind, verdict: data.verdict, rationale: rationale.doc, rationaleText: rationale.text };
}
