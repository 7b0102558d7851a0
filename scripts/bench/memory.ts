/**
 * Line 10, desk memory.
 *
 * Quality: the labelled set bench/data/matching.json. Each desk claim and each test sentence is
 * marked as a claim on an article of its own; for every restatement, "checked before"
 * (lib/matching/find-matches.ts: PostgreSQL candidates, re-ranked in lib/) should list its
 * earlier claim first. MAP@5 over the restatements (one relevant claim each, so AP = 1/rank
 * within the first 5, else 0), per half (a: used to choose the weights; b: held out) and in
 * all; and the share of unrelated sentences that get any suggestion. The baseline in the same
 * run is plain full-text search: the claims sharing any term, by `ts_rank`, first 5.
 *
 * Speed: generated articles (pseudo-words, numbers, names; one claim per sentence) stored with
 * plain INSERTs so the triggers build the search documents as in use; then `GET /api/search`
 * and `GET /api/claims/:id/matches` at concurrency 8 with a reviewer's token, and the size of
 * the indexes.
 */
import fs from "node:fs";
import path from "node:path";
import { db } from "@/lib/db";
import { SYSTEM, type Actor } from "@/lib/auth/actor";
import { createArticle } from "@/lib/articles/create-article";
import { createClaim } from "@/lib/claims/create-claim";
import { findMatches } from "@/lib/matching/find-matches";
import { forgetDeskStats } from "@/lib/matching/desk-stats";
import { newId } from "@/lib/ids";
import { generateArticleText } from "./text.ts";
import { integer, mulberry32, pick, type Random } from "./random.ts";
import { measureLoad, type LoadResult } from "./load.ts";

interface LabelledSet {
  desk: { id: string; text: string }[];
  restatements: { id: string; text: string; expected: string; half: "a" | "b" }[];
  unrelated: { id: string; text: string }[];
}

export function loadLabelledSet(root: string): LabelledSet {
  return JSON.parse(fs.readFileSync(path.join(root, "bench", "data", "matching.json"), "utf8")) as LabelledSet;
}

/** A claim on all of `text`, on an article of its own. */
async function claimAlone(actor: Actor, text: string, title: string): Promise<string> {
  const { id: articleId } = await createArticle({ actor: SYSTEM, input: { title, text } });
  const claim = await createClaim({ actor, articleId, input: { exact: text, start: 0, end: text.length, revision: 1 } });
  return claim.id;
}

/** Plain full-text search: claims of other articles sharing any term of the claim, by ts_rank. */
async function baselineRanking(claimId: string): Promise<string[]> {
  const rows = await db.$queryRaw<{ id: string }[]>`
    WITH src AS (SELECT article_id, search_vector FROM claims WHERE id = ${claimId}),
    terms AS (
      SELECT to_tsquery('pg_catalog.simple', string_agg(lexeme, ' | ')) AS query
      FROM src, unnest(tsvector_to_array(src.search_vector)) AS lexeme WHERE lexeme ~ '^[[:alnum:]]+$'
    )
    SELECT c.id FROM claims c, terms, src
    WHERE terms.query IS NOT NULL AND c.search_vector @@ terms.query AND c.article_id <> src.article_id
    ORDER BY ts_rank(c.search_vector, terms.query) DESC, c.id LIMIT 5`;
  return rows.map((row) => row.id);
}

export interface QualityFigures {
  map: { all: number; a: number; b: number };
  unrelatedWithSuggestion: number;
  /** Restatements whose earlier claim was not in the first 5 (ids from the labelled set). */
  missed: string[];
  /** Unrelated sentences that got a suggestion. */
  suggested: string[];
  sameShare: number;
}

export interface QualityResult {
  reranked: QualityFigures;
  baseline: QualityFigures;
  restatements: number;
  unrelated: number;
  desk: number;
}

function averagePrecision(ranking: readonly string[], expected: string): number {
  const index = ranking.slice(0, 5).indexOf(expected);
  return index < 0 ? 0 : 1 / (index + 1);
}

function mean(values: readonly number[]): number {
  return values.length === 0 ? 0 : values.reduce((sum, value) => sum + value, 0) / values.length;
}

