import { authenticatedRoute, json, readJson } from "@/lib/http/route";
import { assignArticle } from "@/lib/assignments/assign";

// PUT /api/articles/:id/assignment — {assigneeId | null, dueAt?} → {assignment}; editors only.
export const PUT = authenticatedRoute<{ id: string }>(async ({ request, actor, params }) => {
  return json(await assignArticle({ actor, id: params.id, input: await readJson(request) }));
});
