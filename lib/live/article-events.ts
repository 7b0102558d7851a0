/**
 * The Server-Sent Events stream of one article's changes (D9), as served by
 * `GET /api/articles/:id/events`. Every event carries the id of the last logged change it
 * covers, so a browser that reconnects sends it back as `Last-Event-ID` and is sent what it
 * missed, from any server (the log is in PostgreSQL: lib/live/event-log.ts):
 *
 *   id: 41                  the stream is live; what came after the client's id has been sent
 *   event: ready
 *   data: {}
 *
 *   id: 42                  per committed change (or several, when catching up): the changed
 *   event: change           claims as THIS subscriber may see them (ChangeEventDTO,
 *   data: {"id":42,"types":["annotation.created"],"claims":[…],…}   lib/live/change-batch.ts);
 *                           none for a change they may not be told of (a draft's archived copy)
 *
 *   id: 57                  the client is too far behind (or gave no id): reload everything,
 *   event: reset            then apply the changes that follow
 *   data: {"id":57}
 *
 *   : keepalive             a comment every 15 s, so proxies keep the connection open
 *
 * The client starts from the id its first read of the article gave it (`?after=`, the
 * article's `liveEventId`), so nothing between that read and the stream is lost either.
 */
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { assertCan } from "@/lib/auth/policy";
import type { Actor } from "@/lib/auth/actor";
import { parseInput } from "@/lib/validation";
import { RESYNC, whenListening } from "@/lib/live/subscribe";
import { KEEPALIVE_MS, openSubscribedStream } from "@/lib/live/sse-stream";
import { readEventsAfter, readHead } from "@/lib/live/event-log";
import { buildChangeBatch, showChangeBatch, type ChangeBatch } from "@/lib/live/change-batch";
import { ArticleEventsInput } from "@/lib/live/schemas";
import type { LoggedChange } from "@/lib/live/publish";

export interface OpenArticleEventsOptions {
  actor: Actor | null;
  articleId: string;
  /** `{after}`: the last event id the client applied (`Last-Event-ID` or `?after=`), or null. */
  input: ArticleEventsInput;
  /** Aborted when the client goes away; the subscription ends with it. */
  signal: AbortSignal;
  /** @default KEEPALIVE_MS */
  keepaliveMs?: number;
}

/**
 * The batch of each change this server heard, shared by all of its subscribers: read once,
 * after the change committed. Kept for the last few changes only.
 */
const heardBatches = new Map<number, Promise<ChangeBatch>>();
const HEARD_BATCHES_KEPT = 256;

function batchOf(change: LoggedChange): Promise<ChangeBatch> {
  let batch = heardBatches.get(change.eventId);
  if (!batch) {
    batch = buildChangeBatch(change.articleId, [change]);
    const made = batch;
    heardBatches.set(change.eventId, made);
    made.catch(() => {
      if (heardBatches.get(change.eventId) === made) heardBatches.delete(change.eventId);
    });
    for (const oldest of heardBatches.keys()) {
      if (heardBatches.size <= HEARD_BATCHES_KEPT) break;
      heardBatches.delete(oldest);
    }
  }
  return batch;
}

/** Opens the event stream of an article the actor may read; `not_found` when there is no such article. */
export async function openArticleEvents({
  actor,
  articleId,
  input,
  signal,
  keepaliveMs = KEEPALIVE_MS,
}: OpenArticleEventsOptions): Promise<ReadableStream<Uint8Array>> {
  assertCan(actor, "article.read");
  const { after } = parseInput(ArticleEventsInput, input);
  const article = await db.article.findUnique({ where: { id: articleId }, select: { id: true } });
  if (!article) throw new AppError("not_found", "No such article.");

  /** The id of the last event sent: every change of the article up to it has been told. */
  let lastSent = after;
  // Events are sent one at a time, in order: a change heard while catching up waits for it.
  let releaseStart: () => void = () => {};
  let queue = new Promise<void>((resolve) => {
    releaseStart = resolve;
  });
  const enqueue = (task: () => Promise<void>) => {
    queue = queue.then(task).catch((error: unknown) => {
      // The client reconnects with its last id and catches up; nothing is lost by ending here.
      console.error("[factdesk] live updates: could not send a change", error);
      end();
    });
  };

  const catchUp = async () => {
    if (lastSent === null) {
      // A client with no id cannot be caught up: it reloads, then follows from the newest id.
      lastSent = await readHead(articleId);
      send(`id: ${lastSent}\nevent: reset\ndata: ${JSON.stringify({ id: lastSent })}\n\n`);
      return;
    }
    const replay = await readEventsAfter(articleId, lastSent);
    if (replay.kind === "reset") {
      lastSent = replay.head;
      send(`id: ${lastSent}\nevent: reset\ndata: ${JSON.stringify({ id: lastSent })}\n\n`);
      return;
    }
    if (replay.events.length === 0) return;
    sendBatch(await buildChangeBatch(articleId, replay.events));
  };

  /**
   * Sends the batch as this subscriber may see it. A batch with nothing for them (a draft's
   * archived copy, say) is not sent at all; their browser's `Last-Event-ID` stays older, which
   * only means a reconnect reads that change again and again tells nothing of it.
   */
  const sendBatch = (batch: ChangeBatch) => {
    const data = showChangeBatch(batch, actor);
    if (data !== null) send(`id: ${batch.lastId}\nevent: change\ndata: ${data}\n\n`);
    lastSent = batch.lastId;
  };

  const { stream, send, end } = openSubscribedStream({
    key: articleId,
    signal,
    keepaliveMs,
    onChange: (change) => {
      enqueue(async () => {
        if (change.type === RESYNC) return catchUp();
        if (lastSent !== null && change.eventId <= lastSent) return;
        sendBatch(await batchOf(change));
      });
    },
  });

  try {
    await whenListening();
    // Only now is every later change certain to be heard; what committed before is in the log.
    await catchUp();
  } catch (error) {
    end();
    throw error;
  }
  send(`id: ${lastSent}\nevent: ready\ndata: {}\n\n`);
  releaseStart();
  return stream;
}
