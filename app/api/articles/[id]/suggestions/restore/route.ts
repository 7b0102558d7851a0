import { authenticatedRoute, json, readJson } from "@/lib/http/route";
import { restoreSuggestion } from "@/lib/triage/dismiss-suggestion";

// POST /api/articles/:id/suggestions/restore — {start, end, exact, revision}: undoes a dismissal.
export const POST = authenticatedRoute<{ id: string }>(async ({ request, actor, params }) => {
  return json(await restoreSuggestion({ actor, articleId: params.id, input: await readJson(request) }));
});
