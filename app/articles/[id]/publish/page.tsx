import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { refusePage, requirePageActor } from "@/lib/auth/session";
import { isAppError } from "@/lib/errors";
import { previewPublish } from "@/lib/versions/preview-publish";
import { versionPath } from "@/lib/versions/urls";
import { Card } from "@/components/ui/card";
import { PublishForm } from "@/components/versions/publish-form";

export const metadata: Metadata = { title: "Publish a verified version" };

export default async function PublishPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePageActor({ pattern: "/articles/[id]/publish", id });
  const preview = await previewPublish({ actor, articleId: id }).catch((error: unknown) => {
    if (isAppError(error) && error.code === "not_found") notFound();
    if (isAppError(error) && error.code === "forbidden") return null;
    throw error;
  });
  if (!preview) {
    await refusePage(actor, { pattern: "/articles/[id]/publish", id });
    return (
      <Card className="mx-auto mt-8 max-w-md p-8 text-center">
        <h1 className="text-lg font-semibold">Only editors publish versions</h1>
        <p className="mt-1 text-sm text-muted">Ask an editor of the desk to publish this article.</p>
        <Link href={`/articles/${id}`} className="mt-4 inline-block text-sm font-medium text-accent hover:underline">
          Back to the article
        </Link>
      </Card>
    );
  }
  return (
    <div className="mx-auto grid max-w-3xl gap-6">
      <nav aria-label="Breadcrumb" className="text-sm text-muted">
        <Link href="/articles" className="hover:text-ink hover:underline">
          Articles
        </Link>{" "}
        /{" "}
        <Link href={`/articles/${id}`} className="hover:text-ink hover:underline">
          {preview.title}
        </Link>
      </nav>
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Publish verified version {preview.nextNumber}</h1>
        <p className="mt-1 text-sm text-muted">
          A numbered, unchangeable snapshot of the article as it stands, for anyone to read at a public link and download.
          {preview.latest ? (
            <>
              {" "}
              The latest is{" "}
              <Link href={versionPath(id, preview.latest.number)} className="text-accent hover:underline">
                version {preview.latest.number}
              </Link>
              .
            </>
          ) : null}
        </p>
      </div>
      <PublishForm preview={preview} />
    </div>
  );
}
