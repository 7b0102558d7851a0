import { authenticatedRoute, json, notModified } from "@/lib/http/route";
import { readArticle } from "@/lib/articles/get-article";

// GET /api/articles/:id — the current revision: document, canonical text, claims. Answers an
// ETag valid for the caller, and 304 when If-None-Match names the current one.
export const GET = authenticatedRoute<{ id: string }>(async ({ request, actor, params }) => {
  const { etag, article } = await readArticle({ actor, id: params.id, ifNoneMatch: request.headers.get("if-none-match") });
  return article ? json(article, 200, { etag }) : notModified(etag);
});
