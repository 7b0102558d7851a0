/**
 * Inputs and answers of desk memory: search, "checked before" matches, links between claims
 * and reusing a match's sources. The use cases parse with these, and the API reference
 * (lib/openapi/routes/search.ts) documents them; the DTO types below are derived from them.
 */
import { z } from "zod";
import { CLAIM_STATUSES, VERDICTS } from "@/lib/claims/present";

export const SEARCH_TYPES = ["claim", "article", "source", "verdict"] as const;
export type SearchType = (typeof SEARCH_TYPES)[number];

/** Results per page. */
export const SEARCH_PAGE_SIZE = 20;

const id = z.string().trim().min(1).max(100);

const day = (label: string) =>
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, `${label} is a date like 2026-03-31.`)
    .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)), `${label} is not a valid date.`);

/** `GET /api/search` query parameters; empty parameters count as absent. */
export const SearchQuery = z.strictObject({
  q: z
    .string({ error: "Enter what to search for." })
    .trim()
    .min(1, "Enter what to search for.")
    .max(200, "A search has at most 200 characters."),
  type: z.enum(SEARCH_TYPES, { error: "type is one of claim, article, source, verdict." }).optional(),
  status: z.enum(CLAIM_STATUSES, { error: `status is one of ${CLAIM_STATUSES.join(", ")}.` }).optional(),
  verdict: z.enum(VERDICTS, { error: `verdict is one of ${VERDICTS.join(", ")}.` }).optional(),
  articleId: id.optional(),
  /** Who marked the claim or wrote the source or verdict (a user id). */
  author: id.optional(),
  /** From this day on (UTC), inclusive. */
  from: day("from").optional(),
  /** Up to this day (UTC), inclusive. */
  to: day("to").optional(),
  cursor: z.string().max(500).optional(),
});
export type SearchQuery = z.output<typeof SearchQuery>;

/** A piece of a snippet; `highlight` marks the words that matched. Plain text, never markup. */
export const SnippetPart = z.object({ text: z.string(), highlight: z.boolean() });

export const SearchResultSchema = z.object({
  type: z.enum(SEARCH_TYPES),
  /** The article, claim or annotation found. */
  id: z.string(),
  articleId: z.string(),
  articleTitle: z.string(),
  /** The claim to open in the article (the claim itself, or the claim of a source or verdict); null for an article. */
  claimId: z.string().nullable(),
  snippet: z.array(SnippetPart),
  createdAt: z.string(),
});
export type SearchResultDTO = z.infer<typeof SearchResultSchema>;

export const SearchPageSchema = z.object({
  items: z.array(SearchResultSchema),
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor: z.string().nullable(),
});
export type SearchPageDTO = z.infer<typeof SearchPageSchema>;

/** A claim elsewhere on the desk, as "checked before" shows it. */
export const MatchedClaimSchema = z.object({
  id: z.string(),
  exact: z.string(),
  articleId: z.string(),
  articleTitle: z.string(),
  status: z.enum(CLAIM_STATUSES),
  /** Its approved verdict; null when it has none, or approved verdicts disagree. */
  verdict: z.enum(VERDICTS).nullable(),
  /** The newest published version of its article that carries it, if any. */
  publishedVersion: z.object({ number: z.number().int(), url: z.string() }).nullable(),
});
export type MatchedClaimDTO = z.infer<typeof MatchedClaimSchema>;

export const MatchSchema = z.object({
  claim: MatchedClaimSchema,
  /** The re-ranker's similarity, 0..1 (lib/matching/rerank.ts). */
  score: z.number(),
  level: z.enum(["similar", "same"]),
  /** Whether a reviewer has linked it to this claim as the same claim. */
  linked: z.boolean(),
});
export type MatchDTO = z.infer<typeof MatchSchema>;

export const MatchesSchema = z.object({
  /** At most 5 claims that say the same thing, best first, at or above the similar threshold. */
  items: z.array(MatchSchema),
  /** Every claim linked to this one as the same claim, whatever its score. */
  links: z.array(MatchedClaimSchema),
});
export type MatchesDTO = z.infer<typeof MatchesSchema>;

/** `POST /api/claims/:id/links`. */
export const LinkClaimInput = z.strictObject({
  claimId: z.string({ error: "Send the id of the claim to link." }).trim().min(1, "Send the id of the claim to link.").max(100),
});

/** `POST /api/claims/:id/reuse-sources`: copy the approved sources of `fromClaimId` onto this claim. */
export const ReuseSourcesInput = z.strictObject({
  fromClaimId: z
    .string({ error: "Send the id of the claim whose sources to reuse." })
    .trim()
    .min(1, "Send the id of the claim whose sources to reuse.")
    .max(100),
});
