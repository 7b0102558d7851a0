import { authenticatedRoute } from "@/lib/http/route";
import { revokeAccessToken } from "@/lib/tokens/revoke-access-token";

// DELETE /api/tokens/:id — revoke one of the caller's tokens; 404 for anyone else's, 204 again if already revoked.
export const DELETE = authenticatedRoute<{ id: string }>(async ({ actor, params }) => {
  await revokeAccessToken({ actor, tokenId: params.id });
  return new Response(null, { status: 204, headers: { "cache-control": "no-store" } });
});
