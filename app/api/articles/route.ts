import { authenticatedRoute, json, readJson } from "@/lib/http/route";
import { listArticles } from "@/lib/articles/list-articles";
import { createArticle } from "@/lib/articles/create-article";
import { getArticle } from "@/lib/articles/get-article";
import { MAX_ARTICLE_REQUEST_BYTES } from "@/lib/articles/limits";

// GET /api/articles?cursor=&limit= — the article list, newest first.
export const GET = authenticatedRoute(async ({ request, actor }) => {
  const params = Object.fromEntries(new URL(request.url).searchParams);
  return json(await listArticles({ actor, input: params }));
});

// POST /api/articles — import (editor): {title, text | html | doc | file: {name, contentBase64},
// outlet?, author?, url?, publishedAt?} → 201 the article with revision 1.
export const POST = authenticatedRoute(async ({ request, actor }) => {
  const { id } = await createArticle({ actor, input: await readJson(request, { maxBytes: MAX_ARTICLE_REQUEST_BYTES }) });
  return json(await getArticle({ actor, id }), 201);
});
