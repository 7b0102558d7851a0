import { authenticatedRoute, json } from "@/lib/http/route";
import { getArticle } from "@/lib/articles/get-article";

// GET /api/articles/:id — the current revision: document, canonical text, claims.
export const GET = authenticatedRoute<{ id: string }>(async ({ actor, params }) => {
  return json(await getArticle({ actor, id: params.id }));
});
