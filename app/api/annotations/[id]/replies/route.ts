import { authenticatedRoute, json, readJson } from "@/lib/http/route";
import { replyToAnnotation } from "@/lib/reviews/reply-to-annotation";

// POST /api/annotations/:id/replies — add to the annotation's thread: {body} → 201 the reply.
export const POST = authenticatedRoute<{ id: string }>(async ({ request, actor, params }) => {
  return json(await replyToAnnotation({ actor, annotationId: params.id, input: await readJson(request) }), 201);
});
