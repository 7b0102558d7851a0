/**
 * Lines 11 and 12: the web, safely. Every page comes from a fixture server this file starts on
 * 127.0.0.1 (tests/fixtures/web/server.ts), the one address the app servers and workers may
 * fetch from here (FACTDESK_FETCH_PUBLIC=off, FACTDESK_FETCH_ALLOW=127.0.0.1, as in the tests);
 * nothing else is ever fetched. Counts and times are bounded.
 *
 * 11. Import from a URL of a 5,000-word news page (navigation, cookie banner, related links,
 *     comments around the article), as an editor over HTTP, one request at a time:
 *     `POST /api/articles/preview` and `POST /api/articles` with `{url}` alone. Baseline, in the
 *     same rounds: the same requests with the same text pasted (`{title, text}`), no fetching.
 * 12. Archiving throughput: sources citing distinct pages of the fixture server are created over
 *     HTTP (POST /api/claims/:id/annotations) while no worker runs; then the workers start (one
 *     `scripts/worker.ts` per app instance, as `npm start` runs it) and archive them. Pages/s =
 *     pages / (last job completed − first job started), both from the job table. Runs: one
 *     instance (the baseline), two instances, and two instances of which one (its server and its
 *     worker) is killed with SIGKILL mid-run. Counted from the database at the end: every source
 *     has exactly one archived copy, none missing, none twice.
 */
import fs from "node:fs";
import path from "node:path";
import crypto from "node:crypto";
import { spawn, type ChildProcess } from "node:child_process";
import { performance } from "node:perf_hooks";
import { startFixtureServer, type FixtureServer } from "../../tests/fixtures/web/server.ts";
import { freePort } from "../lib/free-port.ts";
import { processCpuMs, ROOT, startServer, type Cleanup, type RunningServer } from "./environment.ts";
import { mulberry32 } from "./random.ts";
import { percentile, round } from "./stats.ts";
import { generateArticleText } from "./text.ts";
import { result, reference, type BenchResult } from "./result.ts";
import type { BenchData } from "./data.ts";

/** Line 11: words of the imported page, measured rounds, warm-up rounds. */
export const IMPORT_WORDS = 5_000;
const IMPORT_ROUNDS = 30;
const IMPORT_WARMUP_ROUNDS = 3;
/** Line 12: pages per run, words per page (a long news article), creating concurrency, limits. */
export const ARCHIVE_PAGES = 400;
const ARCHIVE_WORDS = 1_200;
const CREATE_CONCURRENCY = 8;
/** A run that has not archived every page by then stops waiting; what is left counts as lost. */
const ARCHIVE_RUN_LIMIT_MS = 150_000;
/** The kill happens once this share of the run's pages is archived. */
const KILL_AT_SHARE = 0.4;

type Log = (message: string) => void;

const escapeHtml = (value: string) =>
  value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

const SECTIONS = ["World", "Politics", "Business", "Climate", "Science", "Health", "Sport", "Culture", "Opinion", "Podcasts", "Newsletters", "Puzzles"];

interface PageArticle {
  title: string;
  text: string;
  author: string;
  outlet: string;
  publishedAt: string;
  url: string;
}

/**
 * A news page as outlets serve them: metadata (JSON-LD NewsArticle, Open Graph, meta tags),
 * scripts, a cookie banner, navigation, the article, related links, comments and a footer.
 */
