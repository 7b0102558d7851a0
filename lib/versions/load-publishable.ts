/**
 * Loads what a version would be built from: the article, its current revision, and the claims
 * of that revision with their annotations past draft. Used by publishing (under the article
 * lock) and by the preview the editor confirms.
 */
import type { JSONContent } from "@tiptap/core";
import type { Tx } from "@/lib/db";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { iso } from "@/lib/articles/present";
import type { SnapshotArchive, SnapshotArticle, SnapshotClaimInput, SnapshotRevision } from "@/lib/versions/snapshot";
import { archiveCopyPath, latestArchiveSelect, type ArchiveSummaryRow } from "@/lib/archives/present-archive";
import { publicOrigin } from "@/lib/settings";
import { rationaleForReader } from "@/lib/annotations/rationale";

/**
 * The copy a version cites for a source: the newest attempt, when it is a finished copy of the
 * source's current address. Its URL is absolute on the configured public origin (never the
 * request's Host), so an export read anywhere links back to the desk.
 */
function citedArchive(rows: readonly ArchiveSummaryRow[], currentUrl: string | null, origin: string): SnapshotArchive | null {
  const latest = rows[0];
  if (!latest || currentUrl === null || latest.url !== currentUrl || latest.status !== "archived" || !latest.archivedAt) return null;
  return { id: latest.id, archivedAt: latest.archivedAt.toISOString(), sha256: latest.sha256, url: `${origin}${archiveCopyPath(latest.id)}` };
}

export interface Publishable {
  article: SnapshotArticle & { id: string };
  revision: SnapshotRevision;
  claims: SnapshotClaimInput[];
  /** The newest published version's number, 0 before the first. */
  latestNumber: number;
}

/** A rationale with its mentions written as the people's names of today. */
function publishedRationale(
  rationale: unknown,
  rationaleText: string | null,
  mentions: { user: { id: string; name: string } }[],
): { rationale: JSONContent | null; rationaleText: string | null } {
  if (rationale === null || rationaleText === null) return { rationale: (rationale ?? null) as JSONContent | null, rationaleText };
  const names = new Map(mentions.map(({ user }) => [user.id, user.name]));
  const read = rationaleForReader({ doc: rationale as JSONContent, text: rationaleText }, names);
  return { rationale: read.doc, rationaleText: read.text };
}

/** The article's current revision and its claims; `not_found` when there is no such article. */
export async function loadPublishable(client: Tx | typeof db, articleId: string): Promise<Publishable> {
  const article = await client.article.findUnique({
    where: { id: articleId },
    select: {
      id: true,
      title: true,
      outlet: true,
      author: true,
      url: true,
      publishedAt: true,
      language: true,
      revisions: { orderBy: { number: "desc" }, take: 1, select: { id: true, number: true, text: true, doc: true } },
      versions: { orderBy: { number: "desc" }, take: 1, select: { number: true } },
    },
  });
  const revision = article?.revisions[0];
  if (!article || !revision) throw new AppError("not_found", "No such article.");
  const claims = await client.claim.findMany({
    // Orphans point at an older revision; the snapshot carries only this revision's claims.
    // In no particular order: `buildSnapshot` puts them in document order.
    where: { articleId, revisionId: revision.id, status: { not: "orphaned" } },
    select: {
      id: true,
      revisionId: true,
      status: true,
      exact: true,
      prefix: true,
      suffix: true,
      start: true,
      end: true,
      claimant: true,
      createdAt: true,
      annotations: {
        // Drafts are their authors' alone and never decide a status; leave them in the database.
        where: { status: { not: "draft" } },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: {
          id: true,
          kind: true,
          status: true,
          version: true,
          url: true,
          title: true,
          publisher: true,
          excerpt: true,
          stance: true,
          verdict: true,
          rationale: true,
          rationaleText: true,
          createdAt: true,
          author: { select: { id: true, name: true } },
          archives: latestArchiveSelect,
          mentions: { select: { user: { select: { id: true, name: true } } } },
        },
      },
    },
  });
  const origin = publicOrigin();
  return {
    article: {
      id: article.id,
      title: article.title,
      outlet: article.outlet,
      author: article.author,
      url: article.url,
      publishedAt: iso(article.publishedAt),
      language: article.language,
    },
    revision: { id: revision.id, number: revision.number, text: revision.text, doc: revision.doc as JSONContent },
    claims: claims.map((claim) => ({
      ...claim,
      createdAt: claim.createdAt.toISOString(),
      annotations: claim.annotations.map(({ archives, mentions, ...annotation }) => ({
        ...annotation,
        archive: annotation.kind === "source" ? citedArchive(archives, annotation.url, origin) : null,
        // A version keeps the names of the people a rationale mentions as they were when it was
        // published, like everything else in it: its exports never carry a `<@userId>`.
        ...publishedRationale(annotation.rationale, annotation.rationaleText, mentions),
        author: { id: annotation.author.id, name: annotation.author.name },
        createdAt: annotation.createdAt.toISOString(),
      })),
    })),
    latestNumber: article.versions[0]?.number ?? 0,
  };
}
