/**
 * What the article page keeps of each claim for its highlights and its claim list. The page
 * is rendered with these, not with the API's summaries: on an article with a thousand claims
 * the annotations and quote context would otherwise make most of the page's weight, while the
 * open claim is loaded in full anyway (`useClaimDetail`). Shared by the server page and the
 * workspace, which applies it to every reload.
 */
import type { ArticleDTO } from "@/lib/articles/present";
import type { ClaimSummaryDTO } from "@/lib/claims/present";
import { documentText } from "@/lib/exports/annotated-document";

type ListedFields = Pick<ClaimSummaryDTO, "id" | "revisionId" | "status" | "exact" | "start" | "end" | "claimant" | "createdBy">;

export interface ListedClaim extends ListedFields {
  /** Verdicts and sources the reader can see. */
  verdicts: number;
  sources: number;
}

/** The article as the workspace holds it: the revision's document (not its text), listed claims. */
export type WorkspaceArticle = Omit<ArticleDTO, "revision" | "claims"> & {
  revision: Omit<ArticleDTO["revision"], "text">;
  claims: ListedClaim[];
};

/** A claim of the API (listed or in full), as the workspace lists it. */
export function listedClaim(claim: ListedFields & { annotations: ReadonlyArray<{ kind: "source" | "verification" }> }): ListedClaim {
  const verdicts = claim.annotations.filter((annotation) => annotation.kind === "verification").length;
  return {
    id: claim.id,
    revisionId: claim.revisionId,
    status: claim.status,
    exact: claim.exact,
    start: claim.start,
    end: claim.end,
    claimant: claim.claimant,
    createdBy: claim.createdBy,
    verdicts,
    sources: claim.annotations.length - verdicts,
  };
}

/** The article as `GET /api/articles/:id` answers it, as the workspace holds it. */
export function workspaceArticle(article: ArticleDTO): WorkspaceArticle {
  const { text: _text, ...revision } = article.revision;
  return { ...article, revision, claims: article.claims.map(listedClaim) };
}

/**
 * A listed claim as the article page's HTML carries it to the workspace: a row of values
 * instead of an object, its author and claimant by index into the tables beside it, its quote
 * left out when it is the revision's text between `start` and `end` (the workspace reads it
 * there), its revision left out when it is the article's current one.
 */
export type PackedClaim = [
  id: string,
  start: number,
  end: number,
  status: ListedClaim["status"],
  /** Index into `people`. */
  createdBy: number,
  /** Index into `claimants`, or -1 for none. */
  claimant: number,
  verdicts: number,
  sources: number,
  /** The quote, when it is not the revision's text at `start`..`end`. */
  exact: string | null,
  /** The claim's revision, when it is not the article's current one. */
  revisionId: string | null,
];

/**
 * The article as the page's server render hands it to the workspace. On an article with a
 * thousand claims the listed claims as objects were most of the page's weight (every field
 * name, author and quote repeated per claim), and the page's HTML carries that payload ahead
 * of the text it draws: packed, they are about a quarter of it.
 */
export interface PackedWorkspaceArticle {
  article: Omit<WorkspaceArticle, "claims">;
  people: Array<ListedClaim["createdBy"]>;
  claimants: string[];
  claims: PackedClaim[];
}

/** Packs `GET /api/articles/:id`'s answer for the workspace (on the server; `unpackWorkspaceArticle` reverses it). */
export function packWorkspaceArticle(article: ArticleDTO): PackedWorkspaceArticle {
  const { claims, ...rest } = workspaceArticle(article);
  const text = documentText(article.revision.doc);
  const people: PackedWorkspaceArticle["people"] = [];
  const personIndex = new Map<string, number>();
  const claimants: string[] = [];
  const claimantIndex = new Map<string, number>();
  const packed = claims.map((claim): PackedClaim => {
    let person = personIndex.get(claim.createdBy.id);
    if (person === undefined) {
      person = people.push(claim.createdBy) - 1;
      personIndex.set(claim.createdBy.id, person);
    }
    let claimant = -1;
    if (claim.claimant !== null) {
      claimant = claimantIndex.get(claim.claimant) ?? claimants.push(claim.claimant) - 1;
      claimantIndex.set(claim.claimant, claimant);
    }
    const onRevision = claim.revisionId === rest.revision.id;
    const quoteInText = onRevision && text.slice(claim.start, claim.end) === claim.exact;
    return [
      claim.id,
      claim.start,
      claim.end,
      claim.status,
      person,
      claimant,
      claim.verdicts,
      claim.sources,
      quoteInText ? null : claim.exact,
      onRevision ? null : claim.revisionId,
    ];
  });
  return { article: rest, people, claimants, claims: packed };
}

function entry<T>(table: readonly T[], index: number): T {
  const found = table[index];
  if (found === undefined) throw new RangeError(`A packed claim refers to entry ${index} of a table of ${table.length}.`);
  return found;
}

/** The workspace's article from what the page's server render packed. */
export function unpackWorkspaceArticle({ article, people, claimants, claims }: PackedWorkspaceArticle): WorkspaceArticle {
  let text: string | null = null;
  const revisionText = () => (text ??= documentText(article.revision.doc));
  return {
    ...article,
    claims: claims.map(([id, start, end, status, person, claimant, verdicts, sources, exact, revisionId]) => ({
      id,
      revisionId: revisionId ?? article.revision.id,
      status,
      exact: exact ?? revisionText().slice(start, end),
      start,
      end,
      claimant: claimant >= 0 ? entry(claimants, claimant) : null,
      createdBy: entry(people, person),
      verdicts,
      sources,
    })),
  };
}