export function newsPage(article: PageArticle): string {
  const paragraphs = article.text.split("\n\n");
  const jsonLd = JSON.stringify({
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    headline: article.title,
    author: { "@type": "Person", name: article.author },
    publisher: { "@type": "Organization", name: article.outlet },
    datePublished: article.publishedAt,
    mainEntityOfPage: article.url,
  });
  const related = Array.from({ length: 8 }, (_, i) => `<li><a href="/news/related-${i}">Related story number ${i + 1} on the same subject</a></li>`).join("");
  const comments = Array.from(
    { length: 6 },
    (_, i) => `<li class="comment"><p class="comment-author">Reader ${i + 1}</p><p>I do not agree with this at all, comment ${i + 1}.</p></li>`,
  ).join("");
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>${escapeHtml(article.title)} | ${escapeHtml(article.outlet)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="author" content="${escapeHtml(article.author)}">
<meta property="og:type" content="article">
<meta property="og:title" content="${escapeHtml(article.title)}">
<meta property="og:site_name" content="${escapeHtml(article.outlet)}">
<meta property="og:url" content="${escapeHtml(article.url)}">
<meta property="article:published_time" content="${article.publishedAt}">
<link rel="canonical" href="${escapeHtml(article.url)}">
<script type="application/ld+json">${jsonLd}</script>
<style>body{font-family:serif;margin:0}.cookie-banner{position:fixed;bottom:0}nav ul{display:flex}</style>
<script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments)}gtag("js",new Date());</script>
</head><body>
<div class="cookie-banner" role="dialog"><p>We use cookies to improve your experience and to show you adverts.</p><button>Accept all cookies</button><button>Manage settings</button></div>
<header class="site-header"><a class="logo" href="/">${escapeHtml(article.outlet)}</a>
<nav aria-label="Sections"><ul>${SECTIONS.map((section) => `<li><a href="/${section.toLowerCase()}">${section}</a></li>`).join("")}</ul></nav>
<form class="search" action="/search"><input name="q" placeholder="Search"><button>Search</button></form></header>
<main><article class="story">
<h1>${escapeHtml(article.title)}</h1>
<p class="byline">By <a rel="author" href="/authors/1">${escapeHtml(article.author)}</a> · <time datetime="${article.publishedAt}">${article.publishedAt.slice(0, 10)}</time></p>
<div class="story-body">
${paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`).join("\n")}
</div></article>
<aside class="related"><h2>More on this story</h2><ul>${related}</ul></aside>
<div class="ad" aria-hidden="true">Advertisement</div>
<section class="comments"><h2>Comments (6)</h2><ol>${comments}</ol></section>
</main>
<footer><ul><li><a href="/about">About us</a></li><li><a href="/privacy">Privacy</a></li><li><a href="/terms">Terms</a></li></ul><p>© ${escapeHtml(article.outlet)}</p></footer>
<script>document.querySelectorAll(".cookie-banner button").forEach(function(b){b.onclick=function(){b.parentNode.remove()}})</script>
</body></html>`;
}

async function post(origin: string, pathname: string, token: string, body: unknown): Promise<{ status: number; ms: number; text: string }> {
  const started = performance.now();
  const response = await fetch(`${origin}${pathname}`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, ms: performance.now() - started, text };
}

// ——— Line 11 ————————————————————————————————————————————————————————————————————————

interface Timings {
  ms: number[];
  failures: string[];
}

export interface UrlImportResult {
  previewUrl: Timings;
  previewText: Timings;
  createUrl: Timings;
  createText: Timings;
  /** Words of the text the URL preview extracted (the page's article has IMPORT_WORDS). */
  extractedWords: number;
  /** Whether the extracted text is the article's whole text, without the page's clutter. */
  bodyComplete: boolean;
  clutterFound: string[];
  pageBytes: number;
}

export async function measureUrlImport(options: { origin: string; token: string; fixture: FixtureServer; seed: number; log: Log }): Promise<UrlImportResult> {
  const { origin, token, fixture } = options;
  const text = generateArticleText(mulberry32(options.seed), IMPORT_WORDS);
  const pathname = "/news/2026/harbour-expansion-vote.html";
  const url = `${fixture.origin}${pathname}`;
  const article = {
    title: "Harbour expansion approved after a night of debate",
    text,
    author: "Ines Carvalho",
    outlet: "The Harbour Gazette",
    publishedAt: "2026-11-30T06:45:00.000Z",
    url,
  };
  const page = newsPage(article);
  fixture.route(pathname, (_request, response) => {
    response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    response.end(page);
  });

  const measured: Omit<UrlImportResult, "extractedWords" | "bodyComplete" | "clutterFound" | "pageBytes"> = {
    previewUrl: { ms: [], failures: [] },
    previewText: { ms: [], failures: [] },
    createUrl: { ms: [], failures: [] },
    createText: { ms: [], failures: [] },
  };
  let extracted = "";
  const pasted = { title: article.title, text, outlet: article.outlet, author: article.author };
  const once = async (into: Timings | null, pathnameOf: string, body: unknown, expected: number) => {
    const answer = await post(origin, pathnameOf, token, body);
    if (answer.status !== expected) {
      into?.failures.push(`${answer.status}: ${answer.text.slice(0, 160)}`);
      return answer;
    }
    into?.ms.push(answer.ms);
    return answer;
  };
  for (let round = 0; round < IMPORT_WARMUP_ROUNDS + IMPORT_ROUNDS; round += 1) {
    const warm = round < IMPORT_WARMUP_ROUNDS;
    // The four requests of a round in turn, so a busy moment of the machine hits all of them.
    const preview = await once(warm ? null : measured.previewUrl, "/api/articles/preview", { url }, 200);
    if (round === 0) {
      if (preview.status !== 200) throw new Error(`Import from a URL failed: ${preview.status} ${preview.text.slice(0, 300)}`);
      extracted = (JSON.parse(preview.text) as { text: string }).text;
    }
    await once(warm ? null : measured.previewText, "/api/articles/preview", pasted, 200);
    await once(warm ? null : measured.createUrl, "/api/articles", { url }, 201);
    await once(warm ? null : measured.createText, "/api/articles", pasted, 201);
  }
  const words = (value: string) => value.split(/\s+/).filter(Boolean);
  const extractedWords = words(extracted).length;
  const clutter = ["Accept all cookies", "Politics", "More on this story", "Related story", "Reader 1", "Advertisement", "About us"];
  const clutterFound = clutter.filter((phrase) => extracted.includes(phrase));
  const bodyComplete = words(extracted).join(" ") === words(text).join(" ");
  options.log(
    `   preview {url} p95 ${round(percentile(measured.previewUrl.ms, 0.95), 0)} ms, create {url} p95 ${round(percentile(measured.createUrl.ms, 0.95), 0)} ms; ` +
      `${extractedWords} words extracted${clutterFound.length ? `, clutter: ${clutterFound.join(", ")}` : ""}`,
  );
  return { ...measured, extractedWords, bodyComplete, clutterFound, pageBytes: Buffer.byteLength(page) };
}

