/** Desk memory in the API reference: search, "checked before" matches, links, reusing sources. */
import { z } from "zod";
import { routeDoc, type RouteDoc } from "@/lib/openapi/route-doc";
import { Annotation } from "@/lib/openapi/responses/claims";
import { ClaimIdParams } from "@/lib/openapi/routes/params";
import {
  LinkClaimInput,
  MatchesSchema,
  ReuseSourcesInput,
  SearchPageSchema,
  SearchQuery,
} from "@/lib/search/schemas";

const LinkSchema = z.object({ claimId: z.string(), otherClaimId: z.string() });

/** The drafts created: source annotations of the caller, status draft. */
const ReusedSourcesSchema = z.object({ items: z.array(Annotation) });

const ClaimLinkParams = ClaimIdParams.extend({ otherId: z.string().describe("The id of the linked claim.") });

export const routes: RouteDoc[] = [
  routeDoc({
    method: "get",
    path: "/api/search",
    summary: "Search articles, claims, sources and verdict rationales",
    description:
      "Full-text search (the article's language decides stemming; accents are ignored), best match first, 20 per page. " +
      "Snippets are plain-text parts with `highlight` marking the matched words: never markup. Someone else's draft " +
      "source or verdict is never found. `status` filters by claim status, `verdict` by approved verdict (of the claim; " +
      "of the annotation itself for type=verdict), `author` by who marked the claim or wrote the source or verdict, " +
      "`from`/`to` by creation day (UTC, inclusive). Pass `nextCursor` back as `cursor` for the next page; pages " +
      "neither repeat nor skip results when others are added meanwhile.",
    tags: ["Search"],
    access: "session",
    query: SearchQuery,
    responses: {
      200: { description: "One page of results.", schema: SearchPageSchema },
      400: { description: "No query, an unknown filter value, a malformed date or an unknown cursor." },
    },
  }),
  routeDoc({
    method: "get",
    path: "/api/claims/{id}/matches",
    summary: "Claims elsewhere on the desk that say the same thing (checked before)",
    description:
      "At most 5 claims of other articles, best first, scored by lib/matching (numbers and names weigh most); " +
      "`level` is `same` or `similar` by the thresholds in lib/matching/config.ts. Never the claim itself. " +
      "`verdict` is the approved verdict, or null. `links` lists every claim linked to this one.",
    tags: ["Search"],
    access: "session",
    params: ClaimIdParams,
    responses: {
      200: { description: "The matches and links.", schema: MatchesSchema },
      404: { description: "No such claim." },
    },
  }),
  routeDoc({
    method: "post",
    path: "/api/claims/{id}/links",
    summary: "Link a claim to another as the same claim",
    description: "Recorded both ways and audited on both claims (`claim.linked`). Linking again changes nothing (200).",
    tags: ["Search"],
    access: "session",
    params: ClaimIdParams,
    body: LinkClaimInput,
    responses: {
      201: { description: "Linked.", schema: LinkSchema },
      200: { description: "Already linked; nothing changed.", schema: LinkSchema },
      400: { description: "No claim id, an extra field, or the claim itself." },
      404: { description: "Either claim does not exist." },
    },
  }),
  routeDoc({
    method: "delete",
    path: "/api/claims/{id}/links/{otherId}",
    summary: "Unlink two claims",
    description: "Removes the link both ways; audited on both claims (`claim.unlinked`).",
    tags: ["Search"],
    access: "session",
    params: ClaimLinkParams,
    responses: {
      204: { description: "Unlinked." },
      404: { description: "Either claim does not exist, or they are not linked." },
    },
  }),
  routeDoc({
    method: "post",
    path: "/api/claims/{id}/reuse-sources",
    summary: "Reuse the approved sources of a claim checked before",
    description:
      "Copies every approved source of `fromClaimId` onto this claim as the caller's own drafts, which then go through " +
      "review like any other. A source the caller already has here (same url) is not copied again.",
    tags: ["Search"],
    access: "session",
    params: ClaimIdParams,
    body: ReuseSourcesInput,
    responses: {
      201: { description: "The drafts created (none when all were copied before).", schema: ReusedSourcesSchema },
      400: { description: "No claim id, an extra field, or the claim itself." },
      404: { description: "Either claim does not exist." },
      409: { description: "The other claim has no approved sources." },
    },
  }),
];
