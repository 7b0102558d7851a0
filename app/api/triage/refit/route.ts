import { authenticatedRoute, json, readJson } from "@/lib/http/route";
import { refitTriage } from "@/lib/triage/refit";

// POST /api/triage/refit — {} : refits the desk's triage weights on its claims and dismissed
// suggestions (administrators).
export const POST = authenticatedRoute(async ({ request, actor }) => {
  return json(await refitTriage({ actor, input: await readJson(request) }), 201);
});
