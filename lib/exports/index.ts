/**
 * The exports of a published version (DESIGN.md, "Export formats"). Each is a pure function
 * of a snapshot and an `ExportContext` (D5): the same inputs give the same bytes, every time.
 *
 *   exportHtml(snapshot, context)         standalone printable page, ClaimReview JSON-LD inside
 *   exportMarkdown(snapshot, context)     text with footnotes holding verdicts and sources
 *   exportW3c(snapshot, context)          W3C Web Annotation AnnotationCollection (JSON-LD)
 *   exportClaimReview(snapshot, context)  schema.org ClaimReview JSON-LD, one per verified claim
 *   renderExport(snapshot, format, context) → { body, contentType, filename }
 *
 * `snapshotFromArticle` makes the snapshot an article would be published as, from the article
 * as `getArticle` returns it, for benchmarks and tools that have no published version at hand.
 */
import type { ArticleDTO } from "@/lib/articles/present";
import { buildSnapshot, type VersionSnapshot } from "@/lib/versions/snapshot";
import type { ExportContext } from "@/lib/exports/context";
import { exportHtml } from "@/lib/exports/html";
import { exportMarkdown } from "@/lib/exports/markdown";
import { exportW3c } from "@/lib/exports/w3c";
import { exportClaimReview } from "@/lib/exports/claimreview";
import { slugify } from "@/lib/exports/findings";

export { exportHtml, exportMarkdown, exportW3c, exportClaimReview };
export type { ExportContext };

export const EXPORT_FORMATS = ["html", "markdown", "w3c", "claimreview"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Whether `value` names an export format. */
export function isExportFormat(value: unknown): value is ExportFormat {
  return typeof value === "string" && (EXPORT_FORMATS as readonly string[]).includes(value);
}

interface FormatInfo {
  render: (snapshot: VersionSnapshot, context: ExportContext) => string;
  contentType: string;
  /** File name ending, after `<slug>-v<number>`. */
  suffix: string;
  label: string;
}

export const EXPORT_FORMAT_INFO: Record<ExportFormat, FormatInfo> = {
  html: { render: exportHtml, contentType: "text/html; charset=utf-8", suffix: ".html", label: "HTML page" },
  markdown: { render: exportMarkdown, contentType: "text/markdown; charset=utf-8", suffix: ".md", label: "Markdown" },
  w3c: {
    render: exportW3c,
    // The media type the W3C Web Annotation Protocol gives annotation JSON-LD.
    contentType: 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"',
    suffix: "-annotations.jsonld",
    label: "W3C Web Annotations",
  },
  claimreview: {
    render: exportClaimReview,
    contentType: "application/ld+json",
    suffix: "-claimreview.jsonld",
    label: "ClaimReview JSON-LD",
  },
};

export interface RenderedExport {
  body: string;
  contentType: string;
  filename: string;
}

/** The file name of a version's export, e.g. `nato-and-allies-reject-v2.html`. */
export function exportFilename(snapshot: Pick<VersionSnapshot, "article" | "number">, format: ExportFormat): string {
  return `${slugify(snapshot.article.title)}-v${snapshot.number}${EXPORT_FORMAT_INFO[format].suffix}`;
}

/** Renders one format of a version. */
export function renderExport(snapshot: VersionSnapshot, format: ExportFormat, context: ExportContext): RenderedExport {
  const info = EXPORT_FORMAT_INFO[format];
  return { body: info.render(snapshot, context), contentType: info.contentType, filename: exportFilename(snapshot, format) };
}

/**
 * The snapshot `article` would be published as: its current revision, claims and approved
 * annotations (those in `article` being the ones its reader could see, which always includes
 * every approved one). The version number, date and publisher are placeholders unless given.
 */
export function snapshotFromArticle(
  article: ArticleDTO,
  stamp: { number?: number; publishedAt?: string; publishedBy?: { id: string; name: string }; note?: string | null } = {},
): VersionSnapshot {
  return buildSnapshot({
    articleId: article.id,
    number: stamp.number ?? 1,
    publishedAt: stamp.publishedAt ?? article.revision.createdAt,
    publishedBy: stamp.publishedBy ?? { id: "system", name: "Factdesk" },
    note: stamp.note ?? null,
    article: {
      title: article.title,
      outlet: article.outlet,
      author: article.author,
      url: article.url,
      publishedAt: article.publishedAt,
    },
    revision: { id: article.revision.id, number: article.revision.number, text: article.revision.text, doc: article.revision.doc },
    claims: article.claims,
  });
}
