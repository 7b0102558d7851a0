import { authenticatedRoute, json } from "@/lib/http/route";
import { listUsers } from "@/lib/users/list-users";

// GET /api/users?cursor=&limit= — accounts by name with their role and status, for
// administrators, a page at a time ({items, nextCursor}); never a hash.
export const GET = authenticatedRoute(async ({ request, actor }) => {
  const params = Object.fromEntries(new URL(request.url).searchParams);
  return json(await listUsers({ actor, input: params }));
});
