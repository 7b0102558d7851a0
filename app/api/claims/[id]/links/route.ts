import { authenticatedRoute, json, readJson } from "@/lib/http/route";
import { linkClaims } from "@/lib/matching/link-claims";

// POST /api/claims/:id/links {claimId} — links the two claims as the same claim: 201, or 200 when already linked.
export const POST = authenticatedRoute<{ id: string }>(async ({ actor, params, request }) => {
  const { created, ...link } = await linkClaims({ actor, claimId: params.id, input: await readJson(request) });
  return json(link, created ? 201 : 200);
});
