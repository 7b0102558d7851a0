import { authenticatedRoute, json, readJson } from "@/lib/http/route";
import { dismissSuggestion } from "@/lib/triage/dismiss-suggestion";

// POST /api/articles/:id/suggestions/dismiss — {start, end, exact, revision}: hides a
// suggested sentence for the whole desk.
export const POST = authenticatedRoute<{ id: string }>(async ({ request, actor, params }) => {
  return json(await dismissSuggestion({ actor, articleId: params.id, input: await readJson(request) }));
});
