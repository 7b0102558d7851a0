/**
 * How a published claim reads and looks, from the verdict scale (lib/verdicts.ts) and the
 * status table: one answer for the public page and every export.
 */
import type { PublishedClaimStatus, SnapshotClaim } from "@/lib/versions/snapshot";
import { PUBLISHED_STATUS_INFO, VERDICT_SCALE } from "@/lib/verdicts";

export interface Finding {
  /** "False", "Disputed: True / False", "Not yet verified". */
  label: string;
  /** A sentence: the verdict's definition, or what the status means. */
  description: string;
  color: string;
  tint: string;
  /** A class-safe key: the verdict, or the status for claims without one verdict. */
  key: string;
}

/** The finding of a published claim. */
export function findingOf(claim: Pick<SnapshotClaim, "status" | "verdict" | "verdicts">): Finding {
  if (claim.status === "verified" && claim.verdict) {
    const info = VERDICT_SCALE[claim.verdict];
    return { label: info.label, description: info.definition, color: info.color, tint: info.tint, key: claim.verdict };
  }
  const status: PublishedClaimStatus = claim.status === "verified" ? "unverified" : claim.status;
  const info = PUBLISHED_STATUS_INFO[status];
  const label =
    status === "disputed" && claim.verdicts.length > 0
      ? `${info.label}: ${claim.verdicts.map((verdict) => VERDICT_SCALE[verdict].label).join(" / ")}`
      : info.label;
  return { label, description: info.description, color: info.color, tint: info.tint, key: status };
}

/** The note number of each claim: its place in document order, from 1. */
export function noteNumbers(claims: readonly { id: string }[]): Map<string, number> {
  return new Map(claims.map((claim, index) => [claim.id, index + 1]));
}

/** "example-title" for file names: ASCII letters and digits, at most 60 characters. */
export function slugify(title: string): string {
  const slug = title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/g, "");
  return slug || "article";
}
