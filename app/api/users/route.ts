import { authenticatedRoute, json } from "@/lib/http/route";
import { listUsers } from "@/lib/users/list-users";

// GET /api/users — every account with its role and status, for administrators; never a hash.
export const GET = authenticatedRoute(async ({ actor }) => {
  return json({ items: await listUsers({ actor }), nextCursor: null });
});
