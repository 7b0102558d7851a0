/** How each claim status reads and looks: one table for highlights, badges and filters. */
import type { ClaimStatus } from "@/lib/claims/present";

export interface ClaimStatusInfo {
  label: string;
  description: string;
  /** Highlight fill in the article (translucent, so overlapping claims stay visible). */
  highlight: string;
  /** Underline colour of the highlight, for those who cannot tell the fills apart. */
  underline: string;
  /** Badge text and background (WCAG AA). */
  color: string;
  tint: string;
}

export const CLAIM_STATUS_INFO: Record<ClaimStatus, ClaimStatusInfo> = {
  unchecked: {
    label: "Unchecked",
    description: "No verdict submitted yet.",
    highlight: "rgba(250, 204, 21, 0.30)",
    underline: "#b58900",
    color: "#6b5200",
    tint: "#fdf3d0",
  },
  in_review: {
    label: "In review",
    description: "Work submitted and waiting for review.",
    highlight: "rgba(59, 130, 246, 0.22)",
    underline: "#2f6fcb",
    color: "#1f4e8c",
    tint: "#e3ecf9",
  },
  verified: {
    label: "Verified",
    description: "An approved verdict backed by an approved source.",
    highlight: "rgba(34, 197, 94, 0.24)",
    underline: "#1d7a42",
    color: "#17643a",
    tint: "#e3f3e8",
  },
  disputed: {
    label: "Disputed",
    description: "Approved verdicts disagree.",
    highlight: "rgba(217, 70, 239, 0.22)",
    underline: "#9d2bb0",
    color: "#86198f",
    tint: "#f8e6fb",
  },
  needs_reverification: {
    label: "Needs re-verification",
    description: "The text changed under an approved check.",
    highlight: "rgba(249, 115, 22, 0.25)",
    underline: "#c2410c",
    color: "#9a3412",
    tint: "#fdeadd",
  },
  orphaned: {
    label: "Orphaned",
    description: "Its text could not be found in the current revision.",
    highlight: "rgba(148, 163, 184, 0.30)",
    underline: "#64748b",
    color: "#475569",
    tint: "#eef1f5",
  },
};
