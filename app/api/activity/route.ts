import { authenticatedRoute, json } from "@/lib/http/route";
import { listActivity } from "@/lib/reviews/list-activity";

// GET /api/activity?cursor=&limit= — reviews and replies by others on my annotations, newest first.
export const GET = authenticatedRoute(async ({ request, actor }) => {
  const params = Object.fromEntries(new URL(request.url).searchParams);
  return json(await listActivity({ actor, input: params }));
});