export async function measureMatchingQuality({ actor, root }: { actor: Actor; root: string }): Promise<QualityResult> {
  const set = loadLabelledSet(root);
  const deskIds = new Map<string, string>();
  for (const claim of set.desk) deskIds.set(claim.id, await claimAlone(actor, claim.text, `Desk ${claim.id}`));
  const queries = new Map<string, string>();
  for (const sentence of [...set.restatements, ...set.unrelated]) {
    queries.set(sentence.id, await claimAlone(actor, sentence.text, `Later ${sentence.id}`));
  }
  forgetDeskStats();
  const figures = async (rank: (claimId: string) => Promise<{ ids: string[]; same: Set<string> }>): Promise<QualityFigures> => {
    const ap: Record<"a" | "b", number[]> = { a: [], b: [] };
    const missed: string[] = [];
    let same = 0;
    for (const restatement of set.restatements) {
      const { ids, same: sameIds } = await rank(queries.get(restatement.id) ?? "");
      const expected = deskIds.get(restatement.expected) ?? "";
      const value = averagePrecision(ids, expected);
      ap[restatement.half].push(value);
      if (value === 0) missed.push(restatement.id);
      if (sameIds.has(expected)) same += 1;
    }
    const suggested: string[] = [];
    for (const sentence of set.unrelated) {
      const { ids } = await rank(queries.get(sentence.id) ?? "");
      if (ids.length > 0) suggested.push(sentence.id);
    }
    return {
      map: { all: mean([...ap.a, ...ap.b]), a: mean(ap.a), b: mean(ap.b) },
      unrelatedWithSuggestion: (100 * suggested.length) / set.unrelated.length,
      missed,
      suggested,
      sameShare: (100 * same) / set.restatements.length,
    };
  };
  const reranked = await figures(async (claimId) => {
    const { items } = await findMatches({ actor, claimId });
    return { ids: items.map((item) => item.claim.id), same: new Set(items.filter((item) => item.level === "same").map((item) => item.claim.id)) };
  });
  const baseline = await figures(async (claimId) => ({ ids: await baselineRanking(claimId), same: new Set<string>() }));
  return { reranked, baseline, restatements: set.restatements.length, unrelated: set.unrelated.length, desk: set.desk.length };
}

const NAMES = "Alvarez Okafor Lindqvist Moreau Tanaka Novak Haddad Kowalski Brennan Oyelaran Petrov Schmidt Dubois Rossi Silva".split(" ");
const PLACES = "Oslo Lagos Lima Hanoi Dakar Quito Riga Perth Accra Porto Tbilisi Nairobi Austin Leeds Kyoto".split(" ");

/** A generated sentence with facts in it: a name or place, a number, pseudo-words. */
function factSentence(random: Random, body: string): string {
  const words = body.replace(/\.$/, "").split(" ");
  const at = integer(random, 1, Math.max(1, words.length - 1));
  words.splice(at, 0, pick(random, random() < 0.5 ? NAMES : PLACES), String(integer(random, 2, 99_000)));
  if (random() < 0.3) words.push(`${integer(random, 1, 99)}%`);
  return `${words.join(" ")}.`;
}

export interface GeneratedMemory {
  articles: number;
  claims: number;
  claimIds: string[];
  /** Two-word queries drawn from the generated text. */
  queries: string[];
  seconds: number;
}

