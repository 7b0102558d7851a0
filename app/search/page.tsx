import type { Metadata } from "next";
import { requirePageActor } from "@/lib/auth/session";
import { listArticles } from "@/lib/articles/list-articles";
import { SearchView } from "@/components/search/search-view";
import { searchParamsState } from "@/components/search/search-params";

export const metadata: Metadata = { title: "Search" };

export default async function SearchPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const actor = await requirePageActor("/search");
  const initial = searchParamsState(params);
  const { items } = await listArticles({ actor, input: { limit: 100 } });
  return (
    <div className="mx-auto grid max-w-4xl gap-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Search the desk</h1>
        <p className="mt-1 text-sm text-muted">Articles, claims, sources and verdicts, best match first. Drafts of others are never shown.</p>
      </div>
      <SearchView key={JSON.stringify(initial)} initial={initial} articles={items.map(({ id, title }) => ({ id, title }))} actorId={actor.id} />
    </div>
  );
}
