import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { alignCuts, boundedEditDistance, prefixDistance, suffixDistance } from "./edit-distance";

/** Textbook Levenshtein distance: the reference the fast versions are checked against. */
function levenshtein(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      current[j] = Math.min(
        (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1),
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
      );
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

const shortText = fc.string({ unit: fc.constantFrom("a", "b", "c", " "), maxLength: 40 });

describe("boundedEditDistance", () => {
  it("is the edit distance when within the bound, and bound + 1 beyond it", () => {
    fc.assert(
      fc.property(shortText, shortText, fc.integer({ min: 0, max: 45 }), (a, b, max) => {
        const distance = levenshtein(a, b);
        expect(boundedEditDistance(a, b, max)).toBe(distance <= max ? distance : max + 1);
      }),
    );
  });

  it("counts UTF-16 units", () => {
    expect(boundedEditDistance("👍", "👎", 5)).toBe(1);
    expect(boundedEditDistance("kitten", "sitting", 3)).toBe(3);
    expect(boundedEditDistance("kitten", "sitting", 2)).toBe(3);
  });
});

describe("prefixDistance and suffixDistance", () => {
  it("measure the context against the best text that touches the candidate", () => {
    fc.assert(
      fc.property(shortText, shortText, fc.nat(), (text, context, at) => {
        const offset = at % (text.length + 1);
        let bestBefore = Infinity;
        for (let k = 0; k <= offset; k += 1) bestBefore = Math.min(bestBefore, levenshtein(context, text.slice(offset - k, offset)));
        let bestAfter = Infinity;
        for (let k = 0; k <= text.length - offset; k += 1) {
          bestAfter = Math.min(bestAfter, levenshtein(context, text.slice(offset, offset + k)));
        }
        expect(prefixDistance(text, offset, context)).toBe(bestBefore);
        expect(suffixDistance(text, offset, context)).toBe(bestAfter);
      }),
    );
  });

  it("measure against all the text up to the edge when the context reached it", () => {
    fc.assert(
      fc.property(shortText, shortText, fc.nat(), (text, context, at) => {
        const offset = at % (text.length + 1);
        expect(prefixDistance(text, offset, context, true)).toBe(levenshtein(context, text.slice(0, offset)));
        expect(suffixDistance(text, offset, context, true)).toBe(levenshtein(context, text.slice(offset)));
      }),
    );
    // Far from the edge, the length difference stands in for the distance.
    expect(prefixDistance("x".repeat(500), 500, "abc", true)).toBe(497);
  });

  it("is 0 for an intact context and ignores text beyond it", () => {
    expect(prefixDistance("Paris on Monday said", 16, "on Monday ")).toBe(0);
    expect(suffixDistance("Paris on Monday said", 5, " on")).toBe(0);
    expect(prefixDistance("Paris on Monday said", 16, "", false)).toBe(0);
  });
});

describe("alignCuts", () => {
  it("splits the text so that the three parts' distances add up to the whole distance", () => {
    fc.assert(
      fc.property(shortText, shortText, shortText, shortText, (prefix, quote, suffix, target) => {
        const pattern = prefix + quote + suffix;
        const total = levenshtein(pattern, target);
        const padded = `##${target}##`;
        const cuts = [prefix.length, prefix.length + quote.length] as const;
        const { start, end } = alignCuts(pattern, padded, 2, 2 + target.length, cuts, total);
        expect(2 <= start && start <= end && end <= 2 + target.length).toBe(true);
        const parts =
          levenshtein(prefix, padded.slice(2, start)) +
          levenshtein(quote, padded.slice(start, end)) +
          levenshtein(suffix, padded.slice(end, 2 + target.length));
        expect(parts).toBe(total);
      }),
    );
  });

  it("gives text inserted at a cut to the inside", () => {
    const pattern = "said [claim] today";
    const text = "said XYZ[claim]ABC today";
    const { start, end } = alignCuts(pattern, text, 0, text.length, [5, 12], 6);
    expect(text.slice(start, end)).toBe("XYZ[claim]ABC");
  });
});
