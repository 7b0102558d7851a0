/**
 * schema.org ClaimReview JSON-LD: one per verified claim of a version, with the properties of
 * Google's fact-check markup (https://developers.google.com/search/docs/appearance/structured-data/factcheck):
 *
 * - ClaimReview: claimReviewed, reviewRating, url (required); author, datePublished, inLanguage
 *   (the article's language), itemReviewed.
 * - Rating: alternateName (required, the label shown in results); ratingValue, bestRating,
 *   worstRating, name. The numbers come from the verdict scale (lib/verdicts.ts). A verdict off
 *   the true–false scale ("Unverifiable") has no number, so it carries alternateName and name only.
 * - Claim (itemReviewed): author (the claimant, else the article's author or outlet),
 *   datePublished, appearance and firstAppearance (the article).
 *
 * Disputed and not yet verified claims get none: there is no single rating to give.
 * Pure: a function of the snapshot and the context (D5).
 */
import type { SnapshotClaim, VersionSnapshot } from "@/lib/versions/snapshot";
import { BEST_RATING, VERDICT_SCALE, WORST_RATING } from "@/lib/verdicts";
import { DEFAULT_LANGUAGE } from "@/lib/articles/languages";
import { claimUrl, type ExportContext } from "@/lib/exports/context";
import { safeHref } from "@/lib/exports/escape";
import { snapshotUrl } from "@/lib/exports/context";

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

/** The article as the CreativeWork where the claims appear. */
function articleWork(snapshot: VersionSnapshot, context: ExportContext): JsonObject {
  const work: JsonObject = {
    "@type": "NewsArticle",
    headline: snapshot.article.title,
    // The original when known; otherwise the article as this desk published it.
    url: safeHref(snapshot.article.url) ?? snapshotUrl(snapshot, context),
  };
  if (snapshot.article.author) work.author = { "@type": "Person", name: snapshot.article.author };
  if (snapshot.article.outlet) work.publisher = { "@type": "Organization", name: snapshot.article.outlet };
  if (snapshot.article.publishedAt) work.datePublished = snapshot.article.publishedAt;
  return work;
}

/** Who made the claim: the named claimant, else the article's author, else its outlet. */
function claimAuthor(claim: SnapshotClaim, snapshot: VersionSnapshot): JsonObject | null {
  if (claim.claimant) return { "@type": "Person", name: claim.claimant };
  if (snapshot.article.author) return { "@type": "Person", name: snapshot.article.author };
  if (snapshot.article.outlet) return { "@type": "Organization", name: snapshot.article.outlet };
  return null;
}

/** The ClaimReview of one verified claim. */
function claimReview(claim: SnapshotClaim & { verdict: NonNullable<SnapshotClaim["verdict"]> }, snapshot: VersionSnapshot, context: ExportContext): JsonObject {
  const info = VERDICT_SCALE[claim.verdict];
  const rating: JsonObject = { "@type": "Rating" };
  if (info.ratingValue !== null) {
    rating.ratingValue = info.ratingValue;
    rating.bestRating = BEST_RATING;
    rating.worstRating = WORST_RATING;
  }
  rating.alternateName = info.label;
  rating.name = info.label;
  const item: JsonObject = { "@type": "Claim" };
  const author = claimAuthor(claim, snapshot);
  if (author) item.author = author;
  if (snapshot.article.publishedAt) item.datePublished = snapshot.article.publishedAt;
  const work = articleWork(snapshot, context);
  item.appearance = work;
  item.firstAppearance = work;
  const review: JsonObject = {
    "@context": "https://schema.org",
    "@type": "ClaimReview",
    url: claimUrl(snapshot, claim.id, context),
    claimReviewed: claim.exact,
    itemReviewed: item,
    author: { "@type": "Organization", name: context.organization.name, url: context.organization.url },
    datePublished: snapshot.publishedAt,
    inLanguage: snapshot.article.language ?? DEFAULT_LANGUAGE,
    reviewRating: rating,
  };
  const rationale = claim.verifications.find((verification) => verification.verdict === claim.verdict)?.rationaleText;
  if (rationale) review.reviewBody = rationale;
  return review;
}

/** The ClaimReview objects of a version, in document order. */
export function claimReviews(snapshot: VersionSnapshot, context: ExportContext): JsonObject[] {
  return snapshot.claims
    .filter((claim): claim is SnapshotClaim & { verdict: NonNullable<SnapshotClaim["verdict"]> } => claim.status === "verified" && claim.verdict !== null)
    .map((claim) => claimReview(claim, snapshot, context));
}

/** The `claimreview` export: a JSON-LD array of ClaimReview objects, pretty-printed, ending in a newline. */
export function exportClaimReview(snapshot: VersionSnapshot, context: ExportContext): string {
  return `${JSON.stringify(claimReviews(snapshot, context), null, 2)}\n`;
}
