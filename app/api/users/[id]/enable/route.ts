import { authenticatedRoute, json, readJson } from "@/lib/http/route";
import { enableUser } from "@/lib/users/enable-user";

// POST /api/users/:id/enable — re-enable a disabled account (admin); its owner signs in again.
export const POST = authenticatedRoute<{ id: string }>(async ({ request, actor, params }) => {
  return json(await enableUser({ actor, userId: params.id, input: await readJson(request) }));
});
