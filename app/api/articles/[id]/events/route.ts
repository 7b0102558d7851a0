import { authenticatedRoute } from "@/lib/http/route";
import { openArticleEvents } from "@/lib/live/article-events";

// A stream per request; never cached or prerendered.
export const dynamic = "force-dynamic";

// GET /api/articles/:id/events — Server-Sent Events: `change` {type, id} per committed change
// to the article's claims and annotations (lib/live/article-events.ts has the format).
export const GET = authenticatedRoute<{ id: string }>(async ({ request, actor, params }) => {
  const stream = await openArticleEvents({ actor, articleId: params.id, signal: request.signal });
  return new Response(stream, {
    headers: {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-store, no-transform",
      // Tell nginx-style proxies not to buffer the stream.
      "x-accel-buffering": "no",
    },
  });
});
