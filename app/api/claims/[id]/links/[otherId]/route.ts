import { authenticatedRoute } from "@/lib/http/route";
import { unlinkClaims } from "@/lib/matching/link-claims";

// DELETE /api/claims/:id/links/:otherId — removes the link both ways → 204.
export const DELETE = authenticatedRoute<{ id: string; otherId: string }>(async ({ actor, params }) => {
  await unlinkClaims({ actor, claimId: params.id, otherId: params.otherId });
  return new Response(null, { status: 204 });
});
