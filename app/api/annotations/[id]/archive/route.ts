import { authenticatedRoute, json } from "@/lib/http/route";
import { retryArchive } from "@/lib/archives/request-archive";

// POST /api/annotations/:id/archive — archive a source's page again (after a failure, or when
// none was taken): → 202 the source's `archive` state.
export const POST = authenticatedRoute<{ id: string }>(async ({ actor, params }) => {
  return json(await retryArchive({ actor, annotationId: params.id }), 202);
});