function describeTimings(label: string, timings: Timings): string {
  return (
    `${label}: p50 ${round(percentile(timings.ms, 0.5), 0)} ms, p95 ${round(percentile(timings.ms, 0.95), 0)} ms, ` +
    `max ${round(percentile(timings.ms, 1), 0)} ms over ${timings.ms.length} requests` +
    (timings.failures.length ? `, ${timings.failures.length} failed (${timings.failures[0]})` : "")
  );
}

export function urlImportResults(measured: UrlImportResult): BenchResult[] {
  const page =
    `one request at a time after ${IMPORT_WARMUP_ROUNDS} warm-up rounds; page ${Math.round(measured.pageBytes / 1000)} KB from the fixture server on 127.0.0.1; ` +
    `${measured.extractedWords} of ${IMPORT_WORDS.toLocaleString("en")} words extracted, body ${measured.bodyComplete ? "complete" : "INCOMPLETE"}` +
    (measured.clutterFound.length ? `, clutter kept: ${measured.clutterFound.join(", ")}` : ", no clutter");
  const line = (name: string, url: Timings, text: Timings): BenchResult => {
    const failures = url.failures.length + text.failures.length;
    const p95 = percentile(url.ms, 0.95);
    const notes = [failures ? `${failures} failed requests` : "", measured.bodyComplete ? "" : "article body incomplete"].filter(Boolean);
    return {
      ...result({
        name,
        baseline: percentile(text.ms, 0.95),
        value: p95,
        unit: "ms",
        target: "≤ 500 ms",
        pass: p95 <= 500 && failures === 0 && measured.bodyComplete && measured.clutterFound.length === 0,
        ...(notes.length ? { note: notes.join("; ") } : {}),
      }),
      detail: `baseline = the same text pasted ({title, text}, nothing fetched); ${describeTimings("{url}", url)}; ${describeTimings("pasted", text)}; ${page}`,
    };
  };
  return [
    line(`11. preview from a URL, ${IMPORT_WORDS.toLocaleString("en")}-word page, p95`, measured.previewUrl, measured.previewText),
    line(`11. import from a URL, ${IMPORT_WORDS.toLocaleString("en")}-word page, p95`, measured.createUrl, measured.createText),
  ];
}

// ——— Line 12 ————————————————————————————————————————————————————————————————————————

/** An app instance as `npm start` runs it: the server, and the background worker beside it. */
interface Instance {
  label: string;
  server: RunningServer;
  worker: Worker | null;
}

interface Worker {
  child: ChildProcess;
  /** SIGTERM (running jobs finish, up to 10 s), then SIGKILL; resolves when gone. */
  stop: () => Promise<void>;
  kill: () => void;
}

