import { describe, expect, it } from "vitest";
import { formatDue } from "@/lib/format";

describe("formatDue", () => {
  it("names the year only when it is not this year's", () => {
    const now = new Date("2026-12-07T08:00:00Z");
    expect(formatDue("2026-12-08T17:00:00Z", now)).toBe("8 Dec, 17:00 UTC");
    expect(formatDue("2020-01-06T09:00:00Z", now)).toBe("6 Jan 2020, 09:00 UTC");
    expect(formatDue(null, now)).toBe("—");
  });
});
