import { describe, expect, it } from "vitest";
import { mentionedIds, mentionsAsText, splitMentions } from "@/lib/mentions/tokens";

describe("mention tokens", () => {
  it("finds each person once, in order", () => {
    expect(mentionedIds("<@b1> and <@a2>, again <@b1>")).toEqual(["b1", "a2"]);
    expect(mentionedIds("an email a@b.c and <@ not a token>")).toEqual([]);
  });

  it("renders the current name, and someone for an unknown id", () => {
    const names = new Map([["u1", "Alice Martin"]]);
    expect(splitMentions("Hi <@u1>, see <@gone>.", names)).toEqual([
      { text: "Hi " },
      { mention: "u1", name: "Alice Martin" },
      { text: ", see " },
      { mention: "gone", name: null },
      { text: "." },
    ]);
    expect(mentionsAsText("<@u1> please check", names)).toBe("@Alice Martin please check");
  });
});
