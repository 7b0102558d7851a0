/** Published versions and their exports: the public face of a checked article. */
import { z } from "zod";
import { PublishVersionInput } from "@/lib/versions/schemas";
import { EXPORT_FORMATS } from "@/lib/exports";
import { routeDoc, type RouteDoc } from "@/lib/openapi/route-doc";
import { wholeList } from "@/lib/openapi/responses/common";
import { PublishedVersion, PublishedVersionSummary } from "@/lib/openapi/responses/versions";
import { ArticleIdParams, VersionParams } from "@/lib/openapi/routes/params";

const tags = ["Published versions"];

export const routes: RouteDoc[] = [
  routeDoc({
    method: "get",
    path: "/api/articles/{id}/versions",
    summary: "List an article's published versions, oldest first",
    description: "An article without published versions is 404 to the anonymous and an empty list to signed-in readers.",
    tags,
    access: "public",
    params: ArticleIdParams,
    responses: {
      200: { description: "The versions, without their content.", schema: wholeList(PublishedVersionSummary) },
      404: { description: "No such article, or (signed out) none of its versions is published." },
    },
  }),
  routeDoc({
    method: "post",
    path: "/api/articles/{id}/versions",
    summary: "Publish the current revision as a verified version",
    description: "Freezes the article, its verified and disputed claims and their approved annotations in a snapshot, with an optional note for the corrections log.",
    tags,
    access: "editor",
    params: ArticleIdParams,
    body: PublishVersionInput,
    responses: {
      201: { description: "The new version.", schema: PublishedVersionSummary },
      404: { description: "No such article." },
      409: { description: "Nothing changed since the latest version." },
    },
  }),
  routeDoc({
    method: "get",
    path: "/api/articles/{id}/versions/{n}",
    summary: "Read a published version",
    tags,
    access: "public",
    params: VersionParams,
    responses: {
      200: { description: "The version with its snapshot.", schema: PublishedVersion },
      404: { description: "No such article or version." },
    },
  }),
  routeDoc({
    method: "get",
    path: "/api/articles/{id}/versions/{n}/export",
    summary: "Download a published version",
    description:
      "`html` (a standalone page), `markdown`, `w3c` (W3C Web Annotations, JSON-LD) or `claimreview` (schema.org ClaimReview, JSON-LD). The same request always gets the same bytes, with their sha256 as ETag; `If-None-Match` gets 304.",
    tags,
    access: "public",
    params: VersionParams,
    query: z.object({ format: z.enum(EXPORT_FORMATS) }),
    responses: {
      200: {
        description: "The export, as an attachment.",
        headers: { ETag: "The sha256 of the body, quoted.", "Content-Disposition": "attachment, with a file name." },
        content: {
          "text/html": null,
          "text/markdown": null,
          'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"': null,
          "application/ld+json": null,
        },
      },
      304: { description: "The client already has these bytes (If-None-Match)." },
      400: { description: "`format` is missing or unknown." },
      404: { description: "No such article or version." },
    },
  }),
  routeDoc({
    method: "get",
    path: "/api/articles/{id}/versions/{n}/text",
    summary: "Read a published version's text as plain text",
    description:
      "Exactly the version's canonical text, the text whose selectors its W3C Web Annotations carry: every annotation's target names this address as its `source`, and its TextQuoteSelector and TextPositionSelector (in Unicode code points) describe this text. Shown inline (no download); `Link` names the version's public page (`rel=\"alternate\"; type=\"text/html\"`). The same bytes every time, with their sha256 as ETag; `If-None-Match` gets 304.",
    tags,
    access: "public",
    params: VersionParams,
    responses: {
      200: {
        description: "The text.",
        contentType: "text/plain",
        schema: z.string(),
        headers: { ETag: "The sha256 of the body, quoted.", Link: "The version's public page, as the alternate HTML representation." },
      },
      304: { description: "The client already has these bytes (If-None-Match)." },
      404: { description: "No such article or version." },
    },
  }),
];
