import { authenticatedRoute, json } from "@/lib/http/route";
import { getClaim } from "@/lib/claims/get-claim";
import { deleteClaim } from "@/lib/claims/delete-claim";

// GET /api/claims/:id — the claim with the annotations the caller may see.
export const GET = authenticatedRoute<{ id: string }>(async ({ actor, params }) => {
  return json(await getClaim({ actor, claimId: params.id }));
});

// DELETE /api/claims/:id — the creator's claim without annotations, or any claim for an editor → 204.
export const DELETE = authenticatedRoute<{ id: string }>(async ({ actor, params }) => {
  await deleteClaim({ actor, claimId: params.id });
  return new Response(null, { status: 204 });
});
