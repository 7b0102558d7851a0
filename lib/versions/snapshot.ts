/**
 * The snapshot of a published version (D5): everything a public reader and every export
 * needs, frozen when an editor publishes. Stored as JSON in `published_versions.snapshot`,
 * never updated; its sha256 is taken over `canonicalJson` (lib/versions/hash.ts).
 *
 * What goes in, and what never does:
 * - the article's metadata and the current revision (its canonical text and document);
 * - the claims anchored in that revision (orphans are left out: they point at no text), in
 *   document order, each with a *public* status: verified, disputed or unverified;
 * - approved annotations only. Approved sources of every claim; approved verdicts only of
 *   claims that are verified or disputed, because a verdict the desk has not established (one
 *   still without an approved source, or on text that changed under it) is not a published
 *   finding. Drafts, submissions, reviews and replies are never part of a snapshot, so a
 *   public read cannot leak them.
 *
 * Pure code: no database and no clock. `buildSnapshot` is given everything, so the seed, the
 * benchmarks and tests make the same snapshots as publishing does.
 */
import type { JSONContent } from "@tiptap/core";
import type { AnnotationStatus, ClaimStatus, PersonDTO, Stance, Verdict } from "@/lib/claims/present";
import { VERDICTS } from "@/lib/claims/present";
import { deriveClaimStatus } from "@/lib/claims/derive-claim-status";
import { compareDocumentOrder } from "@/lib/claims/document-order";
import { verifyPosition } from "@/lib/anchoring/selectors";

/** The version of the snapshot's own shape, so readers can tell old snapshots apart. */
export const SNAPSHOT_FORMAT = 1;

/** A claim's status as the public sees it: the desk's workflow states stay inside. */
export const PUBLISHED_CLAIM_STATUSES = ["verified", "disputed", "unverified"] as const;
export type PublishedClaimStatus = (typeof PUBLISHED_CLAIM_STATUSES)[number];

export interface SnapshotArticle {
  title: string;
  outlet: string | null;
  author: string | null;
  url: string | null;
  /** When the outlet published the article (ISO 8601, UTC), if known. */
  publishedAt: string | null;
  /** ISO 639-1; absent in versions published before articles had a language (they are English). */
  language?: string;
}

export interface SnapshotRevision {
  id: string;
  number: number;
  /** Canonical text (D2): every claim's start and end are offsets into it. */
  text: string;
  doc: JSONContent;
}

/** An approved verification. */
export interface SnapshotVerification {
  id: string;
  /** The annotation version that was approved (D3). */
  version: number;
  verdict: Verdict;
  rationale: JSONContent;
  rationaleText: string;
  author: PersonDTO;
  createdAt: string;
}

/**
 * The archived copy of a source's page that a version cites, frozen at publishing: later
 * copies of the same source never change what a published version points at.
 */
export interface SnapshotArchive {
  /** The copy's id (served at /api/archives/:id). */
  id: string;
  /** When the copy was taken (ISO 8601, UTC). */
  archivedAt: string;
  /** sha256 of the stored record, so a reader can check the copy is the one cited. */
  sha256: string | null;
  /** The copy's absolute URL, built on the desk's configured public origin. */
  url: string;
}

/** An approved source. */
export interface SnapshotSource {
  id: string;
  version: number;
  url: string;
  title: string;
  publisher: string | null;
  excerpt: string | null;
  stance: Stance;
  author: PersonDTO;
  createdAt: string;
  /** The archived copy cited; absent when the source had none when published (and in versions published before copies were cited). */
  archive?: SnapshotArchive;
}

export interface SnapshotClaim {
  id: string;
  exact: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
  claimant: string | null;
  status: PublishedClaimStatus;
  /** The agreed verdict of a verified claim; null otherwise. */
  verdict: Verdict | null;
  /** The distinct approved verdicts, in scale order: one when verified, several when disputed, none otherwise. */
  verdicts: Verdict[];
  verifications: SnapshotVerification[];
  sources: SnapshotSource[];
}

export interface VersionSnapshot {
  format: typeof SNAPSHOT_FORMAT;
  articleId: string;
  number: number;
  publishedAt: string;
  publishedBy: PersonDTO;
  /** The editor's note for this version; shown in the corrections log. */
  note: string | null;
  article: SnapshotArticle;
  revision: SnapshotRevision;
  claims: SnapshotClaim[];
}

/** An annotation as `buildSnapshot` reads it: the fields of an `AnnotationDTO` it needs. */
export interface SnapshotAnnotationInput {
  id: string;
  kind: "source" | "verification";
  status: AnnotationStatus;
  version: number;
  author: PersonDTO;
  createdAt: string;
  url?: string | null;
  title?: string | null;
  publisher?: string | null;
  excerpt?: string | null;
  stance?: Stance | null;
  verdict?: Verdict | null;
  rationale?: JSONContent | null;
  rationaleText?: string | null;
  /** The source's archived copy to cite, if it has one (only `archived` copies of its current address). */
  archive?: SnapshotArchive | null;
}

