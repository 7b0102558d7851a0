import { authenticatedRoute, json, notModified } from "@/lib/http/route";
import { readClaim } from "@/lib/claims/get-claim";
import { deleteClaim } from "@/lib/claims/delete-claim";

// GET /api/claims/:id — the claim with the annotations the caller may see. Answers an ETag
// valid for the caller, and 304 when If-None-Match names the current one.
export const GET = authenticatedRoute<{ id: string }>(async ({ request, actor, params }) => {
  const { etag, claim } = await readClaim({ actor, claimId: params.id, ifNoneMatch: request.headers.get("if-none-match") });
  return claim ? json(claim, 200, { etag }) : notModified(etag);
});

// DELETE /api/claims/:id — the creator's claim without annotations, or any claim for an editor → 204.
export const DELETE = authenticatedRoute<{ id: string }>(async ({ actor, params }) => {
  await deleteClaim({ actor, claimId: params.id });
  return new Response(null, { status: 204 });
});
