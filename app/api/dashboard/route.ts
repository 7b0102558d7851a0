import { authenticatedRoute, json } from "@/lib/http/route";
import { getDashboard } from "@/lib/dashboard/get-dashboard";

// GET /api/dashboard?from=&to=&articleId= — the figures behind the dashboard's charts: the
// whole desk's for editors, the caller's own for reviewers.
export const GET = authenticatedRoute(async ({ request, actor }) => {
  return json(await getDashboard({ actor, input: Object.fromEntries(new URL(request.url).searchParams) }));
});
