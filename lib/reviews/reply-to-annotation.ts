/** Adds a message to the discussion thread under an annotation. */
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { assertCan } from "@/lib/auth/policy";
import type { Actor } from "@/lib/auth/actor";
import type { ReplyDTO } from "@/lib/claims/present";
import { lockClaim } from "@/lib/claims/lock-claim";
import { findVisibleAnnotation, visibleAnnotationWhere } from "@/lib/annotations/access";
import { finishAnnotationChange } from "@/lib/annotations/finish-change";
import { ReplyToAnnotationInput } from "@/lib/reviews/schemas";
import { presentReply, replySelect } from "@/lib/reviews/present-thread";

export interface ReplyToAnnotationOptions {
  actor: Actor | null;
  annotationId: string;
  /** `{body}`: 1 to 5,000 characters. */
  input: unknown;
}

/**
 * Posts `actor`'s reply under an annotation they can see: anyone's submitted, approved,
 * sent-back or rejected annotation, and only their own drafts (another's draft is 404).
 */
export async function replyToAnnotation({ actor, annotationId, input }: ReplyToAnnotationOptions): Promise<ReplyDTO> {
  assertCan(actor, "annotation.reply");
  const target = await findVisibleAnnotation(actor, annotationId);
  const { body } = parseInput(ReplyToAnnotationInput, input);
  return db.$transaction(async (tx) => {
    // The claim lock keeps the annotation from turning into a draft (withdrawn) between the
    // visibility check below and the insert, which would put a stranger's reply under a draft.
    const claim = await lockClaim(tx, target.claimId);
    const annotation = await tx.annotation.findFirst({
      where: { id: annotationId, ...visibleAnnotationWhere(actor) },
      select: { kind: true, status: true, version: true },
    });
    if (!annotation) throw new AppError("not_found", "No such annotation.");
    const reply = await tx.reply.create({ data: { annotationId, authorId: actor.id, body }, select: replySelect });
    await finishAnnotationChange(tx, {
      actor,
      action: "annotation.replied",
      annotationId,
      claim,
      // A reply changes no annotation: the claim's status cannot move.
      countsTowardsStatus: false,
      before: null,
      after: { claimId: target.claimId, kind: annotation.kind, status: annotation.status, version: annotation.version, replyId: reply.id, body },
    });
    return presentReply(reply);
  });
}
