/**
 * Line 8: live fan-out. Real server-sent-event connections to `GET /api/articles/:id/events`
 * on the 1,000-claim article, each behaving as a browser's workspace does, while writers make
 * a steady stream of mixed changes over HTTP:
 *
 * - "events" (as shipped): apply each change event to the page's state
 *   (lib/live/apply-change.ts); read the open claim again (`GET /api/claims/:id`, with its ETag)
 *   when the event changed it; read the article again only on `reset` or a new revision.
 * - "refetch" (the behaviour before, the baseline): on each event, wait 120 ms for more, then
 *   read the whole article and the open claim again.
 *
 * Each subscriber has one of the claims being written open (claims are spread over them), as
 * a reviewer working in the article would. Change-to-visible latency: from the write's
 * response to the moment the subscriber holds the new state (event applied, or the read that
 * started after the event answered). Everything runs on loopback, bounded in count and time.
 */
import http from "node:http";
import { performance } from "node:perf_hooks";
import { applyChangeEvent, changesClaim, type LiveArticleState } from "../../lib/live/apply-change.ts";
import type { ChangeEventDTO, LiveClaimDTO } from "../../lib/live/change-batch.ts";
import type { ArticleDTO } from "../../lib/articles/present.ts";
import { percentile } from "./stats.ts";

export type LiveMode = "events" | "refetch";

export interface LiveOptions {
  /** One or more app servers (same database); subscribers are spread over them, writes go to the first. */
  origins: string[];
  /** CPU clocks of those servers, ms. */
  serverCpuMs: Array<() => number>;
  articleId: string;
  /** Claims the writers work on; each subscriber has one of them open. */
  claimIds: string[];
  /** Tokens of the readers (subscribers take them in turn) and of the two writers. */
  readerTokens: string[];
  writerTokens: [string, string];
  subscribers: number;
  mode: LiveMode;
  /** Changes per second and seconds of writing. */
  rate: number;
  seconds: number;
  log: (message: string) => void;
}

export interface LiveResult {
  mode: LiveMode;
  subscribers: number;
  instances: number;
  changes: number;
  /** Change-to-visible latency over every (change, subscriber) pair that became visible. */
  p50: number;
  p95: number;
  p99: number;
  /** Pairs that never became visible before the drain ended. */
  missing: number;
  /** Bytes received per subscriber per change (event stream and reads). */
  bytesPerSubscriberPerChange: number;
  /** Writes that failed (after retries), and are not counted as changes. */
  failedWrites: number;
  /** App server CPU (all instances) per change, ms, writes included. */
  cpuMsPerChange: number;
  /** Reads made by subscribers during the run: article, claim, 304 answers. */
  reads: { article: number; claim: number; notModified: number };
  seconds: number;
}

type State = LiveArticleState<LiveClaimDTO>;

interface Subscriber {
  index: number;
  origin: string;
  token: string;
  openClaim: string;
  state: State | null;
  claimTag: string | null;
  bytes: number;
  /** "type id" of a change → when it became visible. */
  visible: Map<string, number>;
  close: () => void;
}

const keyOf = (type: string, id: string) => `${type} ${id}`;

async function read(url: string, token: string, tag: string | null): Promise<{ status: number; bytes: number; body: string; etag: string | null }> {
  const response = await fetch(url, { headers: { authorization: `Bearer ${token}`, ...(tag ? { "if-none-match": tag } : {}) } });
  const body = await response.text();
  // The body, and the headers as sent (status line, names, values, separators).
  let headerBytes = 17;
  response.headers.forEach((value, name) => (headerBytes += name.length + value.length + 4));
  return { status: response.status, bytes: Buffer.byteLength(body) + headerBytes, body, etag: response.headers.get("etag") };
}

function toState(article: ArticleDTO): State {
  const strip = ({ can: _can, ...claim }: ArticleDTO["claims"][number]): LiveClaimDTO => claim;
  return { claims: article.claims.map(strip), orphanedClaims: article.orphanedClaims.map(strip), progress: article.progress, agreement: article.agreement };
}

/** Opens an event stream; calls `onEvent` per event; resolves once `ready` arrived. */
function openStream(
  origin: string,
  path: string,
  token: string,
  onBytes: (n: number) => void,
  onEvent: (event: string, data: string) => void,
): Promise<() => void> {
  return new Promise((resolve, reject) => {
    const request = http.get(`${origin}${path}`, { headers: { authorization: `Bearer ${token}`, accept: "text/event-stream" }, agent: false }, (response) => {
      if (response.statusCode !== 200) {
        reject(new Error(`event stream answered ${response.statusCode}`));
        response.resume();
        return;
      }
      response.setEncoding("utf8");
      let buffer = "";
      let ready = false;
      response.on("data", (chunk: string) => {
        onBytes(Buffer.byteLength(chunk));
        buffer += chunk;
        let cut: number;
        while ((cut = buffer.indexOf("\n\n")) >= 0) {
          const block = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          let event = "message";
          let data = "";
          for (const line of block.split("\n")) {
            if (line.startsWith("event: ")) event = line.slice(7);
            else if (line.startsWith("data: ")) data = line.slice(6);
          }
          if (event === "ready" && !ready) {
            ready = true;
            resolve(() => request.destroy());
          }
          if (data) onEvent(event, data);
        }
      });
      response.on("error", () => {});
    });
    request.on("error", reject);
  });
}