function startWorker(label: string, databaseUrl: string, logFile: string): Promise<Worker> {
  const log = fs.createWriteStream(logFile, { flags: "a" });
  const child = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, "scripts", "worker.ts")], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: databaseUrl,
      // The worker fetches the cited pages: only from the fixture server on 127.0.0.1.
      FACTDESK_FETCH_PUBLIC: "off",
      FACTDESK_FETCH_ALLOW: "127.0.0.1",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.pipe(log, { end: false });
  child.stderr?.pipe(log, { end: false });
  const running = () => child.exitCode === null && child.signalCode === null;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  process.on("exit", () => {
    if (running()) child.kill("SIGKILL");
  });
  const worker: Worker = {
    child,
    kill: () => {
      if (running()) child.kill("SIGKILL");
    },
    stop: async () => {
      if (running()) {
        child.kill("SIGTERM");
        const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
        await exited;
        clearTimeout(timer);
      }
      log.end();
    },
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      worker.kill();
      reject(new Error(`The worker of instance ${label} did not start within 60 s (see ${logFile}).`));
    }, 60_000);
    let seen = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      seen += chunk.toString("utf8");
      if (seen.includes("Working background jobs.")) {
        clearTimeout(timer);
        resolve(worker);
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`The worker of instance ${label} exited (${code}) before it started (see ${logFile}).`));
    });
  });
}

export interface ArchiveRun {
  label: string;
  instances: number;
  pages: number;
  /** Sources whose create request answered 201, and requests that failed. */
  created: number;
  createFailures: number;
  createSeconds: number;
  /** First job started → last job completed, from the job table (the database's clock). */
  seconds: number;
  pagesPerSecond: number;
  /** Per source, from the database at the end. */
  archivedOnce: number;
  missing: number;
  duplicated: number;
  failed: number;
  /** Pages the fixture server served more than once (a job run again after its worker died). */
  refetched: number;
  /** Jobs that were running when the instance was killed, and seconds from the kill until the last of them completed. */
  killed: { activeJobs: number; recoverySeconds: number | null; archivedBefore: number } | null;
  /** Job attempts beyond the first, summed over the run's jobs. */
  retries: number;
  /** CPU (user + system) of the run's worker processes per archived page, ms. */
  workerCpuMsPerPage: number;
  /** A job's run, started → completed (last attempt), p50 and p95, ms. */
  jobMs: { p50: number; p95: number };
  /** CPU per archived page of PostgreSQL's processes (those running when the workers started) and of the bench process (fixture server, polling), ms. */
  databaseCpuMsPerPage: number;
  benchCpuMsPerPage: number;
}

interface RunCounts {
  sources: number;
  archivedOnce: number;
  missing: number;
  duplicated: number;
  failed: number;
  pending: number;
}

type Db = (typeof import("../../lib/db.ts"))["db"];

async function countRun(db: Db, prefix: string): Promise<RunCounts> {
  const rows = await db.$queryRaw<Array<{ archived: bigint; pending: bigint; failed: bigint; copies: bigint }>>`
    SELECT count(s.id) FILTER (WHERE s.status = 'archived') AS archived,
           count(s.id) FILTER (WHERE s.status = 'pending') AS pending,
           count(s.id) FILTER (WHERE s.status = 'failed') AS failed,
           count(s.id) AS copies
    FROM annotations a LEFT JOIN source_archives s ON s.annotation_id = a.id
    WHERE a.kind = 'source' AND a.url LIKE ${`${prefix}%`}
    GROUP BY a.id`;
  const counts: RunCounts = { sources: rows.length, archivedOnce: 0, missing: 0, duplicated: 0, failed: 0, pending: 0 };
  for (const row of rows) {
    const archived = Number(row.archived);
    if (archived === 1 && Number(row.copies) === 1) counts.archivedOnce += 1;
    if (archived === 0) counts.missing += 1;
    if (archived > 1) counts.duplicated += 1;
    if (Number(row.failed) > 0) counts.failed += 1;
    if (Number(row.pending) > 0) counts.pending += 1;
  }
  return counts;
}

async function archivedCount(db: Db, prefix: string): Promise<{ archived: number; pending: number }> {
  const [row] = await db.$queryRaw<Array<{ archived: bigint; pending: bigint }>>`
    SELECT count(*) FILTER (WHERE status = 'archived') AS archived, count(*) FILTER (WHERE status = 'pending') AS pending
    FROM source_archives WHERE url LIKE ${`${prefix}%`}`;
  return { archived: Number(row?.archived ?? 0), pending: Number(row?.pending ?? 0) };
}

