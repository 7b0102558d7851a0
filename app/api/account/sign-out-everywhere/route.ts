import { authenticatedRoute, readJson } from "@/lib/http/route";
import { signOutEverywhere } from "@/lib/users/sign-out-everywhere";

// POST /api/account/sign-out-everywhere — end every session of the caller's account, this one too; access tokens stay. Session cookie only.
export const POST = authenticatedRoute(async ({ request, actor, credential }) => {
  await signOutEverywhere({ actor, credential, input: await readJson(request) });
  return new Response(null, { status: 204, headers: { "cache-control": "no-store" } });
});
