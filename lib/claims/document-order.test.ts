import { describe, expect, it } from "vitest";
import { compareDocumentOrder, comparePosition } from "@/lib/claims/document-order";

const claim = (id: string, start: number, end: number, createdAt = "2026-12-01T10:00:00.000Z") => ({ id, start, end, createdAt });

describe("document order", () => {
  it("lists claims by start, the enclosing one first, then the older, then by id", () => {
    const claims = [
      claim("late", 40, 45),
      claim("inner", 10, 15),
      claim("twin-b", 10, 20, "2026-12-01T10:00:00.001Z"),
      claim("outer", 10, 30),
      claim("twin-a", 10, 20, "2026-12-01T10:00:00.001Z"),
      claim("older", 10, 20, "2026-12-01T09:59:59.999Z"),
    ];
    expect([...claims].sort(compareDocumentOrder).map((c) => c.id)).toEqual(["outer", "older", "twin-a", "twin-b", "inner", "late"]);
  });

  it("compares ids code unit by code unit, as PostgreSQL's C collation does, not by locale", () => {
    // A locale comparison puts "a" before "B"; code units (and `COLLATE "C"`) put "B" first.
    expect([claim("a", 0, 1), claim("B", 0, 1)].sort(compareDocumentOrder).map((c) => c.id)).toEqual(["B", "a"]);
  });

  it("by position alone, keeps the given order of claims on the same span", () => {
    const listed = [claim("second", 5, 9), claim("first", 5, 9), claim("enclosing", 5, 12), claim("before", 0, 3)];
    expect([...listed].sort(comparePosition).map((c) => c.id)).toEqual(["before", "enclosing", "second", "first"]);
  });
});
