import type { Metadata } from "next";
import { requirePageActor } from "@/lib/auth/session";
import { listArticles } from "@/lib/articles/list-articles";
import { SEARCH_PARAM_KEYS, SearchView, type SearchParamsState } from "@/components/search/search-view";

export const metadata: Metadata = { title: "Search" };

export default async function SearchPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const actor = await requirePageActor("/search");
  const initial = Object.fromEntries(
    SEARCH_PARAM_KEYS.map((key) => {
      const value = params[key];
      return [key, typeof value === "string" ? value : ""];
    }),
  ) as Record<(typeof SEARCH_PARAM_KEYS)[number], string> satisfies SearchParamsState;
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
