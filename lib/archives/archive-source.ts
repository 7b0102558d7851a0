/**
 * The `archive-source` job: fetches a cited page through the SSRF-safe fetcher and stores what
 * the server received as a WARC record, with its sha256, extracted text and title. A pending
 * archive becomes archived or failed exactly once (the update matches only a pending row, and
 * an archived row cannot change at all), so a job delivered twice does no harm.
 *
 * A server that is down (5xx, refused connection, time-out) is tried again with back-off; an
 * address that is refused, too large, not a page, or missing (4xx) fails at once.
 *
 * Whichever way it ends, the row is marked in one transaction with a live change of the
 * source's article (`archive.archived` or `archive.failed`, D9): every open page of the article
 * whose reader may see the source learns it at once, and nothing is announced when the row was
 * not marked (already done by an earlier delivery, deleted, or the update failed).
 *
 * With `FACTDESK_WAYBACK=on`, the page's address is also submitted to the Internet Archive's
 * Save Page Now (lib/archives/wayback.ts) and the link to its copy kept with the desk's own.
 */
import { parseHTML } from "linkedom";
import { db, type Prisma } from "@/lib/db";
import { ARCHIVE_CHANGES, publishChange } from "@/lib/live/publish";
import type { JobRun } from "@/lib/jobs/queue";
import { JOB_SPECS } from "@/lib/jobs/registry";
import { FetchError, safeFetch, type FetchFailure } from "@/lib/net/safe-fetch";
import { prepareWebArticleDocument } from "@/lib/articles/import/prepare-article-document";
import { decodeHtml, extractWebArticle, MIN_ARTICLE_CHARS } from "@/lib/articles/import/extract-web-page";
import { warcResponseRecord } from "@/lib/archives/warc";
import { saveToWayback, waybackSettings } from "@/lib/archives/wayback";

export const ARCHIVE_MAX_BYTES = 10_000_000;
export const ARCHIVE_CONTENT_TYPES = ["text/html", "application/xhtml+xml", "text/plain"] as const;
const TRANSIENT: ReadonlySet<FetchFailure> = new Set(["timeout", "network", "unresolvable"]);

class TransientFailure extends Error {}

/**
 * Marks a pending archive done (`data`) and announces it to the source's article, in one
 * transaction: a row already marked (a job delivered twice) is left alone and not announced.
 */
async function settleArchive(id: string, type: typeof ARCHIVE_CHANGES.archived | typeof ARCHIVE_CHANGES.failed, data: Prisma.SourceArchiveUpdateManyMutationInput): Promise<void> {
  await db.$transaction(async (tx) => {
    const { count } = await tx.sourceArchive.updateMany({ where: { id, status: "pending" }, data });
    if (count === 0) return;
    const { annotation } = await tx.sourceArchive.findUniqueOrThrow({
      where: { id },
      select: { annotation: { select: { id: true, claimId: true, claim: { select: { articleId: true } } } } },
    });
    await publishChange(tx, { articleId: annotation.claim.articleId, type, id: annotation.id, claimId: annotation.claimId });
  });
}

async function markFailed(id: string, error: string, httpStatus: number | null = null): Promise<void> {
  await settleArchive(id, ARCHIVE_CHANGES.failed, { status: "failed", error, httpStatus });
}

function pageText(body: Buffer, charset: string | null, contentType: string, url: string): { title: string | null; text: string } {
  const decoded = decodeHtml(body, charset);
  if (contentType === "text/plain") return { title: null, text: decoded.replace(/\u0000/g, "") };
  const article = extractWebArticle(decoded, url);
  if (article.text.length >= MIN_ARTICLE_CHARS) {
    // Paragraphs separated by blank lines, as the import stores them.
    try {
      return { title: article.title, text: prepareWebArticleDocument(article.contentHtml, url).text };
    } catch {
      return { title: article.title, text: article.text };
    }
  }
  // Not an article (a short notice, a data page): keep the page's whole text.
  const { document } = parseHTML(decoded);
  for (const element of Array.from(document.querySelectorAll("script, style, noscript, template"))) element.remove();
  return { title: article.title, text: (document.body?.textContent ?? "").replace(/[ \t]+/g, " ").replace(/\n\s*\n\s*/g, "\n\n").trim() };
}

export async function archiveSource(data: { archiveId: string }, run: JobRun): Promise<void> {
  const archive = await db.sourceArchive.findUnique({ where: { id: data.archiveId }, select: { id: true, url: true, status: true } });
  if (!archive || archive.status !== "pending") return;
  const lastAttempt = run.retryCount >= JOB_SPECS["archive-source"].retryLimit;
  try {
    const page = await safeFetch(archive.url, {
      maxBytes: ARCHIVE_MAX_BYTES,
      timeoutMs: 20_000,
      contentTypes: ARCHIVE_CONTENT_TYPES,
      signal: run.signal,
    });
    if (page.status >= 500 && !lastAttempt) throw new TransientFailure(`HTTP ${page.status}`);
    if (page.status < 200 || page.status >= 300) {
      return await markFailed(archive.id, `The page answered HTTP ${page.status}${page.statusText ? ` ${page.statusText}` : ""}.`, page.status);
    }
    const { record, sha256 } = await warcResponseRecord(page);
    const { title, text } = pageText(page.body, page.charset, page.contentType, page.url);
    // The public copy, asked for once the desk's own is in hand; its failure is kept, not raised.
    const wayback = waybackSettings();
    const publicCopy = wayback.enabled ? await saveToWayback(archive.url, { endpoint: wayback.endpoint, signal: run.signal }) : null;
    await settleArchive(archive.id, ARCHIVE_CHANGES.archived, {
      status: "archived",
      archivedAt: page.fetchedAt,
      finalUrl: page.url,
      httpStatus: page.status,
      contentType: page.contentType,
      sha256,
      warc: new Uint8Array(record),
      title: title?.slice(0, 1000) ?? null,
      text: text.replace(/\u0000/g, ""),
      error: null,
      waybackUrl: publicCopy?.url ?? null,
      waybackError: publicCopy?.error ?? null,
    });
  } catch (error) {
    if (error instanceof TransientFailure) throw error;
    if (error instanceof FetchError) {
      if (TRANSIENT.has(error.reason) && !lastAttempt) throw error;
      return await markFailed(archive.id, error.message);
    }
    if (!lastAttempt) throw error;
    await markFailed(archive.id, "The copy could not be stored.");
    throw error;
  }
}
