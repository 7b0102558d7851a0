/**
 * The analysed sentences of a revision, kept in memory by revision id: a revision's text never
 * changes, so neither do its sentences and features, and opening an article again costs no
 * language processing. Scores are not kept: they depend on the weights in force, and applying
 * them is a few multiplications per sentence.
 */
import { VersionedCache } from "@/lib/cache/versioned-cache";
import { analyseText, type AnalysedSentence } from "@/lib/triage/sentences";

const byRevision = new VersionedCache<readonly AnalysedSentence[]>(32);

export function revisionSentences(revisionId: string, text: string): Promise<readonly AnalysedSentence[]> {
  return byRevision.get(revisionId, "", () => Promise.resolve(analyseText(text)));
}
