import type { Metadata } from "next";
import Link from "next/link";
import { requirePageActor } from "@/lib/auth/session";
import { listActivity } from "@/lib/reviews/list-activity";
import { formatDateTime } from "@/lib/format";
import { Card } from "@/components/ui/card";
import { AnnotationStatusBadge } from "@/components/claims/status-badge";
import type { ReviewDecision } from "@/lib/claims/present";

export const metadata: Metadata = { title: "Activity" };

const DECISION: Record<ReviewDecision, string> = {
  approve: "approved",
  request_changes: "requested changes to",
  reject: "rejected",
};

export default async function ActivityPage() {
  const actor = await requirePageActor("/activity");
  const { items } = await listActivity({ actor, input: { limit: 100 } });
  return (
    <div className="mx-auto grid max-w-3xl gap-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Activity</h1>
        <p className="mt-1 text-sm text-muted">Reviews of and replies to your sources and verdicts, newest first.</p>
      </div>
      {items.length === 0 ? (
        <Card className="p-10 text-center">
          <p className="font-medium">No activity yet</p>
          <p className="mt-1 text-sm text-muted">When colleagues review or discuss your work, it shows here.</p>
        </Card>
      ) : (
        <ol className="grid gap-3" aria-label="Activity on your work">
          {items.map((item) => {
            const what = item.annotation.kind === "verification" ? "your verdict" : "your source";
            return (
              <li key={item.id}>
                <Card className="grid gap-1.5 p-4 text-sm">
                  <p>
                    <span className="font-medium">{item.actor.name}</span>{" "}
                    {item.type === "review" && item.decision ? DECISION[item.decision] : "replied to"} {what} (version{" "}
                    {item.annotation.version}) on{" "}
                    <Link href={`/articles/${item.article.id}`} className="font-medium text-accent hover:underline">
                      {item.article.title}
                    </Link>
                  </p>
                  <blockquote className="border-l-2 border-border-strong pl-2 font-serif text-muted">{item.claim.exact}</blockquote>
                  <p className="whitespace-pre-wrap">{item.text}</p>
                  <p className="flex items-center gap-2 text-xs text-muted">
                    <AnnotationStatusBadge status={item.annotation.status} />
                    {formatDateTime(item.createdAt)}
                  </p>
                </Card>
              </li>
            );
          })}
        </ol>
      )}
    </div>
  );
}
