/**
 * The verdict scale, defined once: labels, definitions, colours and the numeric rating that
 * ClaimReview exports carry. Everything that shows or exports a verdict reads it from here.
 */
import type { Verdict } from "@/lib/claims/present";
import type { PublishedClaimStatus } from "@/lib/versions/snapshot";
import { CLAIM_STATUS_INFO } from "@/lib/claims/status-labels";

export interface VerdictInfo {
  label: string;
  definition: string;
  /** Text colour on a light background (WCAG AA on white). */
  color: string;
  /** Background tint for badges. */
  tint: string;
  /** schema.org reviewRating.ratingValue, from worst (1) to best (5); null when not rated. */
  ratingValue: number | null;
}

export const BEST_RATING = 5;
export const WORST_RATING = 1;

export const VERDICT_SCALE: Record<Verdict, VerdictInfo> = {
  true: {
    label: "True",
    definition: "The claim is accurate and nothing significant is missing.",
    color: "#17643a",
    tint: "#e3f3e8",
    ratingValue: 5,
  },
  mostly_true: {
    label: "Mostly true",
    definition: "The claim is accurate but needs clarification or additional information.",
    color: "#3d6317",
    tint: "#eef5e1",
    ratingValue: 4,
  },
  mixed: {
    label: "Mixed",
    definition: "The claim is partly accurate and partly inaccurate.",
    color: "#7a5600",
    tint: "#fbf1d9",
    ratingValue: 3,
  },
  misleading: {
    label: "Misleading",
    definition: "The claim contains accurate elements but leaves a false impression.",
    color: "#9a3d00",
    tint: "#fde9dc",
    ratingValue: 2,
  },
  false: {
    label: "False",
    definition: "The claim is inaccurate.",
    color: "#a4161a",
    tint: "#fbe4e4",
    ratingValue: 1,
  },
  unverifiable: {
    label: "Unverifiable",
    definition: "The available evidence can neither confirm nor refute the claim.",
    color: "#4b5060",
    tint: "#eceef2",
    ratingValue: null,
  },
};

export const STANCE_LABELS = {
  supports: "Supports",
  refutes: "Refutes",
  context: "Context",
} as const;

/**
 * How published claims without a single agreed verdict read on public pages and in exports
 * (lib/exports/findings.ts). Verified claims show their verdict from VERDICT_SCALE instead;
 * the colours are the desk's status colours (lib/claims/status-labels.ts).
 */
export const PUBLISHED_STATUS_INFO: Record<PublishedClaimStatus, { label: string; description: string; color: string; tint: string }> = {
  verified: {
    label: "Verified",
    description: "An approved verdict backed by an approved source.",
    color: CLAIM_STATUS_INFO.verified.color,
    tint: CLAIM_STATUS_INFO.verified.tint,
  },
  disputed: {
    label: "Disputed",
    description: "Our reviewers approved different verdicts; the claim stays open until they agree.",
    color: CLAIM_STATUS_INFO.disputed.color,
    tint: CLAIM_STATUS_INFO.disputed.tint,
  },
  unverified: {
    label: "Not yet verified",
    description: "Marked as a claim to check; no verdict has been approved yet.",
    color: "#4b5060",
    tint: "#eceef2",
  },
};
