/**
 * Line 7: exports of a published version with 1,000 verified claims on a ~150 KB article, each
 * format rendered server-side in ≤ 100 ms. Every export is a pure function of a snapshot (D5),
 * so the harness times the functions themselves, in this process: median of 20 renders after 3
 * warm-up renders.
 *
 * The snapshot is built the way publishing builds it (`loadPublishable`, then `buildSnapshot`).
 * "Server-side" here is the render alone: the export route also reads the stored snapshot
 * (one row) and sends the bytes.
 */
import { EXPORT_FORMATS, renderExport, type ExportFormat } from "@/lib/exports";
import type { VersionSnapshot } from "@/lib/versions/snapshot";
import { median } from "./stats.ts";

/** The context every export is rendered with (a fixed public origin and publisher). */
const EXPORT_CONTEXT = {
  baseUrl: "https://factdesk.example.org",
  organization: { name: "Factdesk", url: "https://factdesk.example.org" },
};

export interface ExportMeasurement {
  format: ExportFormat;
  /** Median render time, ms. */
  ms: number;
  bytes: number;
}

/** Times every format on the snapshot `snapshot` loads. */
export async function measureExports(options: {
  snapshot: () => Promise<VersionSnapshot>;
  log: (message: string) => void;
}): Promise<ExportMeasurement[]> {
  const snapshot = await options.snapshot();
  options.log(`exports: snapshot with ${snapshot.claims.length} claims`);
  const measurements: ExportMeasurement[] = [];
  for (const format of EXPORT_FORMATS) {
    const render = () => renderExport(snapshot, format, EXPORT_CONTEXT).body;
    let output = "";
    for (let run = 0; run < 3; run += 1) output = render();
    const times: number[] = [];
    for (let run = 0; run < 20; run += 1) {
      const started = performance.now();
      output = render();
      times.push(performance.now() - started);
    }
    const measurement = { format, ms: median(times), bytes: Buffer.byteLength(output) };
    options.log(`export ${format}: median ${measurement.ms.toFixed(1)} ms, ${measurement.bytes} bytes`);
    measurements.push(measurement);
  }
  return measurements;
}
