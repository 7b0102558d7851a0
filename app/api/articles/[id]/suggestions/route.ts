import { authenticatedRoute, json } from "@/lib/http/route";
import { listSuggestions } from "@/lib/triage/list-suggestions";

// GET /api/articles/:id/suggestions?status=open|all — the sentences worth checking in the
// current revision, best first, with their reasons.
export const GET = authenticatedRoute<{ id: string }>(async ({ request, actor, params }) => {
  const query = Object.fromEntries(new URL(request.url).searchParams);
  return json(await listSuggestions({ actor, articleId: params.id, query }));
});