/** The run's jobs in the job table: first start, last completion, retries, and the ids of those active now. */
async function jobTimes(db: Db, prefix: string): Promise<{ first: Date | null; last: Date | null; retries: number; active: string[]; runMs: number[] }> {
  const jobs = await db.$queryRaw<Array<{ id: string; state: string; started_on: Date | null; completed_on: Date | null; retry_count: number }>>`
    SELECT j.id::text AS id, j.state::text AS state, j.started_on, j.completed_on, j.retry_count
    FROM factdesk_jobs.job j JOIN source_archives s ON s.id = j.data->>'archiveId'
    WHERE j.name = 'archive-source' AND s.url LIKE ${`${prefix}%`}`;
  let first: Date | null = null;
  let last: Date | null = null;
  let retries = 0;
  const active: string[] = [];
  const runMs: number[] = [];
  for (const job of jobs) {
    if (job.state === "completed" && job.started_on && job.completed_on) runMs.push(job.completed_on.getTime() - job.started_on.getTime());
    if (job.started_on && (!first || job.started_on < first)) first = job.started_on;
    if (job.state === "completed" && job.completed_on && (!last || job.completed_on > last)) last = job.completed_on;
    if (job.state === "active") active.push(job.id);
    retries += job.retry_count;
  }
  return { first, last, retries, active, runMs };
}

async function completedOn(db: Db, ids: string[]): Promise<Date | null> {
  if (ids.length === 0) return null;
  const [row] = await db.$queryRaw<Array<{ last: Date | null; open: bigint }>>`
    SELECT max(completed_on) AS last, count(*) FILTER (WHERE state <> 'completed') AS open
    FROM factdesk_jobs.job WHERE id::text = ANY(${ids})`;
  return row && Number(row.open) === 0 ? row.last : null;
}

