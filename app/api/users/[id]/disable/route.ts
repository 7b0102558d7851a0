import { authenticatedRoute, json, readJson } from "@/lib/http/route";
import { disableUser } from "@/lib/users/disable-user";

// POST /api/users/:id/disable — disable an account (admin): its sessions and tokens get 401 from the next request. Never one's own.
export const POST = authenticatedRoute<{ id: string }>(async ({ request, actor, params }) => {
  return json(await disableUser({ actor, userId: params.id, input: await readJson(request) }));
});
