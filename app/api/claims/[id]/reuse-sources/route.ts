import { authenticatedRoute, json, readJson } from "@/lib/http/route";
import { reuseSources } from "@/lib/matching/reuse-sources";

// POST /api/claims/:id/reuse-sources {fromClaimId} — the other claim's approved sources as the caller's drafts here: 201 {items}.
export const POST = authenticatedRoute<{ id: string }>(async ({ actor, params, request }) => {
  const items = await reuseSources({ actor, claimId: params.id, input: await readJson(request) });
  return json({ items }, 201);
});
