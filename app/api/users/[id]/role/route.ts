import { authenticatedRoute, json, readJson } from "@/lib/http/route";
import { changeUserRole } from "@/lib/users/change-user-role";

// PUT /api/users/:id/role — set someone's role `{role}` (admin); applies from their next request. Never one's own.
export const PUT = authenticatedRoute<{ id: string }>(async ({ request, actor, params }) => {
  return json(await changeUserRole({ actor, userId: params.id, input: await readJson(request) }));
});
