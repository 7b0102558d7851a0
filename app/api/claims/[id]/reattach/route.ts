import { authenticatedRoute, json, readJson } from "@/lib/http/route";
import { reattachClaim } from "@/lib/claims/reattach-claim";

// POST /api/claims/:id/reattach — put an orphaned claim on a span of the current revision:
// {exact, prefix?, suffix?, start, end, revision} → the claim; 409 when it is not orphaned.
export const POST = authenticatedRoute<{ id: string }>(async ({ request, actor, params }) => {
  return json(await reattachClaim({ actor, claimId: params.id, input: await readJson(request) }));
});
