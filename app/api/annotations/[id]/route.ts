import { authenticatedRoute, json, readJson } from "@/lib/http/route";
import { getAnnotation } from "@/lib/annotations/get-annotation";
import { updateAnnotation } from "@/lib/annotations/update-annotation";
import { deleteAnnotation } from "@/lib/annotations/delete-annotation";

// GET /api/annotations/:id — the annotation, if the caller may see it (others' drafts: 404).
export const GET = authenticatedRoute<{ id: string }>(async ({ actor, params }) => {
  return json(await getAnnotation({ actor, annotationId: params.id }));
});

// PATCH /api/annotations/:id — edit own, with the `version` edited; 409 stale_version with currentVersion.
export const PATCH = authenticatedRoute<{ id: string }>(async ({ request, actor, params }) => {
  return json(await updateAnnotation({ actor, annotationId: params.id, input: await readJson(request) }));
});

// DELETE /api/annotations/:id — delete own → 204.
export const DELETE = authenticatedRoute<{ id: string }>(async ({ actor, params }) => {
  await deleteAnnotation({ actor, annotationId: params.id });
  return new Response(null, { status: 204 });
});
