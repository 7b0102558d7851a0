import { authenticatedRoute, json, readJson } from "@/lib/http/route";
import { listRevisions } from "@/lib/articles/list-revisions";
import { createRevision } from "@/lib/articles/create-revision";
import { MAX_ARTICLE_REQUEST_BYTES } from "@/lib/articles/limits";

// GET /api/articles/:id/revisions — every revision, newest first: {items: [{id, number, createdAt, createdBy, characters}]}.
export const GET = authenticatedRoute<{ id: string }>(async ({ actor, params }) => {
  return json(await listRevisions({ actor, articleId: params.id }));
});

// POST /api/articles/:id/revisions — corrected text (editor): {text, baseRevision} or {doc, baseRevision}
// → 201 the new revision, with how its claims re-anchored; 409 when baseRevision is not current.
export const POST = authenticatedRoute<{ id: string }>(async ({ request, actor, params }) => {
  const input = await readJson(request, { maxBytes: MAX_ARTICLE_REQUEST_BYTES });
  return json(await createRevision({ actor, articleId: params.id, input }), 201);
});
