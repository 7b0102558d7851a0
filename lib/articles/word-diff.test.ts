import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { wordDiff } from "./word-diff";

describe("wordDiff", () => {
  it("marks the words an edit removed and added, keeping paragraphs", () => {
    const diff = wordDiff("The council voted on Tuesday.\n\nIt costs 42 million.", "The council voted late on Tuesday.\n\nIt costs 45 million.");
    expect(diff?.segments).toEqual([
      { kind: "same", text: "The council voted " },
      { kind: "added", text: "late " },
      { kind: "same", text: "on Tuesday.\n\nIt costs " },
      { kind: "removed", text: "42" },
      { kind: "added", text: "45" },
      { kind: "same", text: " million." },
    ]);
    expect(diff).toMatchObject({ addedWords: 2, removedWords: 1 });
  });

  it("reads a rewritten sentence as one removal and one addition", () => {
    const diff = wordDiff("Before. Council leader said it would cost a lot.\n\nAfter.", "Before. A spokesperson declined to give a cost estimate.\n\nAfter.");
    expect(diff?.segments.map((segment) => segment.kind)).toEqual(["same", "removed", "added", "same"]);
    expect(diff?.segments[0]).toEqual({ kind: "same", text: "Before. " });
    expect(diff?.segments.at(-1)?.text).toContain("\n\nAfter.");
  });

  it("has no changes between equal texts", () => {
    expect(wordDiff("Same text.", "Same text.")).toEqual({ segments: [{ kind: "same", text: "Same text." }], addedWords: 0, removedWords: 0 });
  });

  it("rebuilds both texts from its segments", () => {
    const text = fc.array(fc.constantFrom("a", "b", "cc", " ", "\n\n", ".", "dd "), { maxLength: 30 }).map((parts) => parts.join(""));
    fc.assert(
      fc.property(text, text, (before, after) => {
        const diff = wordDiff(before, after)!;
        const side = (skip: "added" | "removed") => diff.segments.filter((segment) => segment.kind !== skip).map((segment) => segment.text).join("");
        expect(side("added")).toBe(before);
        expect(side("removed")).toBe(after);
      }),
    );
  });
});
