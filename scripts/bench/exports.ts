/**
 * Line 7: exports of a published version with 1,000 verified claims on a ~150 KB article, each
 * format rendered server-side in ≤ 100 ms. Every export is a pure function of a snapshot (D5),
 * so the harness times the functions themselves, in this process: median of 20 renders after 3
 * warm-up renders.
 *
 * The exports live in lib/exports/ (being built). When that folder does not exist, every
 * format is reported as skipped (pass: false, "not built yet"). The harness uses
 * lib/exports/index.ts as its contract: per format a function of a snapshot and an export
 * context (`exportHtml`, `exportMarkdown`, `exportW3c`, `exportClaimReview`, or one
 * `renderExport(snapshot, format, context)`), and `snapshotFromArticle(article)`, the snapshot
 * the article as `getArticle` returns it would be published as. It is imported at run time, so
 * the benchmark still type-checks and runs while the folder is absent; adapt `wireExports`
 * below if the names change.
 *
 * "Server-side" here is the render alone: the export route also reads the stored snapshot
 * (one row) and sends the bytes.
 */
import fs from "node:fs";
import path from "node:path";
import type { ArticleDTO } from "@/lib/articles/present";
import { median } from "./stats.ts";

export const EXPORT_FORMATS = ["html", "markdown", "w3c", "claimreview"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

const CONVENTIONAL_NAMES: Record<ExportFormat, string> = {
  html: "exportHtml",
  markdown: "exportMarkdown",
  w3c: "exportW3c",
  claimreview: "exportClaimReview",
};

type Render = (snapshot: unknown) => unknown;

/** The context every export is rendered with (a fixed public origin and publisher). */
const EXPORT_CONTEXT = {
  baseUrl: "https://factdesk.example.org",
  organization: { name: "Factdesk", url: "https://factdesk.example.org" },
};

/** What the harness needs from lib/exports. */
export interface ExportHarness {
  snapshot: (article: ArticleDTO) => Promise<unknown>;
  renderers: Map<ExportFormat, Render>;
}

export interface ExportMeasurement {
  format: ExportFormat;
  /** Median render time, ms; null when skipped. */
  ms: number | null;
  bytes: number | null;
  note?: string;
}

/** The harness wired to lib/exports, null when the folder does not exist, or why it cannot be wired. */
export async function wireExports(root: string): Promise<ExportHarness | null | string> {
  const folder = path.join(root, "lib", "exports");
  if (!fs.existsSync(folder)) return null;
  const index = path.join(folder, "index.ts");
  if (!fs.existsSync(index)) return "lib/exports has no index.ts to import";
  const exported = (await import(index)) as Record<string, unknown>;
  const renderers = new Map<ExportFormat, Render>();
  const renderExport = exported.renderExport;
  for (const format of EXPORT_FORMATS) {
    const named = exported[CONVENTIONAL_NAMES[format]];
    if (typeof named === "function") {
      const render = named as (snapshot: unknown, context: typeof EXPORT_CONTEXT) => unknown;
      renderers.set(format, (snapshot) => render(snapshot, EXPORT_CONTEXT));
    } else if (typeof renderExport === "function") {
      const render = renderExport as (snapshot: unknown, format: string, context: typeof EXPORT_CONTEXT) => unknown;
      renderers.set(format, (snapshot) => render(snapshot, format, EXPORT_CONTEXT));
    }
  }
  const snapshotFromArticle = exported.snapshotFromArticle;
  if (typeof snapshotFromArticle !== "function") return "lib/exports exports no snapshotFromArticle(article)";
  return {
    snapshot: async (article) => (snapshotFromArticle as (article: ArticleDTO) => unknown)(article),
    renderers,
  };
}

function size(output: unknown): number {
  if (typeof output === "string") return Buffer.byteLength(output);
  if (output instanceof Uint8Array) return output.byteLength;
  return Buffer.byteLength(JSON.stringify(output) ?? "");
}

/** Times every format, or reports each as skipped. `article` loads the article to snapshot. */
export async function measureExports(options: {
  root: string;
  article: () => Promise<ArticleDTO>;
  log: (message: string) => void;
}): Promise<ExportMeasurement[]> {
  const harness = await wireExports(options.root);
  if (harness === null || typeof harness === "string") {
    const note = harness === null ? "not built yet" : `not wired: ${harness}`;
    options.log(`exports: skipped (${note})`);
    return EXPORT_FORMATS.map((format) => ({ format, ms: null, bytes: null, note }));
  }
  const snapshot = await harness.snapshot(await options.article());
  const claims = (snapshot as { claims?: unknown[] }).claims?.length ?? "?";
  options.log(`exports: snapshot with ${claims} claims`);
  const measurements: ExportMeasurement[] = [];
  for (const format of EXPORT_FORMATS) {
    const render = harness.renderers.get(format);
    if (!render) {
      measurements.push({ format, ms: null, bytes: null, note: "no renderer for this format in lib/exports" });
      continue;
    }
    let output: unknown;
    for (let run = 0; run < 3; run += 1) output = await render(snapshot);
    const times: number[] = [];
    for (let run = 0; run < 20; run += 1) {
      const started = performance.now();
      output = await render(snapshot);
      times.push(performance.now() - started);
    }
    const measurement = { format, ms: median(times), bytes: size(output) };
    options.log(`export ${format}: median ${measurement.ms.toFixed(1)} ms, ${measurement.bytes} bytes`);
    measurements.push(measurement);
  }
  return measurements;
}
