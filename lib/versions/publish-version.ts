/** Publishes a verified version of an article: an immutable, numbered snapshot (D5). */
import { db, type Prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { assertCan } from "@/lib/auth/policy";
import type { Actor } from "@/lib/auth/actor";
import { recordEvent } from "@/lib/audit/record-event";
import { publishChange } from "@/lib/live/publish";
import { excerpt, notify } from "@/lib/notifications/notify";
import { PublishVersionInput } from "@/lib/versions/schemas";
import { buildSnapshot, claimCounts } from "@/lib/versions/snapshot";
import { snapshotSha256 } from "@/lib/versions/hash";
import { loadPublishable } from "@/lib/versions/load-publishable";
import type { VersionSummaryDTO } from "@/lib/versions/present";

export interface PublishVersionOptions {
  actor: Actor | null;
  articleId: string;
  /** `{note?}`; see `PublishVersionInput`. */
  input: unknown;
}

/**
 * Publishes the article's current revision with its claims and their approved annotations as
 * version max + 1, stamped with the editor, the time and the sha256 of its content. Nothing
 * ever updates the row afterwards: a correction is a new version.
 */
export async function publishVersion({ actor, articleId, input }: PublishVersionOptions): Promise<VersionSummaryDTO> {
  assertCan(actor, "version.publish");
  const data = parseInput(PublishVersionInput, input);
  return db.$transaction(async (tx) => {
    // The article row lock makes publishes of one article take turns, so two never read the
    // same max(number); it also holds off a new revision (and new claims, which take FOR SHARE)
    // while the snapshot is read, so the snapshot is of one consistent revision.
    const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM articles WHERE id = ${articleId} FOR UPDATE`;
    if (locked.length === 0) throw new AppError("not_found", "No such article.");
    const publishable = await loadPublishable(tx, articleId);
    const number = publishable.latestNumber + 1;
    const publishedAt = new Date();
    const snapshot = buildSnapshot({
      articleId,
      number,
      // Millisecond precision, the same as the column's timestamp(3), so the two agree.
      publishedAt: publishedAt.toISOString(),
      publishedBy: { id: actor.id, name: actor.name },
      note: data.note ?? null,
      article: {
        title: publishable.article.title,
        outlet: publishable.article.outlet,
        author: publishable.article.author,
        url: publishable.article.url,
        publishedAt: publishable.article.publishedAt,
        language: publishable.article.language,
      },
      revision: publishable.revision,
      claims: publishable.claims,
    });
    const sha256 = snapshotSha256(snapshot);
    const version = await tx.publishedVersion.create({
      data: {
        articleId,
        number,
        revisionId: publishable.revision.id,
        snapshot: snapshot as unknown as Prisma.InputJsonObject,
        sha256,
        note: snapshot.note,
        publishedById: actor.id,
        publishedAt,
      },
      select: { id: true },
    });
    const counts = claimCounts(snapshot.claims);
    await recordEvent(tx, {
      actor,
      action: "version.published",
      targetType: "published_version",
      targetId: version.id,
      after: { articleId, number, revision: publishable.revision.number, sha256, note: snapshot.note, counts },
    });
    await publishChange(tx, { articleId, type: "version.published", id: version.id, claimId: null });
    // Everyone who worked on the article: who marked its claims, wrote its submitted work, reviewed or replied.
    const workers = await tx.$queryRaw<{ id: string }[]>`
      SELECT c.created_by_id AS id FROM claims c WHERE c.article_id = ${articleId}
      UNION SELECT a.author_id FROM annotations a JOIN claims c ON c.id = a.claim_id WHERE c.article_id = ${articleId} AND a.status <> 'draft'
      UNION SELECT r.reviewer_id FROM reviews r JOIN annotations a ON a.id = r.annotation_id JOIN claims c ON c.id = a.claim_id WHERE c.article_id = ${articleId}`;
    await notify(tx, {
      actor,
      kind: "published",
      recipients: workers.map((row) => row.id),
      target: { type: "article", id: articleId, articleId, claimId: null },
      summary: `published version ${number} of an article you worked on: ${excerpt(publishable.article.title)}`,
      audience: null,
    });
    return {
      id: version.id,
      articleId,
      number,
      publishedAt: snapshot.publishedAt,
      publishedBy: snapshot.publishedBy,
      note: snapshot.note,
      sha256,
      revisionNumber: publishable.revision.number,
      counts,
    };
  });
}
