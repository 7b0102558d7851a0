/**
 * `npm test`: type check and lint, then every suite — unit and integration (Vitest, on a
 * throwaway PostgreSQL), end to end (Playwright in Chromium against the production build) and
 * resilience (the app killed mid-write, PostgreSQL stopped under it: scripts/resilience).
 * The last line is the summary `N passed, N failed, N skipped` over all suites.
 */
import fs from "node:fs";
import path from "node:path";
import { spawn, spawnSync } from "node:child_process";
import { countsFromSummary } from "./resilience/report.ts";

const ROOT = path.resolve(import.meta.dirname, "..");
const OUT = path.join(ROOT, "test-results");
fs.mkdirSync(OUT, { recursive: true });

interface Counts {
  passed: number;
  failed: number;
  skipped: number;
}

function run(label: string, command: string, args: string[], env: Record<string, string> = {}): number {
  console.log(`\n▶ ${label}`);
  const started = Date.now();
  const result = spawnSync(command, args, { cwd: ROOT, stdio: "inherit", env: { ...process.env, ...env } });
  console.log(`◀ ${label}: exit ${result.status ?? result.signal} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return result.status ?? 1;
}

/** Like `run`, for a suite that ends its output with `N passed, N failed`: streams it and returns those counts. */
async function runCounted(label: string, command: string, args: string[]): Promise<Counts> {
  console.log(`\n▶ ${label}`);
  const started = Date.now();
  const child = spawn(command, args, { cwd: ROOT, stdio: ["inherit", "pipe", "inherit"], env: process.env });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    process.stdout.write(chunk);
    output += chunk.toString("utf8");
  });
  const status = await new Promise<number>((resolve) => {
    child.once("error", () => resolve(1));
    child.once("close", (code) => resolve(code ?? 1));
  });
  console.log(`◀ ${label}: exit ${status} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return countsFromSummary(output, status);
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8")) as unknown;
  } catch {
    return undefined;
  }
}

function num(value: unknown): number {
  return typeof value === "number" ? value : 0;
}

/** Failed (and flaky) tests by name, printed again just above the summary so a log's tail names them. */
const failures: string[] = [];
const flakes: string[] = [];

function firstLine(message: unknown): string {
  const text = typeof message === "string" ? message : "";
  // Terminal colours do not belong in a summary.
  const line = (text.replace(/\u001b\[[0-9;]*m/g, "").split("\n").find((candidate) => candidate.trim() !== "") ?? "").trim();
  return line.length > 200 ? `${line.slice(0, 199)}…` : line;
}

function relative(file: unknown): string {
  return typeof file === "string" ? path.relative(ROOT, file) || file : "?";
}

function vitestFailures(report: { testResults?: Array<Record<string, unknown>> }): void {
  for (const result of report.testResults ?? []) {
    const assertions = Array.isArray(result.assertionResults) ? (result.assertionResults as Array<Record<string, unknown>>) : [];
    const failed = assertions.filter((assertion) => assertion.status === "failed");
    for (const assertion of failed) {
      const messages = Array.isArray(assertion.failureMessages) ? assertion.failureMessages : [];
      failures.push(`${relative(result.name)} › ${String(assertion.fullName ?? assertion.title ?? "?")}: ${firstLine(messages[0])}`);
    }
    if (result.status === "failed" && failed.length === 0) failures.push(`${relative(result.name)}: ${firstLine(result.message)}`);
  }
}

interface PlaywrightSuite {
  file?: string;
  suites?: PlaywrightSuite[];
  specs?: Array<{ title?: string; file?: string; line?: number; tests?: Array<{ status?: string; results?: Array<{ error?: { message?: string } }> }> }>;
}

function playwrightFailures(suites: PlaywrightSuite[] | undefined): void {
  for (const suite of suites ?? []) {
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests ?? []) {
        const name = `${spec.file ?? suite.file ?? "?"}:${spec.line ?? "?"} › ${spec.title ?? "?"}`;
        const error = (test.results ?? []).find((result) => result.error)?.error?.message;
        if (test.status === "unexpected") failures.push(`${name}: ${firstLine(error)}`);
        if (test.status === "flaky") flakes.push(`${name}: ${firstLine(error)}`);
      }
    }
    playwrightFailures(suite.suites);
  }
}

