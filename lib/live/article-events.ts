/**
 * The Server-Sent Events stream of one article's changes (D9), as served by
 * `GET /api/articles/:id/events`:
 *
 *   event: ready            once, when the server is listening: refetch, then apply changes
 *   data: {}
 *
 *   event: change           per committed change; `type` is the audit action, e.g.
 *   data: {"type":"annotation.updated","id":"…"}   "claim.created", or "resync" (refetch all)
 *
 *   : keepalive             a comment every 15 s, so proxies keep the connection open
 *
 * Events carry ids and types only; clients refetch through the API, which applies the usual
 * visibility rules (another reviewer's draft stays invisible).
 */
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { assertCan } from "@/lib/auth/policy";
import type { Actor } from "@/lib/auth/actor";
import { subscribe, whenListening } from "@/lib/live/subscribe";

/** How often the stream sends a keepalive comment. */
export const KEEPALIVE_MS = 15_000;

export interface OpenArticleEventsOptions {
  actor: Actor | null;
  articleId: string;
  /** Aborted when the client goes away; the subscription ends with it. */
  signal: AbortSignal;
  /** @default KEEPALIVE_MS */
  keepaliveMs?: number;
}

/** Opens the event stream of an article the actor may read; `not_found` when there is no such article. */
export async function openArticleEvents({
  actor,
  articleId,
  signal,
  keepaliveMs = KEEPALIVE_MS,
}: OpenArticleEventsOptions): Promise<ReadableStream<Uint8Array>> {
  assertCan(actor, "article.read");
  const article = await db.article.findUnique({ where: { id: articleId }, select: { id: true } });
  if (!article) throw new AppError("not_found", "No such article.");

  const encoder = new TextEncoder();
  let send: (chunk: string) => void = () => {};
  let cleanup = () => {};
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      let open = true;
      send = (chunk) => {
        if (!open) return;
        try {
          controller.enqueue(encoder.encode(chunk));
        } catch {
          cleanup();
        }
      };
      const unsubscribe = subscribe(articleId, (change) => {
        send(`event: change\ndata: ${JSON.stringify({ type: change.type, id: change.id })}\n\n`);
      });
      const keepalive = setInterval(() => send(": keepalive\n\n"), keepaliveMs);
      const onAbort = () => {
        cleanup();
        try {
          controller.close();
        } catch {
          // Already closed by the consumer.
        }
      };
      cleanup = () => {
        if (!open) return;
        open = false;
        clearInterval(keepalive);
        unsubscribe();
        signal.removeEventListener("abort", onAbort);
      };
      // Browsers reconnect on their own after a dropped stream; 3 s keeps that prompt.
      send("retry: 3000\n\n");
      if (signal.aborted) onAbort();
      else signal.addEventListener("abort", onAbort, { once: true });
    },
    cancel() {
      cleanup();
    },
  });

  try {
    await whenListening();
  } catch (error) {
    cleanup();
    throw error;
  }
  // Only now is every later change certain to be heard: a client that refetches on `ready`
  // misses nothing between its fetch and the stream.
  send("event: ready\ndata: {}\n\n");
  return stream;
}
