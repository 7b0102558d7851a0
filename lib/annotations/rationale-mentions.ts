/**
 * People mentioned in a verification's rationale: the rows that say whom it names
 * (annotation_mentions), and the one "mention" notification each of them gets.
 *
 * When they are told: a draft is its author's alone, so nobody hears of a mention in a draft.
 * A person is notified once per annotation, in the transaction that first makes the annotation
 * visible to them while it names them: its submission, or an edit of an annotation already in
 * review that adds them. Withdrawing it, submitting it again or editing it again never tells
 * the same person twice (`notified_at`), and someone whose mention was removed before
 * submission is never told.
 */
import type { JSONContent } from "@tiptap/core";
import { Prisma, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/auth/actor";
import { rationaleForReader } from "@/lib/annotations/rationale";
import { annotationAudience, excerpt, notify } from "@/lib/notifications/notify";

/** The people `ids` names, all enabled members of the desk (422 otherwise), with their names. */
export async function mentionablePeople(client: Pick<Tx, "user">, ids: string[]): Promise<{ id: string; name: string }[]> {
  if (ids.length === 0) return [];
  const people = await client.user.findMany({ where: { id: { in: ids }, disabledAt: null }, select: { id: true, name: true } });
  if (people.length !== ids.length) {
    throw new AppError("unprocessable", "The rationale mentions someone who is not on the desk.", {
      fields: { rationale: "Mention only enabled members of the desk." },
    });
  }
  return people;
}

/**
 * The rows of a new annotation's mentions, as a CTE of the statement that inserts it
 * (`inserted` holds its id): none is notified yet, a new annotation being a draft.
 */
export function newMentionRows(ids: string[]): Prisma.Sql {
  if (ids.length === 0) return Prisma.empty;
  return Prisma.sql`, mentioned AS (
      INSERT INTO annotation_mentions (annotation_id, user_id)
      SELECT inserted.id, m.user_id FROM inserted, unnest(${ids}::text[]) AS m(user_id)
    )`;
}

/** Makes the annotation's mention rows those of `ids`, keeping whether each kept person was told. */
export async function replaceMentions(tx: Tx, annotationId: string, ids: string[]): Promise<void> {
  await tx.annotationMention.deleteMany({ where: { annotationId, userId: { notIn: ids } } });
  if (ids.length > 0) {
    await tx.annotationMention.createMany({ data: ids.map((userId) => ({ annotationId, userId })), skipDuplicates: true });
  }
}

/**
 * Tells the people the annotation's rationale names and who were not told yet, when the
 * annotation is visible to them (past draft); call it in the transaction of the change, after
 * the change. Returns the ids notified.
 */
export async function notifyRationaleMentions(
  tx: Tx,
  { actor, annotationId, claim }: { actor: Actor; annotationId: string; claim: { id: string; articleId: string } },
): Promise<string[]> {
  const annotation = await tx.annotation.findUnique({
    where: { id: annotationId },
    select: {
      kind: true,
      status: true,
      authorId: true,
      rationale: true,
      rationaleText: true,
      claim: { select: { exact: true } },
      mentions: { select: { userId: true, notifiedAt: true, user: { select: { name: true } } } },
    },
  });
  if (!annotation || annotation.kind !== "verification" || annotationAudience(annotation) !== null) return [];
  const pending = annotation.mentions.filter((mention) => mention.notifiedAt === null).map((mention) => mention.userId);
  if (pending.length === 0) return [];
  const names = new Map(annotation.mentions.map((mention) => [mention.userId, mention.user.name]));
  const { text } = rationaleForReader(
    { doc: (annotation.rationale ?? { type: "doc" }) as JSONContent, text: annotation.rationaleText ?? "" },
    names,
  );
  const notified = await notify(tx, {
    actor,
    kind: "mention",
    recipients: pending,
    target: { type: "annotation", id: annotationId, articleId: claim.articleId, claimId: claim.id },
    summary: `mentioned you in a verdict on “${excerpt(annotation.claim.exact, 60)}”: “${excerpt(text)}”`,
    audience: null,
  });
  // Everyone pending counts as told, also those the settings or the actor rule kept silent:
  // turning mentions back on later does not bring up an old one.
  await tx.annotationMention.updateMany({ where: { annotationId, userId: { in: pending } }, data: { notifiedAt: new Date() } });
  return notified;
}
