import { authenticatedRoute, json } from "@/lib/http/route";
import { listAssignments } from "@/lib/assignments/list-assignments";

// GET /api/assignments?assignee=me&cursor=&limit= — articles and claims assigned to me (editors:
// to anyone), by due date so that overdue work comes first: {items, nextCursor}.
export const GET = authenticatedRoute(async ({ request, actor }) => {
  return json(await listAssignments({ actor, input: Object.fromEntries(new URL(request.url).searchParams) }));
});
