import { authenticatedRoute, json } from "@/lib/http/route";
import { listReviewQueue } from "@/lib/reviews/list-review-queue";
import { countReviewQueue } from "@/lib/reviews/count-review-queue";

// GET /api/reviews/queue?cursor=&limit= — others' submitted annotations awaiting my review,
// oldest first, each with its claim and article: {items, nextCursor, count} (count: the whole queue).
export const GET = authenticatedRoute(async ({ request, actor }) => {
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const [page, count] = await Promise.all([listReviewQueue({ actor, input: params }), countReviewQueue({ actor })]);
  return json({ ...page, count });
});
