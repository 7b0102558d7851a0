import type { Metadata } from "next";
import Link from "next/link";
import { Plus } from "lucide-react";
import { requirePageActor } from "@/lib/auth/session";
import { can } from "@/lib/auth/policy";
import { listArticles } from "@/lib/articles/list-articles";
import { formatDate } from "@/lib/format";
import { ClaimStatusSummary } from "@/components/claims/status-summary";
import { Card } from "@/components/ui/card";
import { Button } from "@/components/ui/button";
import { DueLabel } from "@/components/assignments/due-label";

export const metadata: Metadata = { title: "Articles" };

export default async function ArticlesPage() {
  const actor = await requirePageActor("/articles");
  const { items } = await listArticles({ actor, input: { limit: 100 } });
  return (
    <div className="grid gap-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Articles</h1>
          <p className="mt-1 text-sm text-muted">Open an article to mark its claims and check them.</p>
        </div>
        {can(actor, "article.import") ? (
          <Button asChild>
            <Link href="/articles/new">
              <Plus aria-hidden /> Import article
            </Link>
          </Button>
        ) : null}
      </div>
      {items.length === 0 ? (
        <Card className="p-10 text-center">
          <p className="font-medium">No articles yet</p>
          <p className="mt-1 text-sm text-muted">An editor imports articles; they appear here for the desk to check.</p>
        </Card>
      ) : (
        <Card className="overflow-hidden">
          <table className="w-full text-left text-sm">
            <thead className="border-b border-border bg-canvas text-xs uppercase tracking-wide text-muted">
              <tr>
                <th scope="col" className="px-4 py-2.5 font-medium">Title</th>
                <th scope="col" className="hidden px-4 py-2.5 font-medium sm:table-cell">Outlet</th>
                <th scope="col" className="hidden px-4 py-2.5 font-medium md:table-cell">Date</th>
                <th scope="col" className="hidden px-4 py-2.5 font-medium sm:table-cell">Assignee</th>
                <th scope="col" className="px-4 py-2.5 text-right font-medium">Claims</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-border">
              {items.map((article) => (
                <tr key={article.id} className="hover:bg-canvas/60">
                  <td className="px-4 py-3">
                    <Link href={`/articles/${article.id}`} className="font-medium text-ink hover:text-accent hover:underline">
                      {article.title}
                    </Link>
                    {article.author ? <div className="text-xs text-muted">{article.author}</div> : null}
                    {article.assignment ? (
                      <div className="mt-0.5 flex flex-wrap items-center gap-x-2 text-xs text-muted sm:hidden">
                        <span>Assigned to {article.assignment.assignee.name}</span>
                        <DueLabel assignment={article.assignment} />
                      </div>
                    ) : null}
                  </td>
                  <td className="hidden px-4 py-3 text-muted sm:table-cell">{article.outlet ?? "—"}</td>
                  <td className="hidden px-4 py-3 text-muted md:table-cell">
                    {formatDate(article.publishedAt ?? article.createdAt)}
                  </td>
                  <td className="hidden px-4 py-3 sm:table-cell">
                    {article.assignment ? (
                      <span className="grid gap-0.5">
                        <span className="text-ink">{article.assignment.assignee.name}</span>
                        <DueLabel assignment={article.assignment} />
                      </span>
                    ) : (
                      <span className="text-muted">—</span>
                    )}
                  </td>
                  <td className="px-4 py-3 text-right">
                    <ClaimStatusSummary counts={article.statusCounts} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </Card>
      )}
    </div>
  );
}
