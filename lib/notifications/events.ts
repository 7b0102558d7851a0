/**
 * A person's live stream (`GET /api/notifications/events`), server-sent events:
 *
 *   event: ready            once, when the server is listening: read the unread count, then
 *   data: {}                apply events
 *
 *   event: notification     per new notification for the signed-in user (after commit)
 *   data: {"id":"…"}
 *
 *   event: resync           the server's LISTEN connection was re-established: read again
 *
 * Fed by the same LISTEN/NOTIFY connection as article changes (lib/live/subscribe.ts), under
 * the person's own key, so nobody hears of anyone else's notifications.
 */
import { assertCan } from "@/lib/auth/policy";
import type { Actor } from "@/lib/auth/actor";
import { RESYNC, subscribe, whenListening } from "@/lib/live/subscribe";
import { KEEPALIVE_MS } from "@/lib/live/article-events";
import { userChannelKey } from "@/lib/notifications/channel";

export async function openNotificationEvents({
  actor,
  signal,
  keepaliveMs = KEEPALIVE_MS,
}: {
  actor: Actor | null;
  signal: AbortSignal;
  keepaliveMs?: number;
}): Promise<ReadableStream<Uint8Array>> {
  assertCan(actor, "account.notifications");
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
      const unsubscribe = subscribe(userChannelKey(actor.id), (change) => {
        if (change.type === RESYNC) send("event: resync\ndata: {}\n\n");
        else send(`event: notification\ndata: ${JSON.stringify({ id: change.id })}\n\n`);
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
  send("event: ready\ndata: {}\n\n");
  return stream;
}
