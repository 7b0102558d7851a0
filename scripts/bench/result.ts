/** One line of the benchmark's table and of bench/results.json, and how both are written. */
import fs from "node:fs";
import path from "node:path";
import { round } from "./stats.ts";

export interface BenchResult {
  name: string;
  /** What the measurement is compared with (a floor, or the same measurement on a smaller case); null when nothing. */
  baseline: number | null;
  /** The measurement; null when it could not be made (see `note`). */
  value: number | null;
  unit: string;
  /** value / baseline; null without both. */
  ratio: number | null;
  /** The target as text, e.g. "≤ 50 ms" or "≥ 0.60 × floor"; "reference" for lines without one. */
  target: string;
  pass: boolean;
  /** A short remark shown in the table (e.g. "not built yet"). */
  note?: string;
  /** Further figures behind the line (percentiles, counts), in the JSON file only. */
  detail?: string;
}

/** A result whose ratio is computed from value and baseline. */
export function result(fields: Omit<BenchResult, "ratio"> & { ratio?: number | null }): BenchResult {
  const ratio =
    fields.ratio !== undefined
      ? fields.ratio
      : fields.value !== null && fields.baseline !== null && fields.baseline !== 0
        ? fields.value / fields.baseline
        : null;
  return {
    ...fields,
    baseline: fields.baseline === null ? null : round(fields.baseline, 2),
    value: fields.value === null ? null : round(fields.value, 2),
    ratio: ratio === null ? null : round(ratio, 3),
  };
}

/** A reference measurement: no target, always "passes". */
export function reference(name: string, value: number, unit: string, baseline: number | null = null, note?: string): BenchResult {
  return result({ name, baseline, value, unit, target: "reference", pass: true, ...(note ? { note } : {}) });
}

function formatNumber(value: number | null, unit = ""): string {
  if (value === null) return "—";
  const digits = Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2;
  const text = value.toLocaleString("en", { maximumFractionDigits: digits, minimumFractionDigits: 0 });
  return unit ? `${text} ${unit}` : text;
}

/** The table as Markdown (printed to the terminal and pasted into the README). */
export function markdownTable(results: readonly BenchResult[]): string {
  const header = ["line", "baseline", "measured", "ratio", "target", "pass"];
  const rows = results.map((entry) => [
    entry.name + (entry.note ? ` (${entry.note})` : ""),
    formatNumber(entry.baseline, entry.unit),
    formatNumber(entry.value, entry.unit),
    entry.ratio === null ? "—" : `${formatNumber(entry.ratio)}×`,
    entry.target,
    entry.target === "reference" ? "" : entry.pass ? "yes" : "**NO**",
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? "").length)));
  const line = (cells: string[]) => `| ${cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(" | ")} |`;
  return [line(header), `|${widths.map((width) => "-".repeat(width + 2)).join("|")}|`, ...rows.map(line)].join("\n");
}

/**
 * Writes bench/results.json (pretty, one entry per line of the table); a partial run (`--only`)
 * writes bench/tmp/results-partial.json instead, leaving the full results alone.
 */
export function writeResults(root: string, results: readonly BenchResult[], partial = false): string {
  const file = partial ? path.join(root, "bench", "tmp", "results-partial.json") : path.join(root, "bench", "results.json");
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const ordered = results.map(({ name, baseline, value, unit, ratio, target, pass, note, detail }) => ({
    name,
    baseline,
    value,
    unit,
    ratio,
    target,
    pass,
    ...(note !== undefined ? { note } : {}),
    ...(detail !== undefined ? { detail } : {}),
  }));
  fs.writeFileSync(file, `${JSON.stringify(ordered, null, 2)}\n`);
  return file;
}
