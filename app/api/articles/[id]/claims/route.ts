import { authenticatedRoute, json, readJson } from "@/lib/http/route";
import { createClaim } from "@/lib/claims/create-claim";

// POST /api/articles/:id/claims — mark a claim on the current revision:
// {exact, prefix?, suffix?, start, end, revision, claimant?} → 201 the claim.
export const POST = authenticatedRoute<{ id: string }>(async ({ request, actor, params }) => {
  return json(await createClaim({ actor, articleId: params.id, input: await readJson(request) }), 201);
});
