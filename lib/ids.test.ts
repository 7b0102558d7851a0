import { describe, expect, it } from "vitest";
import { newId } from "@/lib/ids";

describe("newId", () => {
  it("makes 25-character lowercase ids in the shape of a cuid", () => {
    for (let i = 0; i < 100; i += 1) expect(newId()).toMatch(/^c[0-9a-z]{24}$/);
  });

  it("never repeats itself in a burst", () => {
    const ids = new Set(Array.from({ length: 50_000 }, () => newId()));
    expect(ids.size).toBe(50_000);
  });
});
