import { describe, expect, it } from "vitest";
import { analyseCrash } from "./crash-analysis.ts";
import { countsFromSummary, formatSummary } from "./report.ts";

describe("the crash analysis", () => {
  const sent = ["t0", "t1", "t2", "t3"];

  it("accepts acknowledged writes stored once, each with its event, and counts unacknowledged ones that landed", () => {
    const findings = analyseCrash({
      sent,
      acknowledged: ["t0", "t1"],
      annotations: [
        { id: "a0", title: "t0" },
        { id: "a1", title: "t1" },
        { id: "a2", title: "t2" },
      ],
      createdEvents: [
        { id: "e0", targetId: "a0" },
        { id: "e1", targetId: "a1" },
        { id: "e2", targetId: "a2" },
      ],
    });
    expect(findings).toEqual({
      lostAcknowledged: [],
      duplicated: [],
      withoutEvent: [],
      withSeveralEvents: [],
      orphanEvents: [],
      unknownTitles: [],
      unacknowledgedLanded: 1,
    });
  });

  it("finds lost and duplicated writes and half-written rows in both directions", () => {
    const findings = analyseCrash({
      sent,
      acknowledged: ["t0", "t1", "t3"],
      annotations: [
        { id: "a0", title: "t0" },
        { id: "a0b", title: "t0" },
        { id: "a1", title: "t1" },
        { id: "ax", title: "elsewhere" },
      ],
      createdEvents: [
        { id: "e0", targetId: "a0" },
        { id: "e0b", targetId: "a0b" },
        { id: "e1", targetId: "a1" },
        { id: "e1b", targetId: "a1" },
        { id: "e9", targetId: "gone" },
      ],
    });
    expect(findings.lostAcknowledged).toEqual(["t3"]);
    expect(findings.duplicated).toEqual(["t0"]);
    expect(findings.withoutEvent).toEqual(["ax"]);
    expect(findings.withSeveralEvents).toEqual(["a1"]);
    expect(findings.orphanEvents).toEqual(["e9"]);
    expect(findings.unknownTitles).toEqual(["elsewhere"]);
  });
});

describe("the suite summary", () => {
  it("is read back from the last summary line", () => {
    const output = `✓ one\n✗ two\n${formatSummary(3, 0)}\nnoise\n${formatSummary(19, 1)}\n`;
    expect(countsFromSummary(output, 1)).toEqual({ passed: 19, failed: 1, skipped: 0 });
  });

  it("counts a failure when the suite printed no summary or exited non-zero without one failing", () => {
    expect(countsFromSummary("crashed before the end\n", 1)).toEqual({ passed: 0, failed: 1, skipped: 0 });
    expect(countsFromSummary("", 0)).toEqual({ passed: 0, failed: 1, skipped: 0 });
    expect(countsFromSummary(`${formatSummary(20, 0)}\n`, 1)).toEqual({ passed: 20, failed: 1, skipped: 0 });
    expect(countsFromSummary(`${formatSummary(20, 0)}\n`, 0)).toEqual({ passed: 20, failed: 0, skipped: 0 });
  });
});
