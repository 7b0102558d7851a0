/**
 * TextPositionSelector positions in code points, with astral characters (emoji, mathematical
 * letters: two UTF-16 code units each) before, inside and after a claim.
 */
import { describe, expect, it } from "vitest";
import { codePointOffsets } from "@/lib/exports/code-points";
import { w3cAnnotations } from "@/lib/exports/w3c";
import { FIXTURE_CONTEXT, seedSnapshot } from "@/lib/exports/__fixtures__/seed-snapshot";
import type { VersionSnapshot } from "@/lib/versions/snapshot";

describe("code point offsets", () => {
  it("counts a surrogate pair as one position", () => {
    const text = "Fans 🎉🎉 cheered 𝔘nited 😀 supporters. The stadium holds 54,000 people, the club said.";
    const toPoints = codePointOffsets(text);
    const start = text.indexOf("The stadium holds 54,000 people");
    const end = start + "The stadium holds 54,000 people".length;
    expect([start, end]).toEqual([41, 72]);
    expect([toPoints(start), toPoints(end)]).toEqual([37, 68]);
    expect(Array.from(text).slice(37, 68).join("")).toBe("The stadium holds 54,000 people");
    expect(toPoints(0)).toBe(0);
    expect(toPoints(text.length)).toBe(Array.from(text).length);
  });

  it("is the identity on text without astral characters", () => {
    const toPoints = codePointOffsets("Plain text, é and ü included.");
    for (const offset of [0, 5, 12, 29]) expect(toPoints(offset)).toBe(offset);
  });
});

/** The seed snapshot with `insert` put into its text at `at` (UTF-16), every claim moved to match. */
function withInsert(snapshot: VersionSnapshot, at: number, insert: string): VersionSnapshot {
  const text = snapshot.revision.text.slice(0, at) + insert + snapshot.revision.text.slice(at);
  const shift = (offset: number) => (offset >= at ? offset + insert.length : offset);
  return {
    ...snapshot,
    revision: { ...snapshot.revision, text },
    claims: snapshot.claims.map((claim) => {
      const start = claim.start >= at ? claim.start + insert.length : claim.start;
      const end = shift(claim.end);
      return { ...claim, start, end, exact: text.slice(start, end), prefix: text.slice(Math.max(0, start - 32), start), suffix: text.slice(end, end + 32) };
    }),
  };
}

describe("the W3C export's TextPositionSelector", () => {
  const base = seedSnapshot();
  const first = base.claims[0];
  if (!first) throw new Error("the seed snapshot has claims");
  const cases: [string, VersionSnapshot][] = [
    ["before every claim", withInsert(base, 0, "Fans 🎉🎉 cheered 𝔘nited 😀 supporters. ")],
    ["inside a claim", withInsert(base, first.start + 3, "😀")],
    ["after a claim", withInsert(base, first.end + 1, "𝔘🎉")],
  ];
  it.each(cases)("selects the quoted text in code points with astral characters %s", (_, snapshot) => {
    const points = Array.from(snapshot.revision.text);
    const annotations = w3cAnnotations(snapshot, FIXTURE_CONTEXT);
    expect(annotations.length).toBeGreaterThan(0);
    for (const annotation of annotations) {
      const target = annotation.target as { selector: { type: string; exact?: string; start?: number; end?: number }[] };
      const quote = target.selector.find((selector) => selector.type === "TextQuoteSelector");
      const position = target.selector.find((selector) => selector.type === "TextPositionSelector");
      expect(points.slice(position?.start, position?.end).join("")).toBe(quote?.exact);
    }
  });
});
