import { authenticatedRoute, json, readJson } from "@/lib/http/route";
import { reviewAnnotation } from "@/lib/reviews/review-annotation";

// POST /api/annotations/:id/reviews — review someone else's submitted annotation:
// {decision: "approve" | "request_changes" | "reject", comment, version} → 201 the review.
// 403 for one's own annotation; 409 stale_version (with currentVersion) for an old version;
// 409 conflict when it is not waiting for review or the caller already reviewed this version.
export const POST = authenticatedRoute<{ id: string }>(async ({ request, actor, params }) => {
  return json(await reviewAnnotation({ actor, annotationId: params.id, input: await readJson(request) }), 201);
});
