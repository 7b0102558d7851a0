/**
 * An archived copy as a reader sees it: a static page built from the stored text (never the
 * page's own HTML), served with a CSP `sandbox` policy, so it runs in an opaque origin: no
 * script, nothing loaded from anywhere, and no access to the app's cookies or storage.
 */
import { db, type Prisma } from "@/lib/db";
import { assertCan } from "@/lib/auth/policy";
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { visibleAnnotationWhere } from "@/lib/annotations/access";

export { ARCHIVE_COPY_CSP } from "@/lib/security/headers";

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (char) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[char] ?? char);

const STYLE = `body{margin:0;background:#fafaf9;color:#1c1917;font:17px/1.65 Georgia,"Times New Roman",serif}
header{font:13px/1.5 system-ui,sans-serif;background:#f5f5f4;border-bottom:1px solid #d6d3d1;padding:.75rem 1rem}
header p{margin:.15rem 0;max-width:46rem;margin-inline:auto;overflow-wrap:anywhere}
main{max-width:42rem;margin:0 auto;padding:1.5rem 1rem 4rem}
h1{font-size:1.6rem;line-height:1.25;margin:.5rem 0 1.25rem}
p{margin:0 0 1em}
code{font:12px ui-monospace,monospace}
a{color:#1d4ed8}`;

/**
 * Whether a published version cites the copy. A published version's sources are public, so the
 * copy it cites is public too: anyone, signed in or not, may open it. Published versions are
 * never changed, so once cited, a copy stays public.
 */
async function citedByPublishedVersion(archiveId: string): Promise<boolean> {
  const rows = await db.$queryRaw<{ cited: boolean }[]>`
    SELECT EXISTS (
      SELECT 1 FROM published_versions
      WHERE jsonb_path_exists(snapshot, '$.claims[*].sources[*].archive.id ? (@ == $id)', jsonb_build_object('id', ${archiveId}::text))
    ) AS cited`;
  return rows[0]?.cited === true;
}

/**
 * The page of an archived copy. Who may open it: anyone when a published version cites it;
 * otherwise signed-in people who may see the source annotation. Everyone else, and an id never
 * issued, get the same 404.
 */
export async function getArchiveCopy({ actor, archiveId }: { actor: Actor | null; archiveId: string }): Promise<string> {
  let visible: Prisma.SourceArchiveWhereInput = {};
  if (!(await citedByPublishedVersion(archiveId))) {
    if (!actor) throw new AppError("not_found", "No such archived copy.");
    assertCan(actor, "article.read");
    visible = { annotation: visibleAnnotationWhere(actor) };
  }
  const archive = await db.sourceArchive.findFirst({
    where: { id: archiveId, status: "archived", ...visible },
    select: { url: true, finalUrl: true, archivedAt: true, httpStatus: true, sha256: true, title: true, text: true },
  });
  if (!archive) throw new AppError("not_found", "No such archived copy.");
  const address = archive.finalUrl ?? archive.url;
  const when = archive.archivedAt ? archive.archivedAt.toISOString().replace("T", " ").slice(0, 16) + " UTC" : "";
  const paragraphs = (archive.text ?? "")
    .split(/\n\s*\n/)
    .map((block) => block.trim())
    .filter(Boolean)
    .map((block) => `<p>${escapeHtml(block).replace(/\n/g, "<br>")}</p>`)
    .join("\n");
  const link = /^https?:\/\//i.test(address) ? `<a href="${escapeHtml(address)}" rel="noopener noreferrer">${escapeHtml(address)}</a>` : escapeHtml(address);
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="referrer" content="no-referrer">
<title>Archived copy: ${escapeHtml(archive.title ?? address)}</title><style>${STYLE}</style></head>
<body><header><p><strong>Archived copy</strong> of ${link}</p><p>Taken ${escapeHtml(when)} · HTTP ${archive.httpStatus ?? "?"} · sha256 <code>${escapeHtml(archive.sha256 ?? "")}</code></p><p>The text as Factdesk received it; the live page may have changed since.</p></header>
<main>${archive.title ? `<h1>${escapeHtml(archive.title)}</h1>` : ""}
${paragraphs || "<p><em>The page held no text.</em></p>"}
</main></body></html>`;
}
