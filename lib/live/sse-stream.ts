/**
 * The one Server-Sent Events stream of the app, fed by a key of the shared LISTEN/NOTIFY
 * connection (lib/live/subscribe.ts): an article's changes (lib/live/article-events.ts) or a
 * person's notifications (lib/notifications/events.ts). It subscribes the key, sends a keepalive
 * comment every `keepaliveMs` so proxies keep the connection open, asks browsers to reconnect
 * promptly after a drop (`retry: 3000`), and ends the subscription when the client goes away
 * (`signal`), cancels, or the owner calls `end`. What is sent, and when, is the owner's.
 */
import { subscribe, type ChangeListener } from "@/lib/live/subscribe";

/** How often a stream sends a keepalive comment. */
export const KEEPALIVE_MS = 15_000;

export interface SubscribedStream {
  stream: ReadableStream<Uint8Array>;
  /** Sends a chunk of the event stream format; nothing once the stream has ended. */
  send(chunk: string): void;
  /** Ends the subscription and the keepalive; the client reconnects and catches up. */
  end(): void;
}

export function openSubscribedStream({
  key,
  signal,
  keepaliveMs = KEEPALIVE_MS,
  onChange,
}: {
  /** The LISTEN/NOTIFY key: an article's id, or a person's channel key. */
  key: string;
  /** Aborted when the client goes away. */
  signal: AbortSignal;
  keepaliveMs?: number;
  /** Called for every change heard under the key while the stream is open. */
  onChange: ChangeListener;
}): SubscribedStream {
  const encoder = new TextEncoder();
  let open = true;
  let controller: ReadableStreamDefaultController<Uint8Array> | null = null;
  let unsubscribe = () => {};
  let keepalive: ReturnType<typeof setInterval> | undefined;

  const end = () => {
    if (!open) return;
    open = false;
    clearInterval(keepalive);
    unsubscribe();
    signal.removeEventListener("abort", onAbort);
  };
  const send = (chunk: string) => {
    if (!open || !controller) return;
    try {
      controller.enqueue(encoder.encode(chunk));
    } catch {
      end();
    }
  };
  function onAbort() {
    end();
    try {
      controller?.close();
    } catch {
      // Already closed by the consumer.
    }
  }

  const stream = new ReadableStream<Uint8Array>({
    start(started) {
      controller = started;
      unsubscribe = subscribe(key, onChange);
      keepalive = setInterval(() => send(": keepalive\n\n"), keepaliveMs);
      // Browsers reconnect on their own after a dropped stream; 3 s keeps that prompt.
      send("retry: 3000\n\n");
      if (signal.aborted) onAbort();
      else signal.addEventListener("abort", onAbort, { once: true });
    },
    cancel() {
      end();
    },
  });
  return { stream, send, end };
}
