import Link from "next/link";
import type { AssignedWorkDTO } from "@/lib/assignments/present";
import { Card } from "@/components/ui/card";
import { ClaimStatusBadge } from "@/components/claims/status-badge";
import { DueLabel } from "@/components/assignments/due-label";
import { cn } from "@/lib/cn";

/** Where an item of work opens: the article, with the claim's panel open for a claim. */
export function workHref(item: Pick<AssignedWorkDTO, "type" | "id" | "articleId">): string {
  return item.type === "claim" ? `/articles/${item.articleId}?claim=${encodeURIComponent(item.id)}` : `/articles/${item.articleId}`;
}

/** The articles and claims assigned to the signed-in user, overdue first. */
export function MyWork({ items }: { items: AssignedWorkDTO[] }) {
  if (items.length === 0) {
    return (
      <Card className="p-10 text-center">
        <p className="font-medium">Nothing assigned to you</p>
        <p className="mt-1 text-sm text-muted">
          When an editor assigns you an article or a claim, or you take a claim, it waits for you here.
        </p>
      </Card>
    );
  }
  return (
    <ol className="grid gap-3" aria-label="Assigned to you, overdue first" data-testid="my-work">
      {items.map((item) => (
        <li key={`${item.type}:${item.id}`}>
          <Card className={cn("grid gap-2 p-4", item.assignment.overdue && "border-danger/40")}>
            <div className="flex flex-wrap items-center gap-2 text-xs text-muted">
              <span className="font-medium uppercase tracking-wide">{item.type === "claim" ? "Claim" : "Article"}</span>
              {item.status ? <ClaimStatusBadge status={item.status} /> : null}
              <DueLabel assignment={item.assignment} className="ml-auto" />
              {item.assignment.dueAt ? null : <span className="ml-auto">No due date</span>}
            </div>
            <Link href={workHref(item)} className="group grid gap-1 text-ink">
              {item.quote ? (
                <span className="font-serif text-[0.95rem] leading-relaxed group-hover:text-accent group-hover:underline">
                  “{item.quote}”
                </span>
              ) : null}
              <span className={cn(item.quote ? "text-sm text-muted" : "font-medium group-hover:text-accent group-hover:underline")}>
                {item.articleTitle}
              </span>
            </Link>
          </Card>
        </li>
      ))}
    </ol>
  );
}
