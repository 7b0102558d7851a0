import type { Metadata } from "next";
import { requirePageActor } from "@/lib/auth/session";
import { listReviewQueue } from "@/lib/reviews/list-review-queue";
import { ReviewQueue } from "@/components/reviews/review-queue";

export const metadata: Metadata = { title: "Review queue" };

export default async function ReviewsPage() {
  const actor = await requirePageActor("/reviews");
  const { items } = await listReviewQueue({ actor, input: { limit: 50 } });
  return (
    <div className="mx-auto grid max-w-3xl gap-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Review queue</h1>
        <p className="mt-1 text-sm text-muted">
          Sources and verdicts your colleagues submitted, oldest first. Approve, request changes or reject, with a comment.
        </p>
      </div>
      <ReviewQueue items={items} />
    </div>
  );
}
