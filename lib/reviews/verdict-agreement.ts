/**
 * How far the verdicts of different people on the same claims agree: Krippendorff's alpha
 * for ordinal data (lib/reviews/krippendorff-alpha.ts) over an article's claims. Pure code.
 *
 * - Units are claims; coders are the authors of verification annotations.
 * - Each author counts once per claim, with their latest verification (by last change) that
 *   is in review or judged favourably: submitted, approved or sent back for changes. Drafts
 *   and rejected verdicts do not count.
 * - The scale runs true < mostly_true < mixed < misleading < false; `unverifiable` is not a
 *   point on it and counts as a missing value.
 * - alpha rests on the claims with values from two or more authors; with none it is null.
 *   When every value given is the same it is 1 (the convention documented in
 *   krippendorff-alpha.ts).
 */
import type { AgreementDTO } from "@/lib/articles/present";
import type { AnnotationStatus, Verdict } from "@/lib/claims/present";
import { krippendorffAlpha, type AlphaUnit } from "@/lib/reviews/krippendorff-alpha";

/** Verdict ranks on the ordinal scale; unverifiable is off the scale. */
export const VERDICT_RANK: Readonly<Record<Verdict, number | null>> = {
  true: 0,
  mostly_true: 1,
  mixed: 2,
  misleading: 3,
  false: 4,
  unverifiable: null,
};

const COUNTED: ReadonlySet<AnnotationStatus> = new Set(["submitted", "approved", "changes_requested"]);

/** The parts of an annotation the agreement reads. */
export interface AgreementAnnotation {
  kind: "source" | "verification";
  status: AnnotationStatus;
  author: { id: string };
  updatedAt: string;
  verdict?: Verdict;
}

/** Agreement of verdicts over `claims`, each with its annotations. */
export function verdictAgreement(claims: ReadonlyArray<{ annotations: readonly AgreementAnnotation[] }>): AgreementDTO {
  const units: AlphaUnit[] = [];
  const reviewers = new Set<string>();
  for (const claim of claims) {
    const latest = new Map<string, AgreementAnnotation>();
    for (const annotation of claim.annotations) {
      if (annotation.kind !== "verification" || !COUNTED.has(annotation.status)) continue;
      const seen = latest.get(annotation.author.id);
      if (!seen || annotation.updatedAt > seen.updatedAt) latest.set(annotation.author.id, annotation);
    }
    const values = [...latest].flatMap(([authorId, annotation]) => {
      const rank = annotation.verdict === undefined ? null : VERDICT_RANK[annotation.verdict];
      return rank === null ? [] : [{ authorId, rank }];
    });
    if (values.length < 2) continue;
    units.push(values.map((value) => value.rank));
    for (const value of values) reviewers.add(value.authorId);
  }
  return {
    alpha: units.length > 0 ? krippendorffAlpha(units, "ordinal") : null,
    claims: units.length,
    reviewers: reviewers.size,
  };
}
