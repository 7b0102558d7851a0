/**
 * The `claimreview` export, property by property against Google's fact-check markup
 * (https://developers.google.com/search/docs/appearance/structured-data/factcheck):
 *
 *   ClaimReview  claimReviewed (required), reviewRating (required), url (required),
 *                author (Organization), datePublished, itemReviewed (Claim)
 *   Rating       alternateName (required), ratingValue, bestRating, worstRating, name
 *   Claim        author, datePublished, appearance, firstAppearance
 */
import { describe, expect, it } from "vitest";
import { exportClaimReview } from "@/lib/exports";
import { BEST_RATING, VERDICT_SCALE, WORST_RATING } from "@/lib/verdicts";
import { FIXTURE_CONTEXT, seedSnapshot } from "@/lib/exports/__fixtures__/seed-snapshot";
import type { Verdict } from "@/lib/claims/present";

interface Rating {
  "@type": string;
  ratingValue?: number;
  bestRating?: number;
  worstRating?: number;
  alternateName: string;
  name: string;
}
interface Work {
  "@type": string;
  url: string;
  headline: string;
  datePublished?: string;
}
interface Review {
  "@context": string;
  "@type": string;
  url: string;
  claimReviewed: string;
  author: { "@type": string; name: string; url: string };
  datePublished: string;
  reviewRating: Rating;
  itemReviewed: { "@type": string; author?: { "@type": string; name: string }; datePublished?: string; appearance: Work; firstAppearance: Work };
}

const snapshot = seedSnapshot();
const reviews = JSON.parse(exportClaimReview(snapshot, FIXTURE_CONTEXT)) as Review[];
const verified = snapshot.claims.filter((claim) => claim.status === "verified");

describe("ClaimReview", () => {
  it("has one review per verified claim, in document order, and none for disputed or unverified claims", () => {
    expect(reviews.map((review) => review.claimReviewed)).toEqual(verified.map((claim) => claim.exact));
    expect(reviews.some((review) => review.claimReviewed.startsWith("President (Joe) Biden"))).toBe(false);
    expect(reviews.some((review) => review.claimReviewed === "combat troops")).toBe(false);
  });

  it.each(verified.map((claim, index) => [claim.id, index] as const))("%s carries every property Google lists", (claimId, index) => {
    const claim = verified[index]!;
    const review = reviews[index]!;
    const info = VERDICT_SCALE[claim.verdict as Verdict];
    // ClaimReview
    expect(review["@context"]).toBe("https://schema.org");
    expect(review["@type"]).toBe("ClaimReview");
    expect(review.claimReviewed).toBe(claim.exact);
    expect(review.url).toBe(`https://desk.example.org/v/article-seed/1#claim-${claimId}`);
    expect(review.author).toEqual({ "@type": "Organization", name: "Factdesk Example Desk", url: "https://desk.example.org" });
    expect(review.datePublished).toBe(snapshot.publishedAt);
    // Rating
    expect(review.reviewRating["@type"]).toBe("Rating");
    expect(review.reviewRating.alternateName).toBe(info.label);
    expect(review.reviewRating.name).toBe(info.label);
    if (info.ratingValue === null) {
      // Off the true–false scale: the label alone, no number pretending to place it on it.
      expect(review.reviewRating).not.toHaveProperty("ratingValue");
    } else {
      expect(review.reviewRating.ratingValue).toBe(info.ratingValue);
      expect(review.reviewRating.bestRating).toBe(BEST_RATING);
      expect(review.reviewRating.worstRating).toBe(WORST_RATING);
      expect(review.reviewRating.ratingValue).toBeGreaterThanOrEqual(WORST_RATING);
      expect(review.reviewRating.ratingValue).toBeLessThanOrEqual(BEST_RATING);
    }
    // Claim
    expect(review.itemReviewed["@type"]).toBe("Claim");
    expect(review.itemReviewed.author).toEqual({ "@type": "Person", name: claim.claimant });
    expect(review.itemReviewed.datePublished).toBe(snapshot.article.publishedAt);
    for (const work of [review.itemReviewed.appearance, review.itemReviewed.firstAppearance]) {
      expect(work["@type"]).toBe("NewsArticle");
      expect(work.url).toBe(snapshot.article.url);
      expect(work.headline).toBe(snapshot.article.title);
    }
  });

  it("rates on the scale of lib/verdicts.ts: true is best, false is worst", () => {
    const byVerdict = new Map(verified.map((claim, index) => [claim.verdict, reviews[index]!.reviewRating]));
    expect(byVerdict.get("true")?.ratingValue).toBe(BEST_RATING);
    expect(byVerdict.get("false")?.ratingValue).toBe(WORST_RATING);
    expect(byVerdict.get("mostly_true")?.ratingValue).toBe(4);
    expect(byVerdict.get("unverifiable")?.alternateName).toBe("Unverifiable");
  });

  it("falls back to the article's author, then its outlet, and to the version's page when the article has no URL", () => {
    const bare = seedSnapshot();
    bare.article = { ...bare.article, url: null, author: null };
    for (const claim of bare.claims) claim.claimant = null;
    const [first] = JSON.parse(exportClaimReview(bare, FIXTURE_CONTEXT)) as Review[];
    expect(first!.itemReviewed.author).toEqual({ "@type": "Organization", name: "EFE" });
    expect(first!.itemReviewed.appearance.url).toBe("https://desk.example.org/v/article-seed/1");
  });
});
