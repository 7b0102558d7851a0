/**
 * Lines 2, 3 and 4: the app over HTTP, signed in with alice's access token (Bearer), under
 * autocannon. Line 2 is the framework floor (app/api/bench/floor: auth wrapper + one Prisma
 * insert), line 3 the real annotation create, line 4 the article read.
 */
import pg from "pg";
import type { BenchData } from "./data.ts";
import { describeLoad, measureLoad, type LoadResult } from "./load.ts";
import { median } from "./stats.ts";

export const HTTP_CONCURRENCY = [8, 32] as const;

export interface CreateLoads {
  floor: Map<number, LoadResult>;
  create: Map<number, LoadResult>;
  /** SQL statements of one request (pg_stat_statements), and its time alone (median of 20 sequential). */
  floorAlone: { statements: number; ms: number };
  createAlone: { statements: number; ms: number };
}

/** A source annotation, as a reviewer's client sends it. */
const ANNOTATION_BODY = JSON.stringify({
  kind: "source",
  url: "https://statistics.example.org/releases/2026-q3",
  title: "Quarterly labour force survey, third quarter",
  publisher: "Statistics Office",
  stance: "supports",
});

function jsonHeaders(token: string): Record<string, string> {
  return { authorization: `Bearer ${token}`, "content-type": "application/json" };
}

/** One request first, so a broken route fails loudly instead of as a table of errors. */
async function expectStatus(url: string, init: RequestInit, status: number): Promise<void> {
  const response = await fetch(url, init);
  if (response.status !== status) {
    throw new Error(`${init.method ?? "GET"} ${url} answered ${response.status}, not ${status}: ${(await response.text()).slice(0, 300)}`);
  }
}

/** Median ms of `runs` sequential calls. */
async function alone(request: () => Promise<void>, runs: number): Promise<number> {
  const times: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const at = performance.now();
    await request();
    times.push(performance.now() - at);
  }
  return median(times);
}

/** Floor and create, alternating, at each concurrency: `seconds` each after a 2 s warm-up. */
export async function measureCreate(options: {
  origin: string;
  serverCpuMs: () => number;
  databaseUrl: string;
  data: BenchData;
  seconds: number;
  log: (message: string) => void;
}): Promise<CreateLoads> {
  const { origin, data } = options;
  const headers = jsonHeaders(data.token);
  const claims = data.target.claimIds;
  let next = 0;
  const createPath = () => `/api/claims/${claims[next++ % claims.length]}/annotations`;
  const floorOnce = () => expectStatus(`${origin}/api/bench/floor`, { method: "POST", headers, body: "{}" }, 201);
  const createOnce = () => expectStatus(`${origin}${createPath()}`, { method: "POST", headers, body: ANNOTATION_BODY }, 201);
  await floorOnce();
  await createOnce();
  const client = new pg.Client({ connectionString: options.databaseUrl });
  client.on("error", () => undefined); // the server going away on Ctrl-C is not a crash
  await client.connect();
  let floorStatements;
  let createStatements;
  try {
    await client.query("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
    floorStatements = await countQueries(client, floorOnce, 3);
    createStatements = await countQueries(client, createOnce, 3);
  } finally {
    await client.end();
  }
  const floorAlone = { statements: floorStatements.min, ms: await alone(floorOnce, 20) };
  const createAlone = { statements: createStatements.min, ms: await alone(createOnce, 20) };
  options.log(
    `one request alone: floor ${floorAlone.ms.toFixed(1)} ms, ${floorStatements.min}–${floorStatements.max} statements; ` +
      `create ${createAlone.ms.toFixed(1)} ms, ${createStatements.min}–${createStatements.max} statements`,
  );

  const loads: CreateLoads = { floor: new Map(), create: new Map(), floorAlone, createAlone };
  for (const connections of HTTP_CONCURRENCY) {
    const floor = await measureLoad({
      origin,
      method: "POST",
      path: () => "/api/bench/floor",
      headers,
      body: "{}",
      connections,
      seconds: options.seconds,
    }, 2, options.serverCpuMs);
    options.log(describeLoad(`floor c=${connections}`, floor));
    loads.floor.set(connections, floor);
    const create = await measureLoad({
      origin,
      method: "POST",
      path: createPath,
      headers,
      body: ANNOTATION_BODY,
      connections,
      seconds: options.seconds,
    }, 2, options.serverCpuMs);
    options.log(describeLoad(`create c=${connections}`, create));
    loads.create.set(connections, create);
  }
  return loads;
}

/** Where the bytes of an article response go. */
export interface ResponseBytes {
  total: number;
  revisionText: number;
  revisionDoc: number;
  claims: number;
  /** Of `claims`: the annotations (with their reviews and replies). */
  annotations: number;
  annotationCount: number;
  /** Milliseconds of one request alone (median of 5 sequential requests). */
  aloneMs: number;
}

export interface ReadMeasurement {
  large: LoadResult;
  small: LoadResult;
  largeBytes: ResponseBytes;
  smallBytes: ResponseBytes;
  /** SQL statements of one request right after a change (nothing kept applies), fewest seen over a few requests, and the most. */
  largeQueries: { min: number; max: number };
  smallQueries: { min: number; max: number };
  /** The same while nothing changes (the claim list and revision text kept in memory). */
  largeQueriesUnchanged: { min: number; max: number };
  /** One request alone right after a change, median of a few. */
  largeAfterChangeMs: number;
  smallAfterChangeMs: number;
}

/**
 * SQL statements one request costs, counted by PostgreSQL itself: pg_stat_statements is reset,
 * one request runs with nothing else going on, and the calls recorded since are summed (the
 * counting queries themselves excluded). BEGIN/COMMIT count as statements.
 */
async function countQueries(
  client: pg.Client,
  request: () => Promise<void>,
  runs: number,
  before: () => Promise<void> = async () => {},
): Promise<{ min: number; max: number }> {
  const counts: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    await before();
    await client.query("SELECT pg_stat_statements_reset()");
    await request();
    const { rows } = await client.query<{ calls: string | null }>(
      `SELECT sum(calls) AS calls FROM pg_stat_statements
        WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
          AND query NOT ILIKE '%pg_stat_statements%'`,
    );
    counts.push(Number(rows[0]?.calls ?? 0));
  }
  return { min: Math.min(...counts), max: Math.max(...counts) };
}

