/**
 * How often each term occurs across the desk's claims, for the re-ranker's IDF. Counting
 * 100,000 claims takes about a second, so the counts are kept in memory and recounted in the
 * background once they are older than `MAX_AGE_MS`; requests meanwhile use the previous
 * counts. Only scores depend on them (a term the counts have not seen yet counts as rare):
 * who may see what never does.
 */
import { db } from "@/lib/db";
import { corpusStats, type CorpusStats } from "@/lib/matching/rerank";

const MAX_AGE_MS = 10 * 60 * 1000;
const BATCH = 20_000;

let current: { stats: CorpusStats; at: number } | null = null;
let building: Promise<CorpusStats> | null = null;

async function* claimTexts(): AsyncGenerator<string> {
  let after = "";
  for (;;) {
    const rows = await db.claim.findMany({
      where: { id: { gt: after } },
      select: { id: true, exact: true },
      orderBy: { id: "asc" },
      take: BATCH,
    });
    for (const row of rows) yield row.exact;
    const last = rows.at(-1);
    if (!last || rows.length < BATCH) return;
    after = last.id;
  }
}

async function collect(): Promise<string[]> {
  const texts: string[] = [];
  for await (const text of claimTexts()) texts.push(text);
  return texts;
}

function rebuild(): Promise<CorpusStats> {
  building ??= collect()
    .then((texts) => {
      const stats = corpusStats(texts);
      current = { stats, at: Date.now() };
      return stats;
    })
    .finally(() => {
      building = null;
    });
  return building;
}

/** The desk's term counts: the kept ones (recounted in the background when old), or counted now the first time. */
export async function deskStats(): Promise<CorpusStats> {
  if (!current) return rebuild();
  if (Date.now() - current.at > MAX_AGE_MS) {
    rebuild().catch((error: unknown) => console.error("[factdesk] could not recount claim terms", error));
  }
  return current.stats;
}

/** Forgets the counts, so the next request counts again (tests and the benchmark). */
export function forgetDeskStats(): void {
  current = null;
}
