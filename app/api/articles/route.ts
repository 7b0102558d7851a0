import { authenticatedRoute, json } from "@/lib/http/route";
import { listArticles } from "@/lib/articles/list-articles";

// GET /api/articles?cursor=&limit= — the article list, newest first.
export const GET = authenticatedRoute(async ({ request, actor }) => {
  const params = Object.fromEntries(new URL(request.url).searchParams);
  return json(await listArticles({ actor, input: params }));
});
