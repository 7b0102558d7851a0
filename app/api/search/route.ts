import { authenticatedRoute, json } from "@/lib/http/route";
import { search, searchInput } from "@/lib/search/search";

// GET /api/search?q=&type=&status=&verdict=&articleId=&author=&from=&to=&cursor= — {items, nextCursor}.
export const GET = authenticatedRoute(async ({ actor, request }) => {
  return json(await search({ actor, input: searchInput(new URL(request.url).searchParams) }));
});
