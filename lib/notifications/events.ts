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
import { RESYNC, whenListening } from "@/lib/live/subscribe";
import { KEEPALIVE_MS, openSubscribedStream } from "@/lib/live/sse-stream";
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
  const { stream, send, end } = openSubscribedStream({
    key: userChannelKey(actor.id),
    signal,
    keepaliveMs,
    onChange: (change) => {
      if (change.type === RESYNC) send("event: resync\ndata: {}\n\n");
      else send(`event: notification\ndata: ${JSON.stringify({ id: change.id })}\n\n`);
    },
  });
  try {
    await whenListening();
  } catch (error) {
    end();
    throw error;
  }
  send("event: ready\ndata: {}\n\n");
  return stream;
}
