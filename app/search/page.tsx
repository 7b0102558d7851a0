import type { Metadata } from "next";
import { requirePageActor } from "@/lib/auth/session";
import { listArticles } from "@/lib/articles/list-articles";
import { listMembers } from "@/lib/users/list-members";
import { SearchView } from "@/components/search/search-view";
import { searchParamsState } from "@/components/search/search-params";

export const metadata: Metadata = { title: "Search" };

export default async function SearchPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const actor = await requirePageActor("/search");
  const initial = searchParamsState(params);
  // The same lists the article picker and GET /api/members (mentions, assignments) offer.
  const [{ items }, { items: members }] = await Promise.all([listArticles({ actor, input: { limit: 100 } }), listMembers({ actor })]);
  return (
    <div className="mx-auto grid max-w-4xl gap-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Search the desk</h1>
        <p className="mt-1 text-sm text-muted">Articles, claims, sources and verdicts, best match first. Drafts of others are never shown.</p>
      </div>
      <SearchView
        key={JSON.stringify(initial)}
        initial={initial} articles={items.map(({ id, title }) => ({ id, title }))}
        members={members.map(({ id, name }) => ({ id, name }))}
        actorId={actor.id}
      />
    </div>
  );
}
