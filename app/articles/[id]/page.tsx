import type { Metadata } from "next";
import { notFound } from "next/navigation";
import Link from "next/link";
import { requirePageActor } from "@/lib/auth/session";
import { getArticle } from "@/lib/articles/get-article";
import { isAppError } from "@/lib/errors";
import { formatDate } from "@/lib/format";
import { ArticleWorkspace } from "@/components/claims/article-workspace";
import { packWorkspaceArticle } from "@/components/claims/listed-claim";
import { can } from "@/lib/auth/policy";
import { listVersions } from "@/lib/versions/version-history";
import { versionPath } from "@/lib/versions/urls";
import { getArticleAssignment } from "@/lib/assignments/get-assignment";
import { ArticleAssignment } from "@/components/assignments/article-assignment";

export const metadata: Metadata = { title: "Article" };

export default async function ArticlePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  /** `?claim=<id>` opens that claim in the panel (search results, "checked before", My work and notifications link here). */
  searchParams: Promise<{ claim?: string | string[] }>;
}) {
  const { id } = await params;
  const { claim } = await searchParams;
  const actor = await requirePageActor({ pattern: "/articles/[id]", id });
  const article = await getArticle({ actor, id }).catch((error: unknown) => {
    if (isAppError(error) && error.code === "not_found") notFound();
    throw error;
  });
  const [versions, assignment] = await Promise.all([listVersions({ actor, articleId: id }), getArticleAssignment({ actor, articleId: id })]);
  const meta = [
    article.outlet,
    article.author,
    article.publishedAt ? `Published ${formatDate(article.publishedAt)}` : `Imported ${formatDate(article.createdAt)}`,
  ].filter(Boolean);
  return (
    <div className="grid gap-6">
      <nav aria-label="Breadcrumb" className="text-sm text-muted">
        <Link href="/articles" className="hover:text-ink hover:underline">
          Articles
        </Link>
      </nav>
      <header className="max-w-3xl">
        <h1 className="font-serif text-3xl font-semibold leading-tight tracking-tight">{article.title}</h1>
        <p className="mt-2 text-sm text-muted">
          {meta.join(" · ")} · Revision {article.revision.number}
        </p>
        <p className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-sm font-medium">
          {versions.length > 0 ? (
            <Link href={versionPath(id, versions.at(-1)!.number)} className="text-accent hover:underline">
              Versions ({versions.length})
            </Link>
          ) : null}
          {can(actor, "version.publish") ? (
            <Link href={`/articles/${id}/publish`} className="text-accent hover:underline">
              Publish a verified version
            </Link>
          ) : null}
        </p>
        <ArticleAssignment articleId={id} assignment={assignment} canAssign={can(actor, "assignment.manage")} viewerId={actor.id} />
      </header>
      <ArticleWorkspace
        // A notification or My work may open another claim of the same article: start afresh on it.
        key={typeof claim === "string" ? claim : ""}
        initial={packWorkspaceArticle(article)}
        canRevise={can(actor, "article.revise")}
        viewerId={actor.id}
        initialClaimId={typeof claim === "string" ? claim : null}
      />
    </div>
  );
}