/** `articles` articles of `claimsPerArticle` sentences, each sentence a claim, written in batches. */
export async function generateMemoryData({
  articles,
  claimsPerArticle,
  authorId,
  seed,
  log,
}: {
  articles: number;
  claimsPerArticle: number;
  authorId: string;
  seed: number;
  log: (message: string) => void;
}): Promise<GeneratedMemory> {
  const started = performance.now();
  const random = mulberry32(seed);
  const claimIds: string[] = [];
  const queries: string[] = [];
  const BATCH = 50;
  for (let first = 0; first < articles; first += BATCH) {
    const articleRows: { id: string; title: string; revisionId: string; text: string; doc: string }[] = [];
    const claimRows: { id: string; articleId: string; revisionId: string; exact: string; start: number; end: number }[] = [];
    for (let index = first; index < Math.min(articles, first + BATCH); index += 1) {
      const articleId = newId();
      const revisionId = newId();
      const body = generateArticleText(random, claimsPerArticle * 24, { vocabulary: 5_000 });
      const sentences = body.split(/(?<=\.)\s+/).slice(0, claimsPerArticle).map((sentence) => factSentence(random, sentence));
      const text = sentences.join(" ");
      let offset = 0;
      for (const sentence of sentences) {
        const id = newId();
        claimRows.push({ id, articleId, revisionId, exact: sentence, start: offset, end: offset + sentence.length });
        claimIds.push(id);
        offset += sentence.length + 1;
      }
      const words = text.split(/\W+/).filter((word) => word.length > 4);
      queries.push(`${pick(random, words)} ${pick(random, words)}`);
      const doc = JSON.stringify({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] });
      articleRows.push({ id: articleId, title: `Generated ${index + 1}: ${sentences[0]?.slice(0, 60) ?? ""}`, revisionId, text, doc });
    }
    await db.$transaction(
      [
        db.$executeRaw`
          INSERT INTO articles (id, title, language, created_at, updated_at)
          SELECT id, title, 'en', now(), now() FROM unnest(${articleRows.map((row) => row.id)}::text[], ${articleRows.map((row) => row.title)}::text[]) AS t(id, title)`,
        db.$executeRaw`
          INSERT INTO article_revisions (id, article_id, number, doc, text, created_at)
          SELECT rid, aid, 1, doc::jsonb, text, now()
          FROM unnest(${articleRows.map((row) => row.revisionId)}::text[], ${articleRows.map((row) => row.id)}::text[],
                      ${articleRows.map((row) => row.doc)}::text[], ${articleRows.map((row) => row.text)}::text[]) AS t(rid, aid, doc, text)`,
        db.$executeRaw`
          INSERT INTO claims (id, article_id, revision_id, exact, prefix, suffix, start, "end", created_by_id, created_at, updated_at)
          SELECT id, aid, rid, exact, '', '', s, e, ${authorId}, now(), now()
          FROM unnest(${claimRows.map((row) => row.id)}::text[], ${claimRows.map((row) => row.articleId)}::text[],
                      ${claimRows.map((row) => row.revisionId)}::text[], ${claimRows.map((row) => row.exact)}::text[],
                      ${claimRows.map((row) => row.start)}::int[], ${claimRows.map((row) => row.end)}::int[]) AS t(id, aid, rid, exact, s, e)`,
      ],
      // 2,500 claims and their search documents per batch: on a busy machine that takes longer than Prisma's default 5 s.
      { timeout: 120_000, maxWait: 30_000 },
    );
    if ((first / BATCH) % 10 === 9) log(`  ${Math.min(articles, first + BATCH)} of ${articles} articles…`);
  }
  await db.$executeRaw`ANALYZE articles, article_revisions, claims, annotations`;
  return { articles, claims: claimIds.length, claimIds, queries, seconds: (performance.now() - started) / 1000 };
}

/** Bytes of the search indexes and search columns' tables. */
export async function memoryIndexSize(): Promise<{ total: number; detail: string }> {
  const rows = await db.$queryRaw<{ name: string; bytes: bigint }[]>`
    SELECT c.relname AS name, pg_relation_size(c.oid) AS bytes FROM pg_class c
    WHERE c.relname IN ('claims_search_vector_idx', 'claims_match_text_idx', 'annotations_search_vector_idx', 'articles_search_vector_idx')
    ORDER BY c.relname`;
  const total = rows.reduce((sum, row) => sum + Number(row.bytes), 0);
  return { total, detail: rows.map((row) => `${row.name} ${(Number(row.bytes) / 1e6).toFixed(1)} MB`).join(", ") };
}

export interface SpeedResult {
  search: LoadResult;
  matches: LoadResult;
  /** Median of requests made one at a time (after the loads), ms: the cost without queueing. */
  searchAlone: number;
  matchesAlone: number;
}

async function medianAlone(origin: string, headers: Record<string, string>, paths: string[]): Promise<number> {
  const times: number[] = [];
  for (const path of paths) {
    const started = performance.now();
    const response = await fetch(`${origin}${path}`, { headers });
    await response.arrayBuffer();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? Number.NaN;
}

export async function measureMemorySpeed({
  origin,
  token,
  generated,
  requests,
  serverCpuMs,
}: {
  origin: string;
  token: string;
  generated: GeneratedMemory;
  requests: number;
  serverCpuMs?: () => number;
}): Promise<SpeedResult> {
  const random = mulberry32(8);
  const headers = { authorization: `Bearer ${token}` };
  const search = await measureLoad(
    {
      origin,
      method: "GET",
      path: () => `/api/search?q=${encodeURIComponent(pick(random, generated.queries))}`,
      headers,
      connections: 8,
      seconds: 0,
      amount: requests,
    },
    0,
    serverCpuMs,
  );
  const matches = await measureLoad(
    {
      origin,
      method: "GET",
      path: () => `/api/claims/${pick(random, generated.claimIds)}/matches`,
      headers,
      connections: 8,
      seconds: 0,
      amount: requests,
    },
    0,
    serverCpuMs,
  );
  const alone = 25;
  const searchAlone = await medianAlone(origin, headers, Array.from({ length: alone }, () => `/api/search?q=${encodeURIComponent(pick(random, generated.queries))}`));
  const matchesAlone = await medianAlone(origin, headers, Array.from({ length: alone }, () => `/api/claims/${pick(random, generated.claimIds)}/matches`));
  return { search, matches, searchAlone, matchesAlone };
}