/** GET /api/articles/:id for 1,000 and for 10 claims: size, statements per request, load at c=8. */
export async function measureRead(options: {
  origin: string;
  serverCpuMs: () => number;
  databaseUrl: string;
  data: BenchData;
  seconds: number;
  log: (message: string) => void;
}): Promise<ReadMeasurement> {
  const { origin, data } = options;
  const headers = { authorization: `Bearer ${data.token}` };
  const fetchBody = async (id: string) => {
    const response = await fetch(`${origin}/api/articles/${id}`, { headers });
    const body = await response.text();
    if (response.status !== 200) throw new Error(`GET /api/articles/${id} answered ${response.status}`);
    return body;
  };
  const fetchBytes = async (id: string) => Buffer.byteLength(await fetchBody(id));
  const bytes = (value: unknown) => Buffer.byteLength(JSON.stringify(value) ?? "");
  const breakdown = async (id: string): Promise<ResponseBytes> => {
    const body = await fetchBody(id);
    const times: number[] = [];
    for (let run = 0; run < 5; run += 1) {
      const at = performance.now();
      await fetchBody(id);
      times.push(performance.now() - at);
    }
    const parsed = JSON.parse(body) as {
      revision: { text: string; doc: unknown };
      claims: Array<{ annotations: unknown[] }>;
      orphanedClaims: Array<{ annotations: unknown[] }>;
    };
    const claims = [...parsed.claims, ...parsed.orphanedClaims];
    return {
      total: Buffer.byteLength(body),
      revisionText: bytes(parsed.revision.text),
      revisionDoc: bytes(parsed.revision.doc),
      claims: bytes(claims),
      annotations: claims.reduce((sum, claim) => sum + bytes(claim.annotations), 0),
      annotationCount: claims.reduce((sum, claim) => sum + claim.annotations.length, 0),
      aloneMs: median(times),
    };
  };
  const largeBytes = await breakdown(data.large.id);
  const smallBytes = await breakdown(data.small.id);

  const client = new pg.Client({ connectionString: options.databaseUrl });
  client.on("error", () => undefined); // the server going away on Ctrl-C is not a crash
  await client.connect();
  // A change to one of the article's claims, as any writer's would be: the server's kept claim
  // list no longer applies, so the next read builds it again from the database.
  const change = (article: { claimIds: readonly string[] }) => async () => {
    await client.query("UPDATE claims SET claimant = claimant WHERE id = $1", [article.claimIds[0]]);
  };
  const afterChange = async (article: { id: string; claimIds: readonly string[] }) => {
    const times: number[] = [];
    for (let run = 0; run < 5; run += 1) {
      await change(article)();
      const at = performance.now();
      await fetchBody(article.id);
      times.push(performance.now() - at);
    }
    return median(times);
  };
  let largeQueries;
  let smallQueries;
  let largeQueriesUnchanged;
  let largeAfterChangeMs;
  let smallAfterChangeMs;
  try {
    await client.query("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
    largeQueries = await countQueries(client, async () => void (await fetchBytes(data.large.id)), 3, change(data.large));
    smallQueries = await countQueries(client, async () => void (await fetchBytes(data.small.id)), 3, change(data.small));
    largeQueriesUnchanged = await countQueries(client, async () => void (await fetchBytes(data.large.id)), 3);
    largeAfterChangeMs = await afterChange(data.large);
    smallAfterChangeMs = await afterChange(data.small);
  } finally {
    await client.end();
  }
  for (const [label, size, queries] of [
    ["1,000 claims", largeBytes, largeQueries],
    ["10 claims", smallBytes, smallQueries],
  ] as const) {
    options.log(
      `read ${label}: ${size.total} bytes (text ${size.revisionText}, doc ${size.revisionDoc}, claims ${size.claims} ` +
        `of which ${size.annotationCount} annotations ${size.annotations}), ${queries.min}–${queries.max} statements, ` +
        `${size.aloneMs.toFixed(0)} ms alone`,
    );
  }

  // A fixed number of requests (8 rounds of 8), so that slow responses are all counted.
  const load = (id: string) =>
    measureLoad(
      { origin, method: "GET", path: () => `/api/articles/${id}`, headers, connections: 8, seconds: options.seconds, amount: 64 },
      2,
      options.serverCpuMs,
    );
  const small = await load(data.small.id);
  options.log(describeLoad("read 10 claims c=8", small));
  const large = await load(data.large.id);
  options.log(describeLoad("read 1,000 claims c=8", large));
  options.log(
    `read right after a change: 1,000 claims ${largeAfterChangeMs.toFixed(0)} ms, 10 claims ${smallAfterChangeMs.toFixed(0)} ms; ` +
      `unchanged 1,000 claims: ${largeQueriesUnchanged.min}–${largeQueriesUnchanged.max} statements`,
  );
  return { large, small, largeBytes, smallBytes, largeQueries, smallQueries, largeQueriesUnchanged, largeAfterChangeMs, smallAfterChangeMs };
}