export async function measureLive(options: LiveOptions): Promise<LiveResult> {
  const { origins, articleId, mode } = options;
  // Every subscriber starts from a read of the article, as the page does (one per reader, shared).
  const initial = new Map<string, ArticleDTO>();
  for (const token of new Set(options.readerTokens)) {
    const { body } = await read(`${origins[0]}/api/articles/${articleId}`, token, null);
    initial.set(token, JSON.parse(body) as ArticleDTO);
  }
  const subscribers: Subscriber[] = [];
  const pendingReads: Promise<unknown>[] = [];
  const reads = { article: 0, claim: 0, notModified: 0 };

  for (let index = 0; index < options.subscribers; index += 1) {
    const token = options.readerTokens[index % options.readerTokens.length]!;
    const article = initial.get(token)!;
    const subscriber: Subscriber = {
      index,
      origin: origins[index % origins.length]!,
      token,
      openClaim: options.claimIds[index % options.claimIds.length]!,
      state: toState(article),
      claimTag: null,
      bytes: 0,
      visible: new Map(),
      close: () => {},
    };
    // The open claim, read once as the panel does when a claim is opened.
    const opened = await read(`${subscriber.origin}/api/claims/${subscriber.openClaim}`, token, null);
    subscriber.claimTag = opened.etag;

    let refetchTimer: NodeJS.Timeout | null = null;
    let waiting: string[] = [];
    const refetchAll = async (keys: string[]) => {
      const [articleRead, claimRead] = await Promise.all([
        read(`${subscriber.origin}/api/articles/${articleId}`, token, null),
        read(`${subscriber.origin}/api/claims/${subscriber.openClaim}`, token, null),
      ]);
      reads.article += 1;
      reads.claim += 1;
      subscriber.bytes += articleRead.bytes + claimRead.bytes;
      const now = performance.now();
      for (const key of keys) if (!subscriber.visible.has(key)) subscriber.visible.set(key, now);
    };
    const onEvent = (event: string, data: string) => {
      const arrived = performance.now();
      if (event !== "change" && event !== "reset") return;
      const change = event === "change" ? (JSON.parse(data) as ChangeEventDTO) : null;
      const keys = change ? change.types.map((type, i) => keyOf(type, change.ids[i]!)) : [];
      if (mode === "refetch") {
        // The workspace before: coalesce a burst into one reload of everything, 120 ms later.
        waiting.push(...keys);
        if (refetchTimer) clearTimeout(refetchTimer);
        refetchTimer = setTimeout(() => {
          const batch = waiting;
          waiting = [];
          const done = refetchAll(batch);
          pendingReads.push(done);
        }, 120);
        return;
      }
      if (!change || change.revision) {
        pendingReads.push(
          read(`${subscriber.origin}/api/articles/${articleId}`, token, null).then((answer) => {
            reads.article += 1;
            subscriber.bytes += answer.bytes;
            subscriber.state = toState(JSON.parse(answer.body) as ArticleDTO);
            const now = performance.now();
            for (const key of keys) subscriber.visible.set(key, now);
          }),
        );
        return;
      }
      const applied = applyChangeEvent(subscriber.state!, change, (claim) => claim, (claim) => claim);
      if (applied.kind === "applied") subscriber.state = applied.state;
      if (changesClaim(change, subscriber.openClaim)) {
        pendingReads.push(
          read(`${subscriber.origin}/api/claims/${subscriber.openClaim}`, token, subscriber.claimTag).then((answer) => {
            reads.claim += 1;
            if (answer.status === 304) reads.notModified += 1;
            else subscriber.claimTag = answer.etag;
            subscriber.bytes += answer.bytes;
            const now = performance.now();
            for (const key of keys) if (!subscriber.visible.has(key)) subscriber.visible.set(key, now);
          }),
        );
      } else {
        for (const key of keys) if (!subscriber.visible.has(key)) subscriber.visible.set(key, arrived);
      }
    };
    subscriber.close = await openStream(
      subscriber.origin,
      `/api/articles/${articleId}/events?after=${article.liveEventId}`,
      token,
      (n) => (subscriber.bytes += n),
      onEvent,
    );
    subscribers.push(subscriber);
  }
  for (const subscriber of subscribers) subscriber.bytes = 0;

  // The writers: one work item per claim in turn, five changes each (draft, edit, submit,
  // another's review, a reply), one change every 1/rate seconds.
  // A draft's changes (made and edited) reach its author's pages only: `onlyFor` is that author's token.
  const writes: Array<{ key: string; at: number; onlyFor?: string }> = [];
  const cpuBefore = options.serverCpuMs.map((clock) => clock());
  const started = performance.now();
  const total = Math.round(options.rate * options.seconds);
  const failedWrites: string[] = [];
  /** A write; a 503 (the server shedding load) is tried again twice, then counted as failed. */
  const post = async (method: string, path: string, token: string, body: unknown) => {
    for (let attempt = 1; ; attempt += 1) {
      const response = await fetch(`${origins[0]}${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: JSON.stringify(body),
      });
      const text = await response.text();
      if (response.ok) return { json: JSON.parse(text) as { id: string; version?: number }, at: performance.now() };
      if (response.status !== 503 || attempt === 3) throw new Error(`${method} ${path} answered ${response.status}: ${text.slice(0, 120)}`);
      await new Promise((resolve) => setTimeout(resolve, 250 * attempt));
    }
  };
  let annotation: { id: string; version: number } | null = null;
  for (let n = 0; n < total; n += 1) {
    const due = started + (n * 1000) / options.rate;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const item = Math.floor(n / 5);
    const claimId = options.claimIds[item % options.claimIds.length]!;
    const [author, other] = item % 2 === 0 ? options.writerTokens : [options.writerTokens[1], options.writerTokens[0]];
    // Bounded in time too: a server that cannot keep up ends the writing at three times its length.
    if (performance.now() - started > options.seconds * 3000) break;
    // A work item whose first write failed has nothing to continue with.
    if (n % 5 !== 0 && annotation === null) continue;
    try {
      await writeStep(n, claimId, author, other);
    } catch (error) {
      failedWrites.push(error instanceof Error ? error.message : String(error));
      if (n % 5 === 0) annotation = null;
    }
  }
  async function writeStep(n: number, claimId: string, author: string, other: string): Promise<void> {
    switch (n % 5) {
      case 0: {
        const made = await post("POST", `/api/claims/${claimId}/annotations`, author, {
          kind: "source",
          url: `https://example.org/live/${n}`,
          title: `Live source ${n}`,
          stance: "supports",
        });
        annotation = { id: made.json.id, version: 1 };
        writes.push({ key: keyOf("annotation.created", made.json.id), at: made.at, onlyFor: author });
        break;
      }
      case 1: {
        const made = await post("PATCH", `/api/annotations/${annotation!.id}`, author, { title: `Edited ${n}`, version: annotation!.version });
        annotation = { id: annotation!.id, version: made.json.version ?? annotation!.version + 1 };
        writes.push({ key: keyOf("annotation.updated", annotation.id), at: made.at, onlyFor: author });
        break;
      }
      case 2: {
        const made = await post("POST", `/api/annotations/${annotation!.id}/submit`, author, {});
        annotation = { id: annotation!.id, version: made.json.version ?? annotation!.version };
        writes.push({ key: keyOf("annotation.submitted", annotation.id), at: made.at });
        break;
      }
      case 3: {
        const made = await post("POST", `/api/annotations/${annotation!.id}/reviews`, other, {
          decision: "approve",
          comment: `Checked ${n}`,
          version: annotation!.version,
        });
        writes.push({ key: keyOf("annotation.reviewed", annotation!.id), at: made.at });
        break;
      }
      default: {
        const made = await post("POST", `/api/annotations/${annotation!.id}/replies`, other, { body: `Reply ${n}` });
        writes.push({ key: keyOf("annotation.replied", annotation!.id), at: made.at });
      }
    }
  }
  if (failedWrites.length > 0) options.log(`   ${failedWrites.length} writes failed, e.g. ${failedWrites[0]}`);
  // Drain: wait until every subscriber saw every change, at most 30 s.
  const drainUntil = performance.now() + 30_000;
  const toldTo = (subscriber: Subscriber, write: (typeof writes)[number]) => write.onlyFor === undefined || write.onlyFor === subscriber.token;
  const allSeen = () => subscribers.every((subscriber) => writes.every((write) => !toldTo(subscriber, write) || subscriber.visible.has(write.key)));
  while (!allSeen() && performance.now() < drainUntil) await new Promise((resolve) => setTimeout(resolve, 50));
  await Promise.allSettled(pendingReads);
  const elapsed = (performance.now() - started) / 1000;
  const cpu = options.serverCpuMs.reduce((sum, clock, i) => sum + clock() - cpuBefore[i]!, 0);
  for (const subscriber of subscribers) subscriber.close();

  const latencies: number[] = [];
  let missing = 0;
  for (const subscriber of subscribers) {
    for (const write of writes) {
      if (!toldTo(subscriber, write)) continue;
      const seen = subscriber.visible.get(write.key);
      if (seen === undefined) missing += 1;
      else latencies.push(Math.max(0, seen - write.at));
    }
  }
  const bytes = subscribers.reduce((sum, subscriber) => sum + subscriber.bytes, 0);
  return {
    mode,
    subscribers: subscribers.length,
    instances: origins.length,
    changes: writes.length,
    p50: percentile(latencies, 0.5),
    p95: percentile(latencies, 0.95),
    p99: percentile(latencies, 0.99),
    missing,
    failedWrites: failedWrites.length,
    bytesPerSubscriberPerChange: bytes / subscribers.length / Math.max(1, writes.length),
    cpuMsPerChange: cpu / Math.max(1, writes.length),
    reads,
    seconds: elapsed,
  };
}
