import { authenticatedRoute, json, readJson } from "@/lib/http/route";
import { createAnnotation } from "@/lib/annotations/create-annotation";

// POST /api/claims/:id/annotations — {kind: "source", url, title, publisher?, excerpt?, stance}
// or {kind: "verification", verdict, rationale} → 201 the new draft.
export const POST = authenticatedRoute<{ id: string }>(async ({ request, actor, params }) => {
  return json(await createAnnotation({ actor, claimId: params.id, input: await readJson(request) }), 201);
});
