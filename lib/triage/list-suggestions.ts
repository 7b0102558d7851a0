/**
 * The suggested sentences of an article's current revision: those scoring at or above the
 * threshold with the desk's weights, best first, never over text that already has a claim.
 */
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { assertCan } from "@/lib/auth/policy";
import type { Actor } from "@/lib/auth/actor";
import { parseInput } from "@/lib/validation";
import { ListSuggestionsQuery } from "@/lib/triage/schemas";
import { currentWeights } from "@/lib/triage/current-weights";
import { reasonsFor, scoreVector, SUGGESTION_THRESHOLD } from "@/lib/triage/model";
import { revisionSentences } from "@/lib/triage/revision-sentences";
import type { SuggestionDTO, SuggestionListDTO } from "@/lib/triage/present";

export interface ListSuggestionsOptions {
  actor: Actor | null;
  articleId: string;
  /** The query string: `{status?: "open" | "all"}`. */
  query: unknown;
}

export async function listSuggestions({ actor, articleId, query }: ListSuggestionsOptions): Promise<SuggestionListDTO> {
  assertCan(actor, "article.read");
  const { status } = parseInput(ListSuggestionsQuery, query);
  const revision = await db.articleRevision.findFirst({
    where: { articleId },
    orderBy: { number: "desc" },
    select: { id: true, number: true, text: true },
  });
  if (!revision) throw new AppError("not_found", "No such article.");
  const [sentences, weights, claims, dismissals] = await Promise.all([
    revisionSentences(revision.id, revision.text),
    currentWeights(),
    // Orphaned claims keep the revision they were marked on, so this is the claims on this text.
    db.claim.findMany({ where: { revisionId: revision.id }, select: { start: true, end: true } }),
    db.suggestionDismissal.findMany({ where: { articleId }, select: { exact: true }, distinct: ["exact"] }),
  ]);
  const dismissed = new Set(dismissals.map((dismissal) => dismissal.exact));
  const items: SuggestionDTO[] = [];
  for (const sentence of sentences) {
    const score = scoreVector(sentence.vector, weights);
    if (score < SUGGESTION_THRESHOLD) continue;
    if (claims.some((claim) => claim.start < sentence.end && sentence.start < claim.end)) continue;
    const isDismissed = dismissed.has(sentence.exact);
    if (isDismissed && status === "open") continue;
    items.push({
      start: sentence.start,
      end: sentence.end,
      exact: sentence.exact,
      score: Math.round(score * 1000) / 1000,
      reasons: reasonsFor(sentence.hits, weights),
      status: isDismissed ? "dismissed" : "open",
      claimant: sentence.claimant,
    });
  }
  items.sort((a, b) => b.score - a.score || a.start - b.start);
  return { revision: revision.number, threshold: SUGGESTION_THRESHOLD, items };
}
