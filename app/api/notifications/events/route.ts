import { authenticatedRoute } from "@/lib/http/route";
import { openNotificationEvents } from "@/lib/notifications/events";

// A stream per request; never cached or prerendered.
export const dynamic = "force-dynamic";

// GET /api/notifications/events — Server-Sent Events: `notification` {id} for each new
// notification of the signed-in user (lib/notifications/events.ts has the format).
export const GET = authenticatedRoute(async ({ request, actor }) => {
  const stream = await openNotificationEvents({ actor, signal: request.signal });
  return new Response(stream, {
    headers: {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-store, no-transform",
      "x-accel-buffering": "no",
    },
  });
});
