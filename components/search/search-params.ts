/** The search as the search page's address holds it, shared by the page (server) and its view (client). */
export const SEARCH_PARAM_KEYS = ["q", "type", "status", "verdict", "articleId", "author", "from", "to"] as const;

/** Every value a string; "" when unset. */
export type SearchParamsState = Record<(typeof SEARCH_PARAM_KEYS)[number], string>;

/** The state of `params` (the page's searchParams): a repeated parameter counts as absent. */
export function searchParamsState(params: Record<string, string | string[] | undefined>): SearchParamsState {
  const state: Record<string, string> = {};
  for (const key of SEARCH_PARAM_KEYS) {
    const value = params[key];
    state[key] = typeof value === "string" ? value : "";
  }
  return { q: "", type: "", status: "", verdict: "", articleId: "", author: "", from: "", to: "", ...state };
}
