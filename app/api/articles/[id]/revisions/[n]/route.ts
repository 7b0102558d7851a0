import { authenticatedRoute, json } from "@/lib/http/route";
import { getRevision } from "@/lib/articles/list-revisions";

// GET /api/articles/:id/revisions/:n — revision n: {id, number, text, doc, createdAt, createdBy}.
export const GET = authenticatedRoute<{ id: string; n: string }>(async ({ actor, params }) => {
  const number = /^\d{1,10}$/.test(params.n) ? Number(params.n) : Number.NaN;
  return json(await getRevision({ actor, articleId: params.id, number }));
});