/** Creates `pages` sources citing distinct fixture pages, spread over the servers, `CREATE_CONCURRENCY` at a time. */
async function createSources(options: {
  servers: RunningServer[];
  tokens: string[];
  claimIds: string[];
  prefix: string;
  pages: number;
}): Promise<{ created: number; failures: string[]; seconds: number }> {
  const started = performance.now();
  let next = 0;
  let created = 0;
  const failures: string[] = [];
  const one = async () => {
    for (let n = next++; n < options.pages; n = next++) {
      const server = options.servers[n % options.servers.length]!;
      const answer = await post(server.url, `/api/claims/${options.claimIds[n % options.claimIds.length]}/annotations`, options.tokens[n % options.tokens.length]!, {
        kind: "source",
        url: `${options.prefix}${n}`,
        title: `Archived page ${n}`,
        stance: "supports",
      });
      if (answer.status === 201) created += 1;
      else failures.push(`${answer.status}: ${answer.text.slice(0, 120)}`);
    }
  };
  await Promise.all(Array.from({ length: CREATE_CONCURRENCY }, one));
  return { created, failures, seconds: (performance.now() - started) / 1000 };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function archiveRun(options: {
  label: string;
  instances: Instance[];
  /** Kill this instance (server and worker, SIGKILL) once KILL_AT_SHARE of the pages is archived. */
  kill: Instance | null;
  fixture: FixtureServer;
  fetches: Map<string, number>;
  tokens: string[];
  claimIds: string[];
  databaseUrl: string;
  logDir: string;
  log: Log;
}): Promise<ArchiveRun> {
  const { db, Prisma } = await import("../../lib/db.ts");
  const prefix = `${options.fixture.origin}/archive/${options.label}/`;
  const servers = options.instances.map((instance) => instance.server);
  const made = await createSources({ servers, tokens: options.tokens, claimIds: options.claimIds, prefix, pages: ARCHIVE_PAGES });
  options.log(`   ${options.label}: ${made.created} sources created in ${round(made.seconds, 1)} s; starting ${options.instances.length} worker(s)…`);
  // The backlog is held until every worker of the run is up, then released at once: the run
  // measures the instances working together, not the seconds one spends starting beside the other.
  const runJobs = Prisma.sql`name = 'archive-source' AND state = 'created'
    AND data->>'archiveId' IN (SELECT id FROM source_archives WHERE url LIKE ${`${prefix}%`})`;
  await db.$executeRaw`UPDATE factdesk_jobs.job SET start_after = now() + interval '1 hour' WHERE ${runJobs}`;
  await Promise.all(
    options.instances.map(async (instance) => {
      instance.worker = await startWorker(instance.label, options.databaseUrl, path.join(options.logDir, `web-worker-${instance.label}.log`));
    }),
  );
  const cpuOf = (instance: Instance) => processCpuMs(instance.worker?.child.pid);
  const cpuBefore = options.instances.map(cpuOf);
  // The other processes every page goes through: PostgreSQL's, and this one (the fixture server).
  const databasePids = (await db.$queryRaw<Array<{ pid: number }>>`SELECT pid FROM pg_stat_activity`).map((row) => row.pid);
  const databaseCpuBefore = new Map(databasePids.map((pid) => [pid, processCpuMs(pid)]));
  // Processes that ran from start to end of the run (a connection closed meanwhile is left out).
  const databaseCpu = () =>
    databasePids.reduce((sum, pid) => {
      const delta = processCpuMs(pid) - (databaseCpuBefore.get(pid) ?? Number.NaN);
      return Number.isFinite(delta) ? sum + delta : sum;
    }, 0);
  const ownCpu = () => {
    const usage = process.cpuUsage();
    return (usage.user + usage.system) / 1000;
  };
  const ownCpuBefore = ownCpu();
  const cpuAfter = [...cpuBefore];
  await db.$executeRaw`UPDATE factdesk_jobs.job SET start_after = now() WHERE ${runJobs}`;
  const limit = performance.now() + ARCHIVE_RUN_LIMIT_MS;
  let killed: ArchiveRun["killed"] = null;
  let killedJobs: string[] = [];
  let killedAt: Date | null = null;
  for (;;) {
    const progress = await archivedCount(db, prefix);
    if (options.kill && !killed && progress.archived >= KILL_AT_SHARE * made.created) {
      const victim = options.kill;
      cpuAfter[options.instances.indexOf(victim)] = cpuOf(victim);
      // The instance dies at once: no graceful stop, no chance to hand back its jobs.
      if (victim.server.pid !== undefined) process.kill(victim.server.pid, "SIGKILL");
      victim.worker?.kill();
      const [clock] = await db.$queryRaw<Array<{ now: Date }>>`SELECT now() AS now`;
      killedAt = clock?.now ?? new Date();
      // What was running then: the killed worker's jobs are among these; the others complete at once.
      killedJobs = (await jobTimes(db, prefix)).active;
      killed = { activeJobs: killedJobs.length, recoverySeconds: null, archivedBefore: progress.archived };
      options.log(`   ${options.label}: killed instance ${victim.label} (server and worker) with ${progress.archived} pages archived, ${killedJobs.length} jobs running`);
    }
    if (progress.pending === 0 || performance.now() > limit) break;
    await sleep(250);
  }
  options.instances.forEach((instance, index) => {
    if (instance !== options.kill) cpuAfter[index] = cpuOf(instance);
  });
  const workerCpuMs = cpuAfter.reduce((sum, after, index) => sum + after - (cpuBefore[index] ?? 0), 0);
  const databaseCpuMs = databaseCpu();
  const ownCpuMs = ownCpu() - ownCpuBefore;
  const times = await jobTimes(db, prefix);
  if (killed && killedAt) {
    const last = await completedOn(db, killedJobs);
    killed.recoverySeconds = last ? Math.max(0, (last.getTime() - killedAt.getTime()) / 1000) : null;
  }
  const counts = await countRun(db, prefix);
  const seconds = times.first && times.last ? (times.last.getTime() - times.first.getTime()) / 1000 : Number.NaN;
  let refetched = 0;
  for (const [pathname, count] of options.fetches) if (pathname.startsWith(`/archive/${options.label}/`) && count > 1) refetched += 1;
  const run: ArchiveRun = {
    label: options.label,
    instances: options.instances.length,
    pages: counts.sources,
    created: made.created,
    createFailures: made.failures.length,
    createSeconds: made.seconds,
    seconds,
    pagesPerSecond: counts.archivedOnce / seconds,
    archivedOnce: counts.archivedOnce,
    missing: counts.missing,
    duplicated: counts.duplicated,
    failed: counts.failed,
    refetched,
    killed,
    retries: times.retries,
    workerCpuMsPerPage: workerCpuMs / Math.max(1, counts.archivedOnce),
    jobMs: { p50: percentile(times.runMs, 0.5), p95: percentile(times.runMs, 0.95) },
    databaseCpuMsPerPage: databaseCpuMs / Math.max(1, counts.archivedOnce),
    benchCpuMsPerPage: ownCpuMs / Math.max(1, counts.archivedOnce),
  };
  options.log(
    `   ${options.label}: ${run.archivedOnce} of ${run.pages} archived once in ${round(seconds, 1)} s = ${round(run.pagesPerSecond, 1)} pages/s; ` +
      `${run.missing} missing, ${run.duplicated} twice, ${run.failed} failed, ${run.refetched} fetched again; CPU per page: workers ${round(run.workerCpuMsPerPage, 0)} ms, ` +
      `PostgreSQL ${round(run.databaseCpuMsPerPage, 0)} ms, bench process ${round(run.benchCpuMsPerPage, 0)} ms; ` +
      `a job runs ${round(run.jobMs.p50, 0)} ms (p50), ${round(run.jobMs.p95, 0)} ms (p95)` +
      (killed ? `; killed instance's ${killed.activeJobs} jobs done ${killed.recoverySeconds === null ? "never" : `${round(killed.recoverySeconds, 1)} s`} after the kill` : ""),
  );
  // The workers stop between runs (their servers stay): the next run creates its sources with no worker running.
  await Promise.all(options.instances.map((instance) => instance.worker?.stop()));
  for (const instance of options.instances) instance.worker = null;
  return run;
}

export interface ArchivingResult {
  one: ArchiveRun;
  two: ArchiveRun;
  killed: ArchiveRun;
  /** Queued archive jobs of earlier lines (their sources cite addresses no one may fetch here), dropped first. */
  droppedJobs: number;
}

export async function measureArchiving(options: {
  databaseUrl: string;
  fixture: FixtureServer;
  data: BenchData;
  tokens: string[];
  logDir: string;
  cleanup: Cleanup;
  seed: number;
  log: Log;
}): Promise<ArchivingResult> {
  const { fixture } = options;
  // Distinct pages: /archive/<run>/<n>, each a long news article of its own.
  const fetches = new Map<string, number>();
  const bodies = new Map<number, string>();
  const pageFor = (n: number) => {
    let body = bodies.get(n);
    if (!body) {
      const text = generateArticleText(mulberry32(options.seed + n), ARCHIVE_WORDS);
      body = newsPage({ title: `Council report number ${n} published`, text, author: "Newsdesk", outlet: "Valley Courier", publishedAt: "2026-11-29T08:00:00.000Z", url: `https://courier.example/${n}` });
      bodies.set(n, body);
    }
    return body;
  };
  for (let n = 0; n < ARCHIVE_PAGES; n += 1) pageFor(n);
  for (const run of ["one", "two", "killed"]) {
    for (let n = 0; n < ARCHIVE_PAGES; n += 1) {
      const pathname = `/archive/${run}/${n}`;
      fixture.route(pathname, (_request, response) => {
        fetches.set(pathname, (fetches.get(pathname) ?? 0) + 1);
        response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
        response.end(pageFor(n));
      });
    }
  }

  // Earlier lines queued archive jobs for sources citing example addresses (refused here, never
  // fetched): they are not this line's pages.
  const { appQueue } = await import("../../lib/jobs/index.ts");
  const droppedJobs = await appQueue().dropQueued("archive-source");
  await appQueue().stop();
  if (droppedJobs) options.log(`   dropped ${droppedJobs} queued archive jobs of earlier lines`);

  const start = async (label: string): Promise<Instance> => {
    const server = await startServer({
      port: await freePort(),
      databaseUrl: options.databaseUrl,
      secret: crypto.randomBytes(32).toString("base64url"),
      logFile: path.join(options.logDir, `web-server-${label}.log`),
    });
    const instance: Instance = { label, server, worker: null };
    options.cleanup.add(`instance ${label}`, async () => {
      await instance.worker?.stop();
      await server.stop();
    });
    return instance;
  };
  options.log("12. Starting two app instances…");
  const [a, b] = await Promise.all([start("A"), start("B")]);
  const common = { fixture, fetches, tokens: options.tokens, claimIds: options.data.target.claimIds, databaseUrl: options.databaseUrl, logDir: options.logDir, log: options.log };
  options.log("12. One instance…");
  const one = await archiveRun({ ...common, label: "one", instances: [a], kill: null });
  options.log("12. Two instances…");
  const two = await archiveRun({ ...common, label: "two", instances: [a, b], kill: null });
  options.log("12. Two instances, one killed mid-run…");
  const killed = await archiveRun({ ...common, label: "killed", instances: [a, b], kill: b });
  await a.server.stop();
  await b.server.stop();
  return { one, two, killed, droppedJobs };
}

function describeRun(run: ArchiveRun): string {
  return (
    `${run.label} (${run.instances} instance${run.instances > 1 ? "s" : ""}): ${run.archivedOnce} of ${run.pages} sources archived exactly once in ` +
    `${round(run.seconds, 1)} s (${round(run.pagesPerSecond, 1)} pages/s); ${run.missing} without a copy, ${run.duplicated} with two or more, ` +
    `${run.failed} failed; ${run.refetched} pages fetched more than once; ${run.retries} job retries; ` +
    `CPU per page: workers ${round(run.workerCpuMsPerPage, 1)} ms, PostgreSQL ${round(run.databaseCpuMsPerPage, 1)} ms, ` +
    `bench process (fixture server) ${round(run.benchCpuMsPerPage, 1)} ms; a job runs ${round(run.jobMs.p50, 0)} ms p50, ${round(run.jobMs.p95, 0)} ms p95 (started → completed); ` +
    `sources created over HTTP beforehand in ${round(run.createSeconds, 1)} s (${run.createFailures} failed requests)` +
    (run.killed
      ? `; instance B (server + worker) killed with SIGKILL at ${run.killed.archivedBefore} pages archived, ${run.killed.activeJobs} jobs running then, ` +
        `the last of them completed ${run.killed.recoverySeconds === null ? "never" : `${round(run.killed.recoverySeconds, 1)} s after the kill`}`
      : "")
  );
}

export function archivingResults(measured: ArchivingResult): BenchResult[] {
  const { one, two, killed } = measured;
  const words = `distinct ${ARCHIVE_WORDS.toLocaleString("en")}-word news pages (${ARCHIVE_PAGES} a run) from the fixture server on 127.0.0.1`;
  const wrong = killed.missing + killed.duplicated;
  return [
    {
      ...result({
        name: "12. archiving throughput, 2 instances",
        baseline: one.pagesPerSecond,
        value: two.pagesPerSecond,
        unit: "pages/s",
        target: "≥ 20 pages/s",
        pass: two.pagesPerSecond >= 20 && two.missing === 0 && two.duplicated === 0,
      }),
      detail: `baseline = one instance; first job started → last job completed (job table); ${words}; ${describeRun(two)}; baseline: ${describeRun(one)}`,
    },
    {
      ...result({
        name: "12. archives lost or twice, 1 of 2 instances killed mid-run",
        baseline: null,
        value: wrong,
        unit: "sources",
        target: "0",
        pass: wrong === 0 && killed.failed === 0 && killed.pages > 0,
      }),
      detail: `counted from the database: every source has exactly one archived copy; ${describeRun(killed)}`,
    },
    {
      ...reference("12. archiving throughput, 1 of 2 instances killed mid-run", killed.pagesPerSecond, "pages/s", two.pagesPerSecond),
      detail: `the whole run, waiting for the killed worker's jobs included; baseline = two instances, none killed; ${describeRun(killed)}` +
        (measured.droppedJobs ? `; ${measured.droppedJobs} queued archive jobs of earlier lines dropped first` : ""),
    },
  ];
}

/** Both lines: the fixture server, then line 11 on the bench's app, then line 12 on instances of its own. */
export async function measureWeb(options: {
  lines: number[];
  server: RunningServer;
  databaseUrl: string;
  data: BenchData;
  seed: number;
  logDir: string;
  cleanup: Cleanup;
  log: Log;
}): Promise<BenchResult[]> {
  const { createAccessToken } = await import("../../lib/tokens/create-access-token.ts");
  const { resolveActor } = await import("../../lib/users/resolve-actor.ts");
  const { db } = await import("../../lib/db.ts");
  const tokenOf = async (email: string) => {
    const user = await db.user.findUniqueOrThrow({ where: { email }, select: { id: true, tokenVersion: true } });
    const actor = await resolveActor({ userId: user.id, tokenVersion: user.tokenVersion });
    if (!actor) throw new Error(`no actor for ${email}`);
    return (await createAccessToken({ actor, credential: "session", input: { name: "web benchmark" } })).secret;
  };
  const fixture = await startFixtureServer();
  options.cleanup.add("fixture web server", () => fixture.close());
  const out: BenchResult[] = [];
  try {
    if (options.lines.includes(11)) {
      options.log(`11. Import from a URL, ${IMPORT_WORDS.toLocaleString("en")}-word page…`);
      const measured = await measureUrlImport({ origin: options.server.url, token: await tokenOf("erin@factdesk.test"), fixture, seed: options.seed, log: options.log });
      out.push(...urlImportResults(measured));
    }
    if (options.lines.includes(12)) {
      const measured = await measureArchiving({
        databaseUrl: options.databaseUrl,
        fixture,
        data: options.data,
        tokens: [options.data.token, await tokenOf("bob@factdesk.test")],
        logDir: options.logDir,
        cleanup: options.cleanup,
        seed: options.seed,
        log: options.log,
      });
      out.push(...archivingResults(measured));
    }
  } finally {
    await fixture.close();
  }
  return out;
}
