import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { countsTowardsClaimStatus, deriveClaimStatus, type StatusInput } from "@/lib/claims/derive-claim-status";
import { ANNOTATION_STATUSES, VERDICTS, type AnnotationStatus, type Verdict } from "@/lib/claims/present";

const source = (status: AnnotationStatus): StatusInput => ({ kind: "source", status, verdict: null });
const verification = (status: AnnotationStatus, verdict: Verdict = "false"): StatusInput => ({
  kind: "verification",
  status,
  verdict,
});

describe("deriveClaimStatus", () => {
  it("is unchecked without annotations", () => {
    expect(deriveClaimStatus([])).toBe("unchecked");
  });

  it("stays unchecked while no verification is submitted, sent back or approved", () => {
    expect(deriveClaimStatus([verification("draft"), source("draft")])).toBe("unchecked");
    expect(deriveClaimStatus([verification("rejected"), verification("rejected", "true")])).toBe("unchecked");
    // Sources alone, even approved ones, are evidence without a verdict.
    expect(deriveClaimStatus([source("submitted"), source("approved")])).toBe("unchecked");
  });

  it("is in review while a verification awaits review or its author's changes", () => {
    expect(deriveClaimStatus([verification("submitted")])).toBe("in_review");
    expect(deriveClaimStatus([verification("changes_requested")])).toBe("in_review");
    expect(deriveClaimStatus([verification("changes_requested"), verification("rejected"), source("approved")])).toBe("in_review");
    expect(deriveClaimStatus([verification("submitted"), source("approved")])).toBe("in_review");
  });

  it("is in review when an approved verdict still lacks an approved source", () => {
    expect(deriveClaimStatus([verification("approved")])).toBe("in_review");
    expect(deriveClaimStatus([verification("approved"), source("submitted"), source("rejected")])).toBe("in_review");
  });

  it("is verified with an approved verification and an approved source", () => {
    expect(deriveClaimStatus([verification("approved"), source("approved")])).toBe("verified");
    // Other work in progress does not unsettle an agreed verdict.
    expect(
      deriveClaimStatus([verification("approved"), verification("approved"), source("approved"), verification("submitted", "true")]),
    ).toBe("verified");
  });

  it("is disputed when approved verdicts disagree, with or without sources", () => {
    expect(deriveClaimStatus([verification("approved", "true"), verification("approved", "false")])).toBe("disputed");
    expect(
      deriveClaimStatus([verification("approved", "true"), verification("approved", "mostly_true"), source("approved")]),
    ).toBe("disputed");
  });

  it("ignores verdicts that are not approved when looking for disagreement", () => {
    expect(
      deriveClaimStatus([verification("approved", "true"), verification("rejected", "false"), source("approved")]),
    ).toBe("verified");
  });

  // The whole table: one row per case of the definitions in derive-claim-status.ts.
  it.each<[string, StatusInput[], string]>([
    ["nothing", [], "unchecked"],
    ["a draft verdict", [verification("draft")], "unchecked"],
    ["a rejected verdict", [verification("rejected")], "unchecked"],
    ["an approved source alone", [source("approved")], "unchecked"],
    ["a submitted source alone", [source("submitted")], "unchecked"],
    ["a submitted verdict", [verification("submitted")], "in_review"],
    ["a verdict sent back for changes", [verification("changes_requested")], "in_review"],
    ["an approved verdict without a source", [verification("approved")], "in_review"],
    ["an approved verdict with a submitted source", [verification("approved"), source("submitted")], "in_review"],
    ["an approved verdict with a rejected source", [verification("approved"), source("rejected")], "in_review"],
    ["an approved verdict and an approved source", [verification("approved"), source("approved")], "verified"],
    ["two agreeing approved verdicts and a source", [verification("approved"), verification("approved"), source("approved")], "verified"],
    ["agreed verdicts while another waits", [verification("approved"), source("approved"), verification("submitted", "true")], "verified"],
    ["approved verdicts that disagree", [verification("approved", "true"), verification("approved", "false")], "disputed"],
    ["disagreeing verdicts with a source", [verification("approved", "true"), verification("approved", "mixed"), source("approved")], "disputed"],
    ["a disagreeing verdict that is only submitted", [verification("approved", "true"), verification("submitted", "false"), source("approved")], "verified"],
    ["unverifiable against a verdict", [verification("approved", "unverifiable"), verification("approved", "true")], "disputed"],
  ])("%s → %s", (_, annotations, expected) => {
    expect(deriveClaimStatus(annotations)).toBe(expected);
  });

  const annotation = fc.record({
    kind: fc.constantFrom("source" as const, "verification" as const),
    status: fc.constantFrom(...ANNOTATION_STATUSES),
    verdict: fc.constantFrom(...VERDICTS),
  });

  it("never depends on the order of the annotations", () => {
    fc.assert(
      fc.property(fc.array(annotation, { maxLength: 8 }), (annotations) => {
        expect(deriveClaimStatus([...annotations].reverse())).toBe(deriveClaimStatus(annotations));
      }),
    );
  });

  // Annotation changes skip the status refresh on this promise (lib/annotations/finish-change.ts):
  // a new draft, for instance, must not be able to move a claim's status.
  it("does not count drafts and rejected annotations", () => {
    expect(countsTowardsClaimStatus({ status: "draft" })).toBe(false);
    expect(countsTowardsClaimStatus({ status: "rejected" })).toBe(false);
    for (const status of ["submitted", "changes_requested", "approved"] as const) expect(countsTowardsClaimStatus({ status })).toBe(true);
  });

  it("never changes when annotations that do not count are added or removed", () => {
    fc.assert(
      fc.property(fc.array(annotation, { maxLength: 8 }), fc.array(annotation, { maxLength: 4 }), (annotations, others) => {
        const uncounted = others.filter((other) => !countsTowardsClaimStatus(other));
        expect(deriveClaimStatus([...annotations, ...uncounted])).toBe(deriveClaimStatus(annotations));
        expect(deriveClaimStatus(annotations.filter(countsTowardsClaimStatus))).toBe(deriveClaimStatus(annotations));
      }),
    );
  });
});
