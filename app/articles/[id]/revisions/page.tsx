import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePageActor } from "@/lib/auth/session";
import type { Actor } from "@/lib/auth/actor";
import { isAppError } from "@/lib/errors";
import { formatDateTime, plural } from "@/lib/format";
import { getRevision, listRevisions } from "@/lib/articles/list-revisions";
import { wordDiff } from "@/lib/articles/word-diff";
import { Card } from "@/components/ui/card";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/select";
import { Alert } from "@/components/ui/alert";
import { ArticleDocument } from "@/components/articles/article-document";
import { RevisionDiff } from "@/components/articles/revision-diff";
import { cn } from "@/lib/cn";

export const metadata: Metadata = { title: "Revisions" };

type SearchParams = Record<string, string | string[] | undefined>;

function number(value: string | string[] | undefined): number | null {
  const text = Array.isArray(value) ? value[0] : value;
  return text && /^\d{1,9}$/.test(text) ? Number(text) : null;
}

function notFoundOnMissing(error: unknown): never {
  if (isAppError(error) && error.code === "not_found") notFound();
  throw error;
}

/**
 * An article's revisions: who saved each and when, any revision readable (`?rev=N`), and a
 * word diff between any two (`?from=A&to=B`, by default the last two).
 */
export default async function RevisionsPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const { id } = await params;
  const query = await searchParams;
  const actor = await requirePageActor({ pattern: "/articles/[id]/revisions", id });
  const { article, items } = await listRevisions({ actor, articleId: id }).catch(notFoundOnMissing);
  const newest = items[0]?.number ?? 1;
  const reading = number(query.rev);
  const to = number(query.to) ?? newest;
  const from = number(query.from) ?? Math.max(1, to - 1);
  const full = query.full === "1";

  return (
    <div className="grid gap-6">
      <nav aria-label="Breadcrumb" className="flex gap-1.5 text-sm text-muted">
        <Link href="/articles" className="hover:text-ink hover:underline">
          Articles
        </Link>
        <span aria-hidden>/</span>
        <Link href={`/articles/${id}`} className="hover:text-ink hover:underline">
          {article.title}
        </Link>
      </nav>
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Revisions</h1>
        <p className="mt-1 text-sm text-muted">
          {plural(items.length, "revision")} of “{article.title}”. Claims always anchor on the newest.
        </p>
      </div>
      <div className="grid items-start gap-6 lg:grid-cols-[18rem_minmax(0,1fr)]">
        <aside className="grid gap-4">
          <Card className="overflow-hidden">
            <ol aria-label="Revisions, newest first" className="divide-y divide-border text-sm">
              {items.map((item) => (
                <li key={item.id} className={cn("grid gap-0.5 px-4 py-3", reading === item.number && "bg-accent-soft")}>
                  <Link href={`/articles/${id}/revisions?rev=${item.number}`} className="font-medium text-ink hover:text-accent hover:underline">
                    Revision {item.number}
                    {item.number === newest ? <span className="ml-1.5 text-xs font-normal text-muted">(current)</span> : null}
                  </Link>
                  <span className="text-xs text-muted">
                    {item.createdBy?.name ?? "Factdesk"} · {formatDateTime(item.createdAt)}
                  </span>
                  <span className="text-xs text-muted">{plural(item.characters, "character")}</span>
                </li>
              ))}
            </ol>
          </Card>
          {items.length > 1 ? (
            <Card className="p-4">
              <form method="get" className="grid gap-3" aria-label="Compare revisions">
                <h2 className="text-sm font-semibold">Compare</h2>
                <label className="grid gap-1 text-xs text-muted">
                  From
                  <Select name="from" defaultValue={String(from)}>
                    {items.map((item) => (
                      <option key={item.number} value={item.number}>
                        Revision {item.number}
                      </option>
                    ))}
                  </Select>
                </label>
                <label className="grid gap-1 text-xs text-muted">
                  To
                  <Select name="to" defaultValue={String(to)}>
                    {items.map((item) => (
                      <option key={item.number} value={item.number}>
                        Revision {item.number}
                      </option>
                    ))}
                  </Select>
                </label>
                <Button type="submit" variant="secondary" size="sm">
                  Show changes
                </Button>
              </form>
            </Card>
          ) : null}
        </aside>
        <section className="min-w-0">
          {reading !== null ? (
            <ReadRevision actor={actor} articleId={id} number={reading} newest={newest} />
          ) : items.length < 2 ? (
            <ReadRevision actor={actor} articleId={id} number={newest} newest={newest} />
          ) : (
            <CompareRevisions actor={actor} articleId={id} from={from} to={to} full={full} />
          )}
        </section>
      </div>
    </div>
  );
}

async function ReadRevision({ actor, articleId, number, newest }: { actor: Actor; articleId: string; number: number; newest: number }) {
  const revision = await getRevision({ actor, articleId, number }).catch(notFoundOnMissing);
  return (
    <Card className="grid gap-2 px-6 py-5 sm:px-10">
      <div className="flex flex-wrap items-baseline justify-between gap-2 border-b border-border pb-3">
        <h2 className="text-lg font-semibold">Revision {revision.number}</h2>
        <span className="text-sm text-muted">
          Saved by {revision.createdBy?.name ?? "Factdesk"} · {formatDateTime(revision.createdAt)}
          {number > 1 ? (
            <>
              {" · "}
              <Link href={`/articles/${articleId}/revisions?from=${number - 1}&to=${number}`} className="text-accent underline underline-offset-2">
                Changes from revision {number - 1}
              </Link>
            </>
          ) : null}
        </span>
      </div>
      {number !== newest ? (
        <Alert tone="info">This is an earlier revision, kept for the record. The article now reads as revision {newest}.</Alert>
      ) : null}
      <ArticleDocument doc={revision.doc} data-testid="revision-text" />
    </Card>
  );
}

async function CompareRevisions({
  actor,
  articleId,
  from,
  to,
  full,
}: {
  actor: Actor;
  articleId: string;
  from: number;
  to: number;
  full: boolean;
}) {
  const [before, after] = await Promise.all([
    getRevision({ actor, articleId, number: from }),
    getRevision({ actor, articleId, number: to }),
  ]).catch(notFoundOnMissing);
  const diff = wordDiff(before.text, after.text);
  const changed = diff !== null && (diff.addedWords > 0 || diff.removedWords > 0);
  return (
    <Card className="grid gap-3 px-6 py-5 sm:px-10">
      <div className="flex flex-wrap items-baseline justify-between gap-2 border-b border-border pb-3">
        <h2 className="text-lg font-semibold">
          Revision {from} → revision {to}
        </h2>
        {diff ? (
          <span className="text-sm text-muted">
            <span className="font-medium text-success">+{plural(diff.addedWords, "word")}</span> ·{" "}
            <span className="font-medium text-danger">−{plural(diff.removedWords, "word")}</span>
            {" · "}
            <Link
              href={`/articles/${articleId}/revisions?from=${from}&to=${to}${full ? "" : "&full=1"}`}
              className="text-accent underline underline-offset-2"
            >
              {full ? "Shorten unchanged text" : "Show all text"}
            </Link>
          </span>
        ) : null}
      </div>
      {diff === null ? (
        <Alert tone="info">These revisions are too different to compare word by word. Read them one at a time instead.</Alert>
      ) : !changed ? (
        <p className="text-sm text-muted">The text is the same in both revisions (only formatting may differ).</p>
      ) : (
        <RevisionDiff diff={diff} full={full} />
      )}
    </Card>
  );
}
