import { authenticatedRoute, json } from "@/lib/http/route";
import { getClaimHistory } from "@/lib/claims/get-claim-history";

// GET /api/claims/:id/history — the claim's audit events, oldest first, as the caller may see them: {items}.
export const GET = authenticatedRoute<{ id: string }>(async ({ actor, params }) => {
  return json(await getClaimHistory({ actor, claimId: params.id }));
});
