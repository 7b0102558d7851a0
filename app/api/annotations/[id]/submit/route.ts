import { authenticatedRoute, json, readJson } from "@/lib/http/route";
import { submitAnnotation } from "@/lib/annotations/submit-annotation";

// POST /api/annotations/:id/submit — send own draft (or one sent back) to review: {version?}.
export const POST = authenticatedRoute<{ id: string }>(async ({ request, actor, params }) => {
  return json(await submitAnnotation({ actor, annotationId: params.id, input: await readJson(request) }));
});
