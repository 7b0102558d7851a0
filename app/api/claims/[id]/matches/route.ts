import { authenticatedRoute, json } from "@/lib/http/route";
import { findMatches } from "@/lib/matching/find-matches";

// GET /api/claims/:id/matches — claims elsewhere on the desk that say the same thing: {items, links}.
export const GET = authenticatedRoute<{ id: string }>(async ({ actor, params }) => {
  return json(await findMatches({ actor, claimId: params.id }));
});
