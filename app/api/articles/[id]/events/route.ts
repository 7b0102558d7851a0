import { authenticatedRoute } from "@/lib/http/route";
import { openArticleEvents } from "@/lib/live/article-events";

// A stream per request; never cached or prerendered.
export const dynamic = "force-dynamic";

// GET /api/articles/:id/events — Server-Sent Events with ids: `ready`, `change` (the changed
// claims as the caller may see them), `reset` (reload everything). A reconnect's
// Last-Event-ID, or ?after=, says where to resume (lib/live/article-events.ts has the format).
export const GET = authenticatedRoute<{ id: string }>(async ({ request, actor, params }) => {
  const after = request.headers.get("last-event-id") ?? new URL(request.url).searchParams.get("after");
  const stream = await openArticleEvents({ actor, articleId: params.id, input: { after }, signal: request.signal });
  return new Response(stream, {
    headers: {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-store, no-transform",
      // Tell nginx-style proxies not to buffer the stream.
      "x-accel-buffering": "no",
    },
  });
});
