/** Reads an article's event stream (lib/live/article-events.ts) as a browser's EventSource would. */
import type { Actor } from "@/lib/auth/actor";
import { openArticleEvents } from "@/lib/live/article-events";
import { getArticle } from "@/lib/articles/get-article";

export interface StreamEvent {
  /** The `id:` field, or null when the block had none. */
  id: string | null;
  /** `ready`, `change`, `reset`, or `comment` for a comment line (keepalive). */
  event: string;
  data: string;
}

export interface OpenedStream {
  /** The next event (comments included), or a failure after `timeoutMs`. */
  next(timeoutMs?: number): Promise<StreamEvent>;
  /** Skips to the next event named `name`. */
  nextOf(name: string, timeoutMs?: number): Promise<StreamEvent>;
  /** Events already received and not yet read. */
  pending(): StreamEvent[];
  /** The last `id:` seen, as a browser would send it back in `Last-Event-ID`. */
  lastEventId(): string | null;
  close(): Promise<void>;
}

export async function openStream(actor: Actor, articleId: string, after: string | null, keepaliveMs?: number): Promise<OpenedStream> {
  const abort = new AbortController();
  const stream = await openArticleEvents({ actor, articleId, input: { after }, signal: abort.signal, keepaliveMs });
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  let lastId: string | null = after;
  const events: StreamEvent[] = [];
  let reading: Promise<boolean> | null = null;

  const parse = () => {
    let cut: number;
    while ((cut = buffer.indexOf("\n\n")) >= 0) {
      const block = buffer.slice(0, cut);
      buffer = buffer.slice(cut + 2);
      let id: string | null = null;
      let event = "message";
      const data: string[] = [];
      let comment = false;
      for (const line of block.split("\n")) {
        if (line.startsWith(":")) comment = true;
        else if (line.startsWith("id: ")) id = line.slice(4);
        else if (line.startsWith("event: ")) event = line.slice(7);
        else if (line.startsWith("data: ")) data.push(line.slice(6));
      }
      if (id !== null) lastId = id;
      if (comment && data.length === 0) events.push({ id: null, event: "comment", data: "" });
      else if (data.length > 0) events.push({ id, event, data: data.join("\n") });
    }
  };
  const readMore = (): Promise<boolean> => {
    reading ??= reader.read().then(({ done, value }) => {
      reading = null;
      if (value) buffer += decoder.decode(value, { stream: true });
      parse();
      return !done;
    });
    return reading;
  };
  const next = async (timeoutMs = 5_000): Promise<StreamEvent> => {
    const deadline = Date.now() + timeoutMs;
    while (events.length === 0) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error("No event arrived in time");
      const more = await Promise.race([readMore(), new Promise<"timeout">((resolve) => setTimeout(() => resolve("timeout"), left))]);
      if (more === false && events.length === 0) throw new Error("The stream ended");
    }
    return events.shift()!;
  };
  return {
    next,
    async nextOf(name, timeoutMs = 5_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const event = await next(Math.max(1, deadline - Date.now()));
        if (event.event === name) return event;
      }
    },
    pending: () => [...events],
    lastEventId: () => lastId,
    async close() {
      abort.abort();
      await reader.cancel().catch(() => {});
    },
  };
}

/** Streams of two readers on an article from its newest change on, each past its `ready` event. */
export async function openStreamsFromNow(articleId: string, first: Actor, second: Actor): Promise<[OpenedStream, OpenedStream]> {
  const { liveEventId } = await getArticle({ actor: first, id: articleId });
  const streams: [OpenedStream, OpenedStream] = [
    await openStream(first, articleId, String(liveEventId)),
    await openStream(second, articleId, String(liveEventId)),
  ];
  for (const stream of streams) await stream.nextOf("ready");
  return streams;
}
