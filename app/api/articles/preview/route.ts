import { authenticatedRoute, json, readJson } from "@/lib/http/route";
import { previewArticle } from "@/lib/articles/preview-article";
import { MAX_ARTICLE_REQUEST_BYTES } from "@/lib/articles/limits";

// POST /api/articles/preview — what an import of the same body would store, without storing it
// (editor): → {doc, text, blocks, characters, origin, warnings, suggestedTitle}.
export const POST = authenticatedRoute(async ({ request, actor }) => {
  return json(await previewArticle({ actor, input: await readJson(request, { maxBytes: MAX_ARTICLE_REQUEST_BYTES }) }));
});
