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
import { mentionedIds, mentionsAsText } from "@/lib/mentions/tokens";
import { annotationAudience, excerpt, notify } from "@/lib/notifications/notify";

export interface ReplyToAnnotationOptions {
  actor: Actor | null;
  annotationId: string;
  /** `{body}`: 1 to 5,000 characters. */
  input: unknown;
}

/**
 * Posts `actor`'s reply under an annotation they can see: anyone's submitted, approved,
 * sent-back or rejected annotation, and only their own drafts (another's draft is 404).
 * People mentioned as `<@userId>` must be enabled accounts (422 otherwise); they are notified
 * of the mention, and everyone else who wrote in the thread (the annotation's author, earlier
 * repliers, its reviewers) of the reply, in the same transaction.
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
      select: {
        kind: true,
        status: true,
        version: true,
        authorId: true,
        replies: { distinct: ["authorId"], select: { authorId: true } },
        reviews: { distinct: ["reviewerId"], select: { reviewerId: true } },
        claim: { select: { exact: true } },
      },
    });
    if (!annotation) throw new AppError("not_found", "No such annotation.");
    const mentioned = mentionedIds(body);
    const people = mentioned.length
      ? await tx.user.findMany({ where: { id: { in: mentioned }, disabledAt: null }, select: { id: true, name: true } })
      : [];
    if (people.length !== mentioned.length) {
      throw new AppError("unprocessable", "The reply mentions someone who is not on the desk.", {
        fields: { body: "Mention only enabled members of the desk." },
      });
    }
    const reply = await tx.reply.create({
      data: { annotationId, authorId: actor.id, body, mentions: { create: mentioned.map((userId) => ({ userId })) } },
      select: replySelect,
    });
    const names = new Map(people.map((person) => [person.id, person.name]));
    const about = { type: "annotation" as const, id: annotationId, articleId: claim.articleId, claimId: claim.id };
    const audience = annotationAudience(annotation);
    const quote = excerpt(mentionsAsText(body, names));
    await notify(tx, {
      actor,
      kind: "mention",
      recipients: mentioned,
      target: about,
      summary: `mentioned you: “${quote}”`,
      audience,
    });
    await notify(tx, {
      actor,
      kind: "reply",
      // Someone mentioned hears of the mention only, even if they turned mentions off.
      recipients: [annotation.authorId, ...annotation.replies.map((row) => row.authorId), ...annotation.reviews.map((row) => row.reviewerId)].filter(
        (id) => !mentioned.includes(id),
      ),
      target: about,
      summary: `replied on “${excerpt(annotation.claim.exact, 60)}”: “${quote}”`,
      audience,
    });

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
