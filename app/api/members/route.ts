import { authenticatedRoute, json } from "@/lib/http/route";
import { listMembers } from "@/lib/users/list-members";

// GET /api/members — the desk's enabled accounts by name ({items: [{id, name, role}]}), for
// choosing whom to assign.
export const GET = authenticatedRoute(async ({ actor }) => {
  return json(await listMembers({ actor }));
});
