/**
 * The resilience suite's output: one line per check (✓ or ✗, a name, the figures behind it)
 * and a last line `N passed, N failed`, which scripts/test.ts reads back.
 */

export interface SuiteCounts {
  passed: number;
  failed: number;
  skipped: number;
}

/** Counts checks as they are printed. */
export class Report {
  passed = 0;
  failed = 0;

  /** Prints one check; returns `ok` so callers can branch on it. */
  check(name: string, ok: boolean, detail?: string): boolean {
    if (ok) this.passed += 1;
    else this.failed += 1;
    console.log(`${ok ? "✓" : "✗"} ${name}${detail ? ` (${detail})` : ""}`);
    return ok;
  }

  /** A line of figures that is not a check. */
  note(message: string): void {
    console.log(`  · ${message}`);
  }

  summary(): string {
    return formatSummary(this.passed, this.failed);
  }
}

export function formatSummary(passed: number, failed: number): string {
  return `${passed} passed, ${failed} failed`;
}

const SUMMARY = /^(\d+) passed, (\d+) failed\b/;

/**
 * The counts of a suite from its output: the last `N passed, N failed` line. A suite that
 * printed none (it crashed), or exited non-zero while counting no failure, counts one failure.
 */
export function countsFromSummary(output: string, exitCode: number): SuiteCounts {
  let counts: SuiteCounts | undefined;
  for (const line of output.split(/\r?\n/)) {
    const match = SUMMARY.exec(line.trim());
    if (match) counts = { passed: Number(match[1]), failed: Number(match[2]), skipped: 0 };
  }
  if (!counts) return { passed: 0, failed: 1, skipped: 0 };
  if (exitCode !== 0 && counts.failed === 0) return { ...counts, failed: 1 };
  return counts;
}
