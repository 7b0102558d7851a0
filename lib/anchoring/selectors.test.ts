import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { describeRange, verifyPosition } from "./selectors";

describe("describeRange", () => {
  const text = "NATO allies on Thursday rejected the idea of sending troops to Ukraine, officials said.";

  it("quotes the range with up to 32 characters of context on each side", () => {
    const start = text.indexOf("rejected");
    const end = start + "rejected the idea".length;
    const { quote, position } = describeRange(text, start, end);
    expect(position).toEqual({ start, end });
    expect(quote.exact).toBe("rejected the idea");
    expect(quote.prefix).toBe("NATO allies on Thursday ");
    expect(quote.suffix).toBe(" of sending troops to Ukraine, o");
    expect(quote.suffix).toHaveLength(32);
  });

  it("takes what context there is at the edges of the text", () => {
    expect(describeRange("abc", 0, 3).quote).toEqual({ exact: "abc", prefix: "", suffix: "" });
    expect(describeRange("abc", 1, 1).quote).toEqual({ exact: "", prefix: "a", suffix: "bc" });
  });

  it("honours a custom context length", () => {
    expect(describeRange("0123456789", 4, 6, 2).quote).toEqual({ exact: "45", prefix: "23", suffix: "67" });
    expect(describeRange("0123456789", 4, 6, 0).quote).toEqual({ exact: "45", prefix: "", suffix: "" });
  });

  it("keeps emoji whole at the outer edges of the context", () => {
    // "👍" is two code units; a 2-unit context would cut it in half on both sides.
    const { quote } = describeRange("a👍bXc👍d", 4, 5, 2);
    expect(quote).toEqual({ exact: "X", prefix: "b", suffix: "c" });
    expect(describeRange("a👍bXc👍d", 4, 5, 3).quote).toEqual({ exact: "X", prefix: "👍b", suffix: "c👍" });
  });

  it("keeps newlines of the canonical text in quote and context", () => {
    expect(describeRange("Title\n\nBody text", 7, 11, 4).quote).toEqual({ exact: "Body", prefix: "le\n\n", suffix: " tex" });
  });

  it("refuses ranges outside the text", () => {
    expect(() => describeRange("abc", -1, 2)).toThrow(RangeError);
    expect(() => describeRange("abc", 2, 1)).toThrow(RangeError);
    expect(() => describeRange("abc", 0, 4)).toThrow(RangeError);
    expect(() => describeRange("abc", 0.5, 2)).toThrow(RangeError);
    expect(() => describeRange("abc", 0, 2, -1)).toThrow(RangeError);
  });

  it("describes every range so that the position verifies and the context is adjacent", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom("a", "b", " ", "\n", "👍", "é"), maxLength: 120 }),
        fc.nat(),
        fc.nat(),
        fc.integer({ min: 0, max: 40 }),
        (value, a, b, contextLength) => {
          const x = a % (value.length + 1);
          const y = b % (value.length + 1);
          const [start, end] = [Math.min(x, y), Math.max(x, y)];
          const { quote, position } = describeRange(value, start, end, contextLength);
          expect(verifyPosition(value, { ...position, exact: quote.exact })).toBe(true);
          expect(value.slice(start - quote.prefix.length, end + quote.suffix.length)).toBe(quote.prefix + quote.exact + quote.suffix);
          expect(quote.prefix.length).toBeLessThanOrEqual(contextLength);
          expect(quote.suffix.length).toBeLessThanOrEqual(contextLength);
          expect(quote.prefix.length).toBeGreaterThanOrEqual(Math.min(start, contextLength) - 1);
          expect(quote.suffix.length).toBeGreaterThanOrEqual(Math.min(value.length - end, contextLength) - 1);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe("verifyPosition", () => {
  const text = "Hello\n\nWorld";

  it("accepts a position whose text is the quote", () => {
    expect(verifyPosition(text, { start: 0, end: 5, exact: "Hello" })).toBe(true);
    expect(verifyPosition(text, { start: 3, end: 9, exact: "lo\n\nWo" })).toBe(true);
    expect(verifyPosition(text, { start: 12, end: 12, exact: "" })).toBe(true);
  });

  it("rejects a position whose text differs from the quote", () => {
    expect(verifyPosition(text, { start: 1, end: 6, exact: "Hello" })).toBe(false);
    expect(verifyPosition(text, { start: 0, end: 5, exact: "hello" })).toBe(false);
    expect(verifyPosition(text, { start: 0, end: 4, exact: "Hello" })).toBe(false);
  });

  it("rejects positions out of bounds instead of reading a shorter slice", () => {
    expect(verifyPosition(text, { start: 7, end: 13, exact: "World" })).toBe(false);
    expect(verifyPosition(text, { start: 10, end: 20, exact: "ld" })).toBe(false);
    expect(verifyPosition(text, { start: -5, end: 0, exact: "" })).toBe(false);
    expect(verifyPosition(text, { start: 5, end: 0, exact: "" })).toBe(false);
    expect(verifyPosition(text, { start: 0.5, end: 5.5, exact: "Hello" })).toBe(false);
    expect(verifyPosition(text, { start: Number.NaN, end: 5, exact: "Hello" })).toBe(false);
  });
});
