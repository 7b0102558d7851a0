/**
 * `GET /api/search`: articles, claims, sources and verdict rationales, by full-text search in
 * PostgreSQL (tsvector columns kept by the database, GIN indexes; see the desk_memory
 * migration), best `ts_rank_cd` first, with highlighted snippets and keyset pagination.
 *
 * What the caller may not see is never found: annotations follow lib/annotations/access.ts
 * (someone else's draft does not exist for them); claims and articles are the desk's.
 */
import { db, Prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { assertCan } from "@/lib/auth/policy";
import type { Actor } from "@/lib/auth/actor";
import { decodeSearchCursor, encodeSearchCursor, type SearchCursor } from "@/lib/search/cursor";
import { headlineOptions, snippetParts } from "@/lib/search/snippet";
import { mentionsAsTextSql } from "@/lib/mentions/sql";
import { SEARCH_PAGE_SIZE, SearchQuery, type SearchPageDTO, type SearchType } from "@/lib/search/schemas";

/** Characters of an article's text a snippet is taken from (ts_headline reads all it is given). */
const ARTICLE_SNIPPET_CHARS = 20_000;

interface HitRow {
  type: SearchType;
  id: string;
  articleId: string;
  articleTitle: string;
  claimId: string | null;
  rank: number;
  createdAt: Date;
  headline: string | null;
}

/**
 * The text search query, in the configuration of every language the desk's articles use
 * (English when there are none), OR-ed together: one SQL expression, so that the whole search
 * is a single statement. Each language's query goes through its text form, which `tsquery`
 * reads back exactly; languages where every word is a stop word add nothing.
 */
function textQuery(q: string): Prisma.Sql {
  const inLanguage = (language: Prisma.Sql) => Prisma.sql`websearch_to_tsquery(factdesk_ts_config(${language}), factdesk_unaccent(${q}))`;
  return Prisma.sql`(
    SELECT CASE WHEN count(*) = 0 THEN ${inLanguage(Prisma.sql`'en'`)}
                ELSE coalesce(string_agg('(' || l.q::text || ')', ' | ') FILTER (WHERE numnode(l.q) > 0), '')::tsquery END
    FROM (SELECT ${inLanguage(Prisma.sql`d.language`)} AS q FROM (SELECT DISTINCT language FROM articles) d) l)`;
}

function dayStart(day: string): Date {
  return new Date(`${day}T00:00:00.000Z`);
}

function nextDay(day: string): Date {
  return new Date(dayStart(day).getTime() + 24 * 60 * 60 * 1000);
}

/** Conditions shared by every kind of row: a time column within from..to. */
function dateRange(column: Prisma.Sql, query: SearchQuery): Prisma.Sql[] {
  const conditions: Prisma.Sql[] = [];
  if (query.from) conditions.push(Prisma.sql`${column} >= ${dayStart(query.from).toISOString().replace("Z", "")}::timestamp(3)`);
  if (query.to) conditions.push(Prisma.sql`${column} < ${nextDay(query.to).toISOString().replace("Z", "")}::timestamp(3)`);
  return conditions;
}

/** An annotation the actor may see (lib/annotations/access.ts: every non-draft, and their own drafts). */
function visibleAnnotation(alias: string, actor: Actor): Prisma.Sql {
  const table = Prisma.raw(alias);
  return Prisma.sql`(${table}.status <> 'draft' OR ${table}.author_id = ${actor.id})`;
}

/** The claim (alias `c`) has this approved verdict. */
function claimHasVerdict(verdict: string): Prisma.Sql {
  return Prisma.sql`EXISTS (SELECT 1 FROM annotations v WHERE v.claim_id = c.id AND v.kind = 'verification'
                              AND v.status = 'approved' AND v.verdict = ${verdict}::"Verdict")`;
}

function where(conditions: Prisma.Sql[]): Prisma.Sql {
  return conditions.length === 0 ? Prisma.empty : Prisma.sql`AND ${Prisma.join(conditions, " AND ")}`;
}

/** Rows after the cursor in (rank desc, type, id) order. */
function afterCursor(cursor: SearchCursor | null, type: SearchType, rank: Prisma.Sql, id: Prisma.Sql): Prisma.Sql[] {
  if (!cursor) return [];
  return [Prisma.sql`(${rank} < ${cursor.rank}::real OR (${rank} = ${cursor.rank}::real AND (${type}, ${id}) > (${cursor.type}, ${cursor.id})))`];
}

function claimHits(query: SearchQuery, actor: Actor, cursor: SearchCursor | null, limit: number): Prisma.Sql {
  const rank = Prisma.sql`ts_rank_cd(c.search_vector, query.q)::real`;
  const conditions: Prisma.Sql[] = [...dateRange(Prisma.sql`c.created_at`, query), ...afterCursor(cursor, "claim", rank, Prisma.sql`c.id`)];
  // A claim's snippet is its whole quote (at most 5,000 characters), matched words marked.
  if (query.status) conditions.push(Prisma.sql`c.status = ${query.status}::"ClaimStatus"`);
  if (query.verdict) conditions.push(claimHasVerdict(query.verdict));
  if (query.articleId) conditions.push(Prisma.sql`c.article_id = ${query.articleId}`);
  if (query.author) {
    conditions.push(Prisma.sql`(c.created_by_id = ${query.author} OR EXISTS (
      SELECT 1 FROM annotations w WHERE w.claim_id = c.id AND w.author_id = ${query.author} AND ${visibleAnnotation("w", actor)}))`);
  }
  return Prisma.sql`(
    SELECT 'claim'::text AS type, c.id, c.article_id, c.id AS claim_id, ${rank} AS rank, c.created_at,
           c.exact AS doc, 0 AS fragments
    FROM claims c, query
    WHERE c.search_vector @@ query.q ${where(conditions)}
    ORDER BY rank DESC, c.id LIMIT ${limit})`;
}

function annotationHits(kind: "source" | "verdict", query: SearchQuery, actor: Actor, cursor: SearchCursor | null, limit: number): Prisma.Sql {
  const rank = Prisma.sql`ts_rank_cd(n.search_vector, query.q)::real`;
  const conditions: Prisma.Sql[] = [
    visibleAnnotation("n", actor),
    kind === "source" ? Prisma.sql`n.kind = 'source'` : Prisma.sql`n.kind = 'verification'`,
    ...dateRange(Prisma.sql`n.created_at`, query),
    ...afterCursor(cursor, kind, rank, Prisma.sql`n.id`),
  ];
  if (query.status) conditions.push(Prisma.sql`c.status = ${query.status}::"ClaimStatus"`);
  if (query.verdict) {
    conditions.push(kind === "verdict" ? Prisma.sql`n.verdict = ${query.verdict}::"Verdict"` : claimHasVerdict(query.verdict));
  }
  if (query.articleId) conditions.push(Prisma.sql`c.article_id = ${query.articleId}`);
  if (query.author) conditions.push(Prisma.sql`n.author_id = ${query.author}`);
  const doc =
    kind === "source"
      ? Prisma.sql`concat_ws(' — ', n.title, n.publisher, n.excerpt, n.url)`
      : mentionsAsTextSql(Prisma.sql`n.rationale_text`);
  return Prisma.sql`(
    SELECT ${kind}::text AS type, n.id, c.article_id, c.id AS claim_id, ${rank} AS rank, n.created_at,
           ${doc} AS doc, 1 AS fragments
    FROM annotations n JOIN claims c ON c.id = n.claim_id, query
    WHERE n.search_vector @@ query.q ${where(conditions)}
    ORDER BY rank DESC, n.id LIMIT ${limit})`;
}

function articleHits(query: SearchQuery, cursor: SearchCursor | null, limit: number): Prisma.Sql {
  const rank = Prisma.sql`ts_rank_cd(a.search_vector, query.q)::real`;
  const conditions: Prisma.Sql[] = [...dateRange(Prisma.sql`a.created_at`, query), ...afterCursor(cursor, "article", rank, Prisma.sql`a.id`)];
  if (query.status) conditions.push(Prisma.sql`EXISTS (SELECT 1 FROM claims c WHERE c.article_id = a.id AND c.status = ${query.status}::"ClaimStatus")`);
  if (query.verdict) conditions.push(Prisma.sql`EXISTS (SELECT 1 FROM claims c WHERE c.article_id = a.id AND ${claimHasVerdict(query.verdict)})`);
  if (query.articleId) conditions.push(Prisma.sql`a.id = ${query.articleId}`);
  if (query.author) conditions.push(Prisma.sql`a.created_by_id = ${query.author}`);
  return Prisma.sql`(
    SELECT 'article'::text AS type, a.id, a.id AS article_id, NULL::text AS claim_id, ${rank} AS rank, a.created_at,
           left((SELECT r.text FROM article_revisions r WHERE r.article_id = a.id ORDER BY r.number DESC LIMIT 1), ${ARTICLE_SNIPPET_CHARS}) AS doc,
           2 AS fragments
    FROM articles a, query
    WHERE a.search_vector @@ query.q ${where(conditions)}
    ORDER BY rank DESC, a.id LIMIT ${limit})`;
}

/** The query string as `search` takes it: empty parameters count as absent. */
export function searchInput(params: URLSearchParams): Record<string, string> {
  const input: Record<string, string> = {};
  for (const [key, value] of params) if (value.trim() !== "") input[key] = value;
  return input;
}

/**
 * When no word matched (a misspelt name, say), claims whose quote holds something close to
 * the query, by trigram word similarity (pg_trgm, GIN index on the folded quote): one page,
 * best first, each quote whole as its snippet.
 */
async function fuzzyClaims(query: SearchQuery): Promise<SearchPageDTO["items"]> {
  const folded = Prisma.sql`lower(factdesk_unaccent(${query.q}))`;
  const conditions: Prisma.Sql[] = [...dateRange(Prisma.sql`c.created_at`, query)];
  if (query.status) conditions.push(Prisma.sql`c.status = ${query.status}::"ClaimStatus"`);
  if (query.verdict) conditions.push(claimHasVerdict(query.verdict));
  if (query.articleId) conditions.push(Prisma.sql`c.article_id = ${query.articleId}`);
  if (query.author) conditions.push(Prisma.sql`c.created_by_id = ${query.author}`);
  const rows = await db.$queryRaw<{ id: string; articleId: string; articleTitle: string; exact: string; createdAt: Date }[]>`
    SELECT c.id, c.article_id AS "articleId", a.title AS "articleTitle", c.exact, c.created_at AS "createdAt"
    FROM claims c JOIN articles a ON a.id = c.article_id
    WHERE ${folded} <% c.match_text ${where(conditions)}
    ORDER BY word_similarity(${folded}, c.match_text) DESC, c.id
    LIMIT ${SEARCH_PAGE_SIZE}`;
  return rows.map((row) => ({
    type: "claim" as const,
    id: row.id,
    articleId: row.articleId,
    articleTitle: row.articleTitle,
    claimId: row.id,
    snippet: [{ text: row.exact.length > 300 ? `${row.exact.slice(0, 299)}…` : row.exact, highlight: false }],
    createdAt: row.createdAt.toISOString(),
  }));
}

/** One page of results for `input` (the query string's parameters). */
export async function search({ actor, input }: { actor: Actor | null; input: unknown }): Promise<SearchPageDTO> {
  assertCan(actor, "article.read");
  const query = parseInput(SearchQuery, input);
  if (query.from && query.to && query.from > query.to) {
    throw new AppError("invalid_input", "The start date is after the end date.", { fields: { from: "Choose a start on or before the end." } });
  }
  const cursor = query.cursor ? decodeSearchCursor(query.cursor) : null;
  const limit = SEARCH_PAGE_SIZE + 1;
  const types: SearchType[] = query.type ? [query.type] : ["article", "claim", "source", "verdict"];
  const parts = types.map((type) => {
    switch (type) {
      case "claim":
        return claimHits(query, actor, cursor, limit);
      case "article":
        return articleHits(query, cursor, limit);
      default:
        return annotationHits(type, query, actor, cursor, limit);
    }
  });
  // One statement, one round trip. The search query is a CTE: the planner estimates a few
  // rows from each GIN index and reads the indexes (EXPLAIN on 2,000 articles and 100,000
  // claims), never all of `articles` with every search document from TOAST. That holds since
  // the indexes have no pending list (migration `…_search_indexes_without_pending_list`),
  // whose price made a scan look cheaper. Snippets are made for the returned page only.
  const rows = await db.$queryRaw<HitRow[]>`
    WITH query AS (SELECT ${textQuery(query.q)} AS q),
    hits AS (${Prisma.join(parts, " UNION ALL ")}),
    page AS (SELECT * FROM hits ORDER BY rank DESC, type, id LIMIT ${limit})
    SELECT page.type, page.id, page.article_id AS "articleId", a.title AS "articleTitle", page.claim_id AS "claimId",
           page.rank, page.created_at AS "createdAt",
           ts_headline(factdesk_ts_config(a.language), page.doc, query.q,
             CASE page.fragments WHEN 0 THEN ${headlineOptions(0)} WHEN 1 THEN ${headlineOptions(1)} ELSE ${headlineOptions(2)} END) AS headline
    FROM page JOIN articles a ON a.id = page.article_id, query
    ORDER BY page.rank DESC, page.type, page.id`;
  if (rows.length === 0 && !cursor && (query.type === undefined || query.type === "claim")) {
    return { items: await fuzzyClaims(query), nextCursor: null };
  }
  const items = rows.slice(0, SEARCH_PAGE_SIZE);
  const last = items.at(-1);
  return {
    items: items.map((row) => ({
      type: row.type,
      id: row.id,
      articleId: row.articleId,
      articleTitle: row.articleTitle,
      claimId: row.claimId,
      snippet: snippetParts(row.headline ?? ""),
      createdAt: row.createdAt.toISOString(),
    })),
    nextCursor: rows.length > SEARCH_PAGE_SIZE && last ? encodeSearchCursor({ rank: last.rank, type: last.type, id: last.id }) : null,
  };
}
