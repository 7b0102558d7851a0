import { authenticatedRoute, json, readJson } from "@/lib/http/route";
import { assignClaim } from "@/lib/assignments/assign";

// PUT /api/claims/:id/assignment — {assigneeId | null, dueAt?} → {assignment}. Editors assign
// anyone enabled; a reviewer takes an unassigned claim or hands back their own.
export const PUT = authenticatedRoute<{ id: string }>(async ({ request, actor, params }) => {
  return json(await assignClaim({ actor, id: params.id, input: await readJson(request) }));
});
