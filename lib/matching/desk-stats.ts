/**
 * How often each term occurs across the desk's claims: the re-ranker's IDF (its own terms,
 * lib/matching/tokens.ts), and how many claims hold each search lexeme (PostgreSQL's
 * `ts_stat`), so that candidates are looked up by a claim's rarer words and the database ranks
 * a bounded number of rows. Counting 100,000 claims takes a few seconds, so the counts are
 * kept in memory and recounted in the background once they are older than `MAX_AGE_MS`;
 * requests meanwhile use the previous counts. Only scores and candidates depend on them (a
 * term the counts have not seen yet counts as rare): who may see what never does.
 */
import { db } from "@/lib/db";
import { corpusStats, type CorpusStats } from "@/lib/matching/rerank";

const MAX_AGE_MS = 10 * 60 * 1000;
const BATCH = 20_000;
/** Lexemes in fewer claims than this are not kept: they count as rare, which they are. */
const MIN_KEPT_LEXEME_CLAIMS = 5;

export interface DeskStats {
  corpus: CorpusStats;
  /** Claims holding each search lexeme (those in at least MIN_KEPT_LEXEME_CLAIMS claims). */
  lexemeClaims: ReadonlyMap<string, number>;
}

let current: { stats: DeskStats; at: number } | null = null;
let building: Promise<DeskStats> | null = null;

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

async function lexemeCounts(): Promise<Map<string, number>> {
  const rows = await db.$queryRaw<{ word: string; ndoc: number }[]>`
    SELECT word, ndoc FROM ts_stat('SELECT search_vector FROM claims') WHERE ndoc >= ${MIN_KEPT_LEXEME_CLAIMS}`;
  return new Map(rows.map((row) => [row.word, Number(row.ndoc)]));
}

function rebuild(): Promise<DeskStats> {
  building ??= Promise.all([collect(), lexemeCounts()])
    .then(([texts, lexemeClaims]) => {
      const stats = { corpus: corpusStats(texts), lexemeClaims };
      current = { stats, at: Date.now() };
      return stats;
    })
    .finally(() => {
      building = null;
    });
  return building;
}

/** The desk's term counts: the kept ones (recounted in the background when old), or counted now the first time. */
export async function deskStats(): Promise<DeskStats> {
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
