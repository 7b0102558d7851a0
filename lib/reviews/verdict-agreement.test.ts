import { describe, expect, it } from "vitest";
import { verdictAgreement, type AgreementAnnotation } from "@/lib/reviews/verdict-agreement";
import type { AnnotationStatus, Verdict } from "@/lib/claims/present";

let clock = 0;
const verdict = (author: string, value: Verdict, status: AnnotationStatus = "submitted"): AgreementAnnotation => ({
  kind: "verification",
  status,
  author: { id: author },
  verdict: value,
  updatedAt: new Date(Date.UTC(2026, 0, 1, 0, 0, (clock += 1))).toISOString(),
});
const source = (author: string): AgreementAnnotation => ({
  kind: "source",
  status: "approved",
  author: { id: author },
  updatedAt: new Date(0).toISOString(),
});

describe("verdictAgreement", () => {
  it("is null, on no claims, without two people's verdicts on one claim", () => {
    expect(verdictAgreement([])).toEqual({ alpha: null, claims: 0, reviewers: 0 });
    expect(
      verdictAgreement([
        { annotations: [verdict("a", "true"), verdict("a", "false"), source("b")] },
        { annotations: [verdict("b", "true"), verdict("c", "false", "draft"), verdict("d", "false", "rejected")] },
        { annotations: [verdict("b", "true"), verdict("c", "unverifiable")] },
      ]),
    ).toEqual({ alpha: null, claims: 0, reviewers: 0 });
  });

  it("computes ordinal alpha over claims two people judged (the hand example of krippendorff-alpha.test.ts)", () => {
    const agreement = verdictAgreement([
      { annotations: [verdict("a", "true"), verdict("b", "true", "approved")] },
      { annotations: [verdict("a", "true"), verdict("b", "mostly_true", "changes_requested")] },
      { annotations: [verdict("a", "false"), verdict("b", "false"), verdict("c", "unverifiable")] },
      { annotations: [verdict("c", "mixed")] },
    ]);
    expect(agreement.claims).toBe(3);
    expect(agreement.reviewers).toBe(2);
    expect(agreement.alpha).toBeCloseTo(7 / 9, 12);
  });

  it("takes each author's latest counted verdict on a claim", () => {
    const agreement = verdictAgreement([
      // a's earlier "false" is replaced by the later "true": perfect agreement.
      { annotations: [verdict("a", "false"), verdict("b", "true"), verdict("a", "true"), verdict("a", "mixed", "draft")] },
      { annotations: [verdict("a", "misleading"), verdict("b", "misleading")] },
    ]);
    expect(agreement).toEqual({ alpha: 1, claims: 2, reviewers: 2 });
  });
});
