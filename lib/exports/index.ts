/**
 * The exports of a published version (docs/architecture.md, "Export formats"). Each is a pure function
 * of a snapshot and an `ExportContext` (D5): the same inputs give the same bytes, every time.
 *
 *   exportHtml(snapshot, context)         standalone printable page, ClaimReview JSON-LD inside
 *   exportMarkdown(snapshot, context)     text with footnotes holding verdicts and sources
 *   exportW3c(snapshot, context)          W3C Web Annotation AnnotationCollection (JSON-LD)
 *   exportClaimReview(snapshot, context)  schema.org ClaimReview JSON-LD, one per verified claim
 *   renderExport(snapshot, format, context) → { body, contentType, filename }
 */
import type { VersionSnapshot } from "@/lib/versions/snapshot";
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
