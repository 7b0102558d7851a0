/** Claims: marking, reading, re-attaching, removing, and their history. */
import { z } from "zod";
import { CreateClaimInput, ReattachClaimInput } from "@/lib/claims/schemas";
import { routeDoc, type RouteDoc } from "@/lib/openapi/route-doc";
import { Claim, HistoryEntry } from "@/lib/openapi/responses/claims";
import { ArticleIdParams, ClaimIdParams } from "@/lib/openapi/routes/params";

const tags = ["Claims"];

export const routes: RouteDoc[] = [
  routeDoc({
    method: "post",
    path: "/api/articles/{id}/claims",
    summary: "Mark a claim on the current revision",
    description:
      "`start` and `end` are offsets into the current revision's canonical text (`revision.text`), `exact` the text between them. `revision` is the revision's **number** (`revision.number`, e.g. 3), not its id; a revision id answers 400.",
    tags,
    access: "session",
    params: ArticleIdParams,
    body: CreateClaimInput,
    responses: {
      201: { description: "The new claim.", schema: Claim },
      404: { description: "No such article." },
      409: { description: "`revision` is not the current revision." },
      422: { description: "The selectors do not match the revision's text." },
    },
  }),
  routeDoc({
    method: "get",
    path: "/api/claims/{id}",
    summary: "Read a claim with its annotations",
    description:
      "The answer carries an `ETag` valid for the caller only; send it back in `If-None-Match` to get 304 without a body while nothing changed (live pages read the open claim again this way after a change event).",
    tags,
    access: "session",
    params: ClaimIdParams,
    responses: {
      200: {
        description: "The claim, with every submitted annotation and the caller's own drafts.",
        schema: Claim,
        headers: { ETag: "A weak tag of this answer for this caller." },
      },
      304: { description: "Not modified: `If-None-Match` named the caller's current tag.", headers: { ETag: "The same tag." } },
      404: { description: "No such claim." },
    },
  }),
  routeDoc({
    method: "delete",
    path: "/api/claims/{id}",
    summary: "Remove a claim",
    description: "Its creator may remove it while nobody has annotated it; an editor always.",
    tags,
    access: "session",
    params: ClaimIdParams,
    responses: {
      204: { description: "Removed." },
      403: { description: "Not the caller's to remove (someone else's, or annotated)." },
      404: { description: "No such claim." },
    },
  }),
  routeDoc({
    method: "post",
    path: "/api/claims/{id}/reattach",
    summary: "Put an orphaned claim on a span of the current revision",
    description: "The same selectors as marking a claim; `revision` is the current revision's number.",
    tags,
    access: "session",
    params: ClaimIdParams,
    body: ReattachClaimInput,
    responses: {
      200: { description: "The claim, anchored again.", schema: Claim },
      404: { description: "No such claim." },
      409: { description: "The claim is not orphaned, or `revision` is not the current revision." },
      422: { description: "The selectors do not match the revision's text." },
    },
  }),
  routeDoc({
    method: "get",
    path: "/api/claims/{id}/history",
    summary: "A claim's history, oldest first",
    tags,
    access: "session",
    params: ClaimIdParams,
    responses: {
      200: { description: "The audit events the caller may see.", schema: z.object({ items: z.array(HistoryEntry) }) },
      404: { description: "No such claim." },
    },
  }),
];
