import { authenticatedRoute, json } from "@/lib/http/route";
import { listNotifications } from "@/lib/notifications/inbox";

// GET /api/notifications?unread=1&cursor=&limit= — my notifications, newest first:
// {items, nextCursor, unread} (unread: how many are unread in all).
export const GET = authenticatedRoute(async ({ request, actor }) => {
  return json(await listNotifications({ actor, input: Object.fromEntries(new URL(request.url).searchParams) }));
});
