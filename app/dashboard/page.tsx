import type { Metadata } from "next";
import { requirePageActor } from "@/lib/auth/session";
import { can } from "@/lib/auth/policy";
import { listArticleChoices } from "@/lib/dashboard/article-choices";
import { Dashboard } from "@/components/dashboard/dashboard";

export const metadata: Metadata = { title: "Dashboard" };

function first(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value) ?? "";
}

export default async function DashboardPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageActor("/dashboard");
  const params = await searchParams;
  const initial = { from: first(params.from), to: first(params.to), articleId: first(params.articleId) };
  const articles = await listArticleChoices({ actor, include: initial.articleId || null });
  const desk = can(actor, "dashboard.desk");
  return (
    <div className="mx-auto grid max-w-6xl gap-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Dashboard</h1>
        <p className="mt-1 text-sm text-muted">
          {desk
            ? "The whole desk: claims, verdicts, checks, open work and reviews."
            : "Your own work: the claims you marked, are assigned or worked on, your verdicts, the reviews you gave and the work assigned to you."}
        </p>
      </div>
      <Dashboard articles={articles} initial={initial} />
    </div>
  );
}
