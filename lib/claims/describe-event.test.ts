import { describe, expect, it } from "vitest";
import { describeEvent } from "@/lib/claims/describe-event";

describe("describeEvent", () => {
  it.each([
    ["claim.created", null, { status: "unchecked" }, "Alice Martin marked the claim."],
    ["annotation.created", null, { kind: "source", version: 1, title: "Secret draft title" }, "Alice Martin added a source (version 1)."],
    ["annotation.updated", { kind: "verification", version: 1 }, { kind: "verification", version: 2, rationaleText: "secret" }, "Alice Martin edited a verdict, now version 2."],
    [
      "annotation.submitted",
      { kind: "verification", version: 2 },
      { kind: "verification", version: 2, claimStatus: { before: "unchecked", after: "in_review" } },
      "Alice Martin submitted a verdict (version 2) for review. Claim status: In review.",
    ],
    ["annotation.withdrawn", { kind: "source", version: 1 }, { kind: "source", version: 1 }, "Alice Martin withdrew a source (version 1) from review."],
    ["annotation.deleted", { kind: "source", version: 3, url: "https://secret.example/" }, null, "Alice Martin deleted a source."],
    ["annotation.reviewed", { kind: "verification", version: 2 }, { kind: "verification", version: 2, decision: "approve", comment: "Fine" }, "Alice Martin approved a verdict (version 2)."],
    ["annotation.reviewed", {}, { kind: "source", version: 1, decision: "request_changes", comment: "x" }, "Alice Martin requested changes to a source (version 1)."],
    ["annotation.reviewed", {}, { kind: "source", version: 4, decision: "reject", comment: "x" }, "Alice Martin rejected a source (version 4)."],
    ["annotation.replied", null, { kind: "verification", version: 1, body: "A private thought" }, "Alice Martin replied on a verdict."],
    ["claim.reanchored", null, { revision: 2, match: "exact", status: "unchecked" }, "Alice Martin saved revision 2; the claim moved with its text."],
    [
      "claim.reanchored",
      { revision: 2, exact: "cost 42 million" },
      { revision: 3, match: "fuzzy", exact: "cost 45 million", claimStatus: { before: "verified", after: "needs_reverification" } },
      "Alice Martin saved revision 3, which changed the words of the claim; it now reads “cost 45 million”. Claim status: Needs re-verification.",
    ],
    [
      "claim.orphaned",
      { revision: 3 },
      { revision: 4, reason: "quote-changed", claimStatus: { before: "in_review", after: "orphaned" } },
      "Alice Martin saved revision 4, where the claim’s text could not be found. Claim status: Orphaned.",
    ],
    ["claim.reattached", null, { revision: 4, exact: "the new words" }, "Alice Martin re-attached the claim to “the new words” in revision 4."],
    [
      "annotation.reopened",
      { kind: "verification", version: 2 },
      { kind: "verification", version: 3, reason: "x" },
      "The text under the claim changed: a verdict (version 3) needs review again.",
    ],
    ["publication.made", null, null, "Alice Martin: publication made."],
  ])("%s reads as a sentence without content", (action, before, after, expected) => {
    expect(describeEvent({ action, actorName: "Alice Martin", before, after })).toBe(expected);
  });

  it("names the system when no person acted", () => {
    expect(describeEvent({ action: "claim.created", actorName: null, before: null, after: null })).toBe("Factdesk marked the claim.");
  });
});
