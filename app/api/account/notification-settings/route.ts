import { authenticatedRoute, json, readJson } from "@/lib/http/route";
import { getNotificationSettings, updateNotificationSettings } from "@/lib/notifications/settings";

// GET /api/account/notification-settings — {kinds: {mention, reply, review, assignment}, email}.
export const GET = authenticatedRoute(async ({ actor }) => {
  return json(await getNotificationSettings({ actor }));
});

// PUT /api/account/notification-settings — the same shape, replaced whole.
export const PUT = authenticatedRoute(async ({ request, actor }) => {
  return json(await updateNotificationSettings({ actor, input: await readJson(request) }));
});
