/** API reference entries of triage: suggested sentences, their dismissal, and refitting the weights. */
import { z } from "zod";
import { routeDoc, type RouteDoc } from "@/lib/openapi/route-doc";
import { ListSuggestionsQuery, RefitInput, SuggestionSpanInput } from "@/lib/triage/schemas";
import { DismissalDTO, SuggestionListDTO, TriageModelDTO } from "@/lib/triage/present";

const ArticleParams = z.object({ id: z.string().describe("The article's id.") });

const spanResponses = (ok: string) => ({
  200: { description: ok, schema: DismissalDTO },
  400: { description: "Malformed body: a field is missing, of the wrong type, or extra." },
  401: { description: "Not signed in." },
  404: { description: "No such article or revision." },
  409: { description: "The revision is no longer the current one; the answer names the current one." },
  422: { description: "The text at start and end is not that of a sentence of the revision." },
});

export const routes: RouteDoc[] = [
  routeDoc({
    method: "get",
    path: "/api/articles/{id}/suggestions",
    summary: "Sentences worth checking in the current revision",
    description:
      "The sentences of the article's current revision whose check-worthiness score is at or above the threshold, best first, each with its reasons in words and the claimant it names. Sentences overlapping a claim are never listed. Dismissed ones are left out unless `status=all`.",
    tags: ["Triage"],
    access: "session",
    params: ArticleParams,
    query: ListSuggestionsQuery,
    responses: {
      200: { description: "The suggestions.", schema: SuggestionListDTO },
      400: { description: "Unknown status filter." },
      401: { description: "Not signed in." },
      404: { description: "No such article." },
    },
  }),
  routeDoc({
    method: "post",
    path: "/api/articles/{id}/suggestions/dismiss",
    summary: "Dismiss a suggested sentence for the whole desk",
    description: "Recorded in the audit log; dismissing a dismissed sentence changes nothing.",
    tags: ["Triage"],
    access: "session",
    params: ArticleParams,
    body: SuggestionSpanInput,
    responses: spanResponses("Dismissed."),
  }),
  routeDoc({
    method: "post",
    path: "/api/articles/{id}/suggestions/restore",
    summary: "Undo the dismissal of a suggested sentence",
    tags: ["Triage"],
    access: "session",
    params: ArticleParams,
    body: SuggestionSpanInput,
    responses: { ...spanResponses("Suggested again."), 404: { description: "No such article or revision, or the sentence is not dismissed." } },
  }),
  routeDoc({
    method: "post",
    path: "/api/triage/refit",
    summary: "Refit the desk's triage weights on its claims and dismissed suggestions",
    description:
      "A logistic regression over the triage features, fitted on every claim (check-worthy) and every dismissed suggestion (not); the new weights score every article from then on.",
    tags: ["Triage"],
    access: "admin",
    body: RefitInput,
    responses: {
      201: { description: "The weights fitted and stored.", schema: TriageModelDTO },
      400: { description: "The body has fields." },
      401: { description: "Not signed in." },
      403: { description: "Not an administrator." },
      409: { description: "Fewer than 200 examples, or not both kinds among them." },
    },
  }),
];