/** A claim as `buildSnapshot` reads it (a `ClaimDTO` fits). */
export interface SnapshotClaimInput {
  id: string;
  revisionId: string;
  status: ClaimStatus;
  exact: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
  claimant: string | null;
  createdAt: string;
  /** Every annotation that is not a draft (drafts may be passed too: they never count). */
  annotations: readonly SnapshotAnnotationInput[];
}

export interface BuildSnapshotInput {
  articleId: string;
  number: number;
  publishedAt: string;
  publishedBy: PersonDTO;
  note: string | null;
  article: SnapshotArticle;
  revision: SnapshotRevision;
  claims: readonly SnapshotClaimInput[];
}

const VERDICT_ORDER = new Map<Verdict, number>(VERDICTS.map((verdict, index) => [verdict, index]));

/** Maps a stored claim status and its approved verdicts to what the public sees. */
export function publishedClaimStatus(status: ClaimStatus): PublishedClaimStatus {
  return status === "verified" || status === "disputed" ? status : "unverified";
}

/**
 * The claim's status, derived again from the annotations handed in rather than read from the
 * claim row: the two are loaded by separate statements, and the snapshot must agree with the
 * annotations it carries. Statuses that come from re-anchoring are kept as stored.
 */
function statusOf(claim: SnapshotClaimInput): ClaimStatus {
  if (claim.status === "orphaned" || claim.status === "needs_reverification") return claim.status;
  return deriveClaimStatus(
    claim.annotations.map((annotation) => ({
      kind: annotation.kind,
      status: annotation.status,
      verdict: annotation.verdict ?? null,
    })),
  );
}

/** Oldest first, then by id, so the same annotations always come out in the same order. */
function byAge(a: { createdAt: string; id: string }, b: { createdAt: string; id: string }): number {
  return a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id);
}

/** Builds the snapshot of a version from the article's current revision and its claims. */
export function buildSnapshot(input: BuildSnapshotInput): VersionSnapshot {
  const claims: SnapshotClaim[] = [];
  for (const claim of [...input.claims].sort(compareDocumentOrder)) {
    const status = statusOf(claim);
    // Only claims anchored in this revision whose quote is really at their position (D2).
    if (status === "orphaned" || claim.revisionId !== input.revision.id) continue;
    if (!verifyPosition(input.revision.text, claim)) continue;
    const published = publishedClaimStatus(status);
    const approved = claim.annotations.filter((annotation) => annotation.status === "approved").sort(byAge);
    const verifications: SnapshotVerification[] =
      published === "unverified"
        ? []
        : approved
            .filter((annotation) => annotation.kind === "verification")
            .map((annotation) => ({
              id: annotation.id,
              version: annotation.version,
              verdict: annotation.verdict ?? "unverifiable",
              rationale: annotation.rationale ?? { type: "doc", content: [{ type: "paragraph" }] },
              rationaleText: annotation.rationaleText ?? "",
              author: { id: annotation.author.id, name: annotation.author.name },
              createdAt: annotation.createdAt,
            }));
    const sources: SnapshotSource[] = approved
      .filter((annotation) => annotation.kind === "source")
      .map((annotation) => ({
        id: annotation.id,
        version: annotation.version,
        url: annotation.url ?? "",
        title: annotation.title ?? "",
        publisher: annotation.publisher ?? null,
        excerpt: annotation.excerpt ?? null,
        stance: annotation.stance ?? "context",
        author: { id: annotation.author.id, name: annotation.author.name },
        createdAt: annotation.createdAt,
        ...(annotation.archive ? { archive: { ...annotation.archive } } : {}),
      }));
    const verdicts = [...new Set(verifications.map((verification) => verification.verdict))].sort(
      (a, b) => (VERDICT_ORDER.get(a) ?? 0) - (VERDICT_ORDER.get(b) ?? 0),
    );
    claims.push({
      id: claim.id,
      exact: claim.exact,
      prefix: claim.prefix,
      suffix: claim.suffix,
      start: claim.start,
      end: claim.end,
      claimant: claim.claimant,
      status: published,
      verdict: published === "verified" ? (verdicts[0] ?? null) : null,
      verdicts,
      verifications,
      sources,
    });
  }
  return {
    format: SNAPSHOT_FORMAT,
    articleId: input.articleId,
    number: input.number,
    publishedAt: input.publishedAt,
    publishedBy: { id: input.publishedBy.id, name: input.publishedBy.name },
    note: input.note,
    article: { ...input.article },
    revision: { ...input.revision },
    claims,
  };
}

/** How many claims of each public status a snapshot holds. */
export function claimCounts(claims: readonly { status: PublishedClaimStatus }[]): Record<PublishedClaimStatus, number> {
  const counts: Record<PublishedClaimStatus, number> = { verified: 0, disputed: 0, unverified: 0 };
  for (const claim of claims) counts[claim.status] += 1;
  return counts;
}
