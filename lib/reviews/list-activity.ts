/** "Activity": what others did to my work — their reviews of and replies to my annotations. */
import { mentionsAsText } from "@/lib/mentions/tokens";
import { db, type Prisma } from "@/lib/db";
import { parseInput } from "@/lib/validation";
import { assertCan } from "@/lib/auth/policy";
import type { Actor } from "@/lib/auth/actor";
import type { ActivityItemDTO } from "@/lib/claims/present";
import { PageInput } from "@/lib/reviews/schemas";
import { decodeCursor, encodeCursor, type TimeCursor } from "@/lib/reviews/cursor";

export interface ListActivityOptions {
  actor: Actor | null;
  /** `{cursor?, limit?}` (limit 1..100, default 50). */
  input?: unknown;
}

const contextSelect = {
  id: true,
  kind: true,
  version: true,
  status: true,
  claim: { select: { id: true, exact: true, article: { select: { id: true, title: true } } } },
} as const satisfies Prisma.AnnotationSelect;

type Context = Prisma.AnnotationGetPayload<{ select: typeof contextSelect }>;

/**
 * A page of reviews and replies by other people on `actor`'s own annotations, newest first.
 * Two queries (reviews, replies), each one page long, merged on (time, id); the cursor is a
 * position in that merged order, so pages neither skip nor repeat items.
 */
export async function listActivity({ actor, input = {} }: ListActivityOptions): Promise<{
  items: ActivityItemDTO[];
  nextCursor: string | null;
}> {
  assertCan(actor, "article.read");
  const { cursor, limit } = parseInput(PageInput, input);
  const before = cursor ? beforeCursor(decodeCursor(cursor)) : {};
  const order = [{ createdAt: "desc" as const }, { id: "desc" as const }];
  const [reviews, replies] = await Promise.all([
    db.review.findMany({
      where: { annotation: { authorId: actor.id }, reviewerId: { not: actor.id }, ...before },
      orderBy: order,
      take: limit + 1,
      select: {
        id: true,
        decision: true,
        comment: true,
        version: true,
        createdAt: true,
        reviewer: { select: { id: true, name: true } },
        annotation: { select: contextSelect },
      },
    }),
    db.reply.findMany({
      where: { annotation: { authorId: actor.id }, authorId: { not: actor.id }, ...before },
      orderBy: order,
      take: limit + 1,
      select: {
        id: true,
        body: true,
        createdAt: true,
        author: { select: { id: true, name: true } },
        mentions: { select: { user: { select: { id: true, name: true } } } },
        annotation: { select: contextSelect },
      },
    }),
  ]);
  const merged = [
    ...reviews.map((review) => ({
      createdAt: review.createdAt,
      item: item(review.id, "review", review.decision, review.comment, review.reviewer, review.createdAt, review.annotation),
    })),
    ...replies.map((reply) => ({
      createdAt: reply.createdAt,
      item: item(reply.id, "reply", null, replyText(reply), reply.author, reply.createdAt, reply.annotation),
    })),
  ].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.item.id < b.item.id ? 1 : a.item.id > b.item.id ? -1 : 0));
  const page = merged.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map((entry) => entry.item),
    nextCursor: merged.length > limit && last ? encodeCursor(last.createdAt, last.item.id) : null,
  };
}

/** Rows strictly after `cursor` in (createdAt desc, id desc) order. */
function beforeCursor(cursor: TimeCursor) {
  return { OR: [{ createdAt: { lt: cursor.at } }, { createdAt: cursor.at, id: { lt: cursor.id } }] };
}

/** A reply's text with its mentions written as the people's current names. */
function replyText(reply: { body: string; mentions: { user: { id: string; name: string } }[] }): string {
  return mentionsAsText(reply.body, new Map(reply.mentions.map(({ user }) => [user.id, user.name])));
}

function item(
  id: string,
  type: ActivityItemDTO["type"],
  decision: ActivityItemDTO["decision"],
  text: string,
  actor: { id: string; name: string },
  createdAt: Date,
  annotation: Context,
): ActivityItemDTO {
  return {
    id,
    type,
    decision,
    text,
    actor: { id: actor.id, name: actor.name },
    createdAt: createdAt.toISOString(),
    annotation: { id: annotation.id, kind: annotation.kind, version: annotation.version, status: annotation.status },
    claim: { id: annotation.claim.id, exact: annotation.claim.exact },
    article: { id: annotation.claim.article.id, title: annotation.claim.article.title },
  };
}
