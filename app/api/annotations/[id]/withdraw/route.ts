import { authenticatedRoute, json, readJson } from "@/lib/http/route";
import { withdrawAnnotation } from "@/lib/annotations/withdraw-annotation";

// POST /api/annotations/:id/withdraw — take own submitted annotation back to draft: {version?}.
export const POST = authenticatedRoute<{ id: string }>(async ({ request, actor, params }) => {
  return json(await withdrawAnnotation({ actor, annotationId: params.id, input: await readJson(request) }));
});