function vitestCounts(file: string, exitCode: number): Counts {
  const report = readJson(file) as
    | (Record<string, unknown> & { testResults?: Array<{ status?: string; assertionResults?: unknown[] }> })
    | undefined;
  if (!report) return { passed: 0, failed: 1, skipped: 0 };
  // A file that failed before running any test (an import error, a missing fixture) has no
  // failed test to count, and Vitest may still exit 0: count each such file as one failure.
  const brokenFiles = (report.testResults ?? []).filter(
    (result) => result.status === "failed" && (result.assertionResults ?? []).length === 0,
  ).length;
  vitestFailures(report);
  const counts = {
    passed: num(report.numPassedTests),
    failed: num(report.numFailedTests) + brokenFiles,
    skipped: num(report.numPendingTests) + num(report.numTodoTests),
  };
  if (exitCode !== 0 && counts.failed === 0) counts.failed = Math.max(1, num(report.numFailedTestSuites));
  return counts;
}

function playwrightCounts(file: string, exitCode: number): Counts {
  const report = readJson(file) as { stats?: Record<string, unknown>; suites?: PlaywrightSuite[] } | undefined;
  if (!report?.stats) return { passed: 0, failed: 1, skipped: 0 };
  playwrightFailures(report.suites);
  const { expected, unexpected, flaky, skipped } = report.stats;
  const counts = { passed: num(expected) + num(flaky), failed: num(unexpected), skipped: num(skipped) };
  if (exitCode !== 0 && counts.failed === 0) counts.failed = 1;
  return counts;
}

const node = process.execPath;
const bin = (relative: string) => path.join(ROOT, "node_modules", relative);
const total: Counts = { passed: 0, failed: 0, skipped: 0 };
const add = (counts: Counts) => {
  total.passed += counts.passed;
  total.failed += counts.failed;
  total.skipped += counts.skipped;
};

let staticFailures = 0;
if (!process.argv.includes("--no-static")) {
  staticFailures += run("Type check", node, [bin("typescript/bin/tsc"), "--noEmit"]) === 0 ? 0 : 1;
  staticFailures += run("Lint", node, [bin("eslint/bin/eslint.js"), "--max-warnings", "0", "."]) === 0 ? 0 : 1;
}

const vitestFile = path.join(OUT, "vitest.json");
fs.rmSync(vitestFile, { force: true });
const vitestExit = run("Unit and integration tests", node, [
  bin("vitest/vitest.mjs"),
  "run",
  "--reporter=default",
  "--reporter=json",
  `--outputFile.json=${vitestFile}`,
]);
add(vitestCounts(vitestFile, vitestExit));

const playwrightFile = path.join(OUT, "playwright.json");
fs.rmSync(playwrightFile, { force: true });
const e2eExit = run("End-to-end tests (Chromium)", node, [bin("tsx/dist/cli.mjs"), path.join(ROOT, "scripts/e2e.ts")], {
  PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightFile,
});
add(playwrightCounts(playwrightFile, e2eExit));

add(
  await runCounted("Resilience tests (app killed mid-write, database outage)", node, [
    bin("tsx/dist/cli.mjs"),
    path.join(ROOT, "scripts/resilience/run.ts"),
  ]),
);

if (flakes.length > 0) console.log(`\nPassed only on a retry (counted as passed):\n${flakes.map((line) => `  ~ ${line}`).join("\n")}`);
if (failures.length > 0) console.log(`\nFailed:\n${failures.map((line) => `  ✗ ${line}`).join("\n")}`);
if (staticFailures > 0) console.log(`\n${staticFailures} static check(s) failed (type check or lint); see above.`);
const failed = total.failed + staticFailures;
console.log(`\n${total.passed} passed, ${failed} failed${total.skipped ? `, ${total.skipped} skipped` : ""}`);
process.exit(failed > 0 ? 1 : 0);
