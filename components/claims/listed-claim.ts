/**
 * What the article page keeps of each claim for its highlights and its claim list. The page
 * is rendered with these, not with the API's summaries: on an article with a thousand claims
 * the annotations and quote context would otherwise make most of the page's weight, while the
 * open claim is loaded in full anyway (`useClaimDetail`). Shared by the server page and the
 * workspace, which applies it to every reload.
 */
import type { ArticleDTO } from "@/lib/articles/present";
import type { ClaimSummaryDTO } from "@/lib/claims/present";

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
