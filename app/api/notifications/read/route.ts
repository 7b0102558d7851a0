import { authenticatedRoute, json, readJson } from "@/lib/http/route";
import { markNotificationsRead } from "@/lib/notifications/inbox";

// POST /api/notifications/read — {ids: [...]} or {all: true} → {unread}.
export const POST = authenticatedRoute(async ({ request, actor }) => {
  return json(await markNotificationsRead({ actor, input: await readJson(request) }));
});
