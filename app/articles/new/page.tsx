import type { Metadata } from "next";
import Link from "next/link";
import { refusePage, requirePageActor } from "@/lib/auth/session";
import { can } from "@/lib/auth/policy";
import { Card } from "@/components/ui/card";
import { ImportForm } from "@/components/articles/import-form";

export const metadata: Metadata = { title: "Import article" };

export default async function ImportArticlePage() {
  const actor = await requirePageActor("/articles/new");
  // The page only decides what to draw; POST /api/articles and the preview refuse non-editors themselves.
  if (!can(actor, "article.import")) {
    await refusePage(actor, "/articles/new");
    return (
      <Card className="mx-auto mt-8 max-w-md p-8 text-center" role="alert">
        <h1 className="text-lg font-semibold">Only editors import articles</h1>
        <p className="mt-1 text-sm text-muted">Ask an editor to import the article you want to check.</p>
        <Link href="/articles" className="mt-4 inline-block text-sm font-medium text-accent hover:underline">
          Back to articles
        </Link>
      </Card>
    );
  }
  return (
    <div className="grid gap-6">
      <nav aria-label="Breadcrumb" className="text-sm text-muted">
        <Link href="/articles" className="hover:text-ink hover:underline">
          Articles
        </Link>
      </nav>
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Import article</h1>
        <p className="mt-1 text-sm text-muted">Paste the text or HTML, upload a file, or give the article’s address; check the preview; import it as revision 1.</p>
      </div>
      <ImportForm />
    </div>
  );
}
