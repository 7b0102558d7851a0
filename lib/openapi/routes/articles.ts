/** Articles, their revisions and the live event stream. */
import { z } from "zod";
import { CreateArticleInput, CreateRevisionInput, ListInput, PreviewArticleInput } from "@/lib/articles/schemas";
import { ArticleEventsQuery } from "@/lib/live/schemas";
import { routeDoc, type RouteDoc } from "@/lib/openapi/route-doc";
import { Article, ArticlePreview, ArticleSummary, CreatedRevision, RevisionDetail, RevisionList } from "@/lib/openapi/responses/articles";
import { page } from "@/lib/openapi/responses/common";
import { ArticleIdParams, RevisionParams } from "@/lib/openapi/routes/params";

const tags = ["Articles"];

export const routes: RouteDoc[] = [
  routeDoc({
    method: "get",
    path: "/api/articles",
    summary: "List articles, newest first",
    tags,
    access: "session",
    query: ListInput,
    responses: { 200: { description: "A page of articles with their claim counts.", schema: page(ArticleSummary) } },
  }),
  routeDoc({
    method: "post",
    path: "/api/articles",
    summary: "Import an article",
    description:
      "Send the text as exactly one of `text`, `html`, `doc` (a ProseMirror document) or `file` (`{name, contentBase64}`: .txt, .md, .html or .docx), or only `url`: the page is fetched through the SSRF-safe fetcher, its article extracted (Readability) and its title, author, outlet and date read from JSON-LD, Open Graph and meta tags; fields given win over the page's. Answers the article with revision 1. A page that cannot be used answers 422 with `reason`: `invalid_url`, `refused_address` (a private, reserved or loopback address, or a host this desk does not fetch from), `unresolvable`, `timeout`, `too_large`, `content_type` (not a web page), `too_many_redirects`, `network`, `http_status` (with `httpStatus`) or `not_an_article`.",
    tags,
    access: "editor",
    body: CreateArticleInput,
    responses: {
      201: { description: "The article, with revision 1.", schema: Article },
      413: { description: "The article is longer than the desk accepts." },
      422: { description: "The document, file or page could not be read as an article; for `{url}`, `reason` says why." },
    },
  }),
  routeDoc({
    method: "post",
    path: "/api/articles/preview",
    summary: "Preview an import without storing it",
    description: "The same body as an import (the title optional): answers what would be stored. With `{url}` alone the page is fetched and `page` carries what it states. A page that cannot be used answers 422 with `reason`: `invalid_url`, `refused_address` (a private, reserved or loopback address, or a host this desk does not fetch from), `unresolvable`, `timeout`, `too_large`, `content_type` (not a web page), `too_many_redirects`, `network`, `http_status` (with `httpStatus`) or `not_an_article`.",
    tags,
    access: "editor",
    body: PreviewArticleInput,
    responses: {
      200: { description: "The document as it would be stored.", schema: ArticlePreview },
      413: { description: "The article is longer than the desk accepts." },
      422: { description: "The document, file or page could not be read as an article; for `{url}`, `reason` says why." },
    },
  }),
  routeDoc({
    method: "get",
    path: "/api/articles/{id}",
    summary: "Read an article",
    description:
      "The current revision (document and canonical text) and its claims, in document order. The answer carries an `ETag` valid for the caller only (drafts and abilities are per person); send it back in `If-None-Match` to get 304 without a body while nothing changed.",
    tags,
    access: "session",
    params: ArticleIdParams,
    responses: {
      200: { description: "The article.", schema: Article, headers: { ETag: "A weak tag of this answer for this caller." } },
      304: { description: "Not modified: `If-None-Match` named the caller's current tag.", headers: { ETag: "The same tag." } },
      404: { description: "No such article." },
    },
  }),
  routeDoc({
    method: "get",
    path: "/api/articles/{id}/revisions",
    summary: "List an article's revisions, newest first",
    tags,
    access: "session",
    params: ArticleIdParams,
    responses: {
      200: { description: "Every revision, without its text.", schema: RevisionList },
      404: { description: "No such article." },
    },
  }),
  routeDoc({
    method: "post",
    path: "/api/articles/{id}/revisions",
    summary: "Save a corrected text as a new revision",
    description:
      "Send `text` or `doc`, and `baseRevision`: the **number** of the revision you corrected (`revision.number` of `GET /api/articles/{id}`). When it is no longer the current revision the answer is 409 and nothing is saved. Claims are re-anchored on the new text; the answer says how they fared.",
    tags,
    access: "editor",
    params: ArticleIdParams,
    body: CreateRevisionInput,
    responses: {
      201: { description: "The new revision, with how the claims re-anchored.", schema: CreatedRevision },
      404: { description: "No such article." },
      409: { description: "`baseRevision` is not the current revision: someone saved a correction first." },
      413: { description: "The article is longer than the desk accepts." },
      422: { description: "Nothing changed, or the text would be empty." },
    },
  }),
  routeDoc({
    method: "get",
    path: "/api/articles/{id}/revisions/{n}",
    summary: "Read one revision",
    tags,
    access: "session",
    params: RevisionParams,
    responses: {
      200: { description: "Revision `n`, with its text and document.", schema: RevisionDetail },
      404: { description: "No such article or revision." },
    },
  }),
  routeDoc({
    method: "get",
    path: "/api/articles/{id}/events",
    summary: "Follow an article's changes live (Server-Sent Events)",
    description:
      "A `text/event-stream` whose events carry ids. `ready`: the stream is live. `change` (per committed change, or several when catching up): `{id, types, ids, revision, claims, removed, totals}` — the changed claims summarised as the caller may see them (as in the article's claim list, without `can`), the ids of claims that are gone, and the article's progress and agreement when they may have moved; `types` are the audit actions of the changes (e.g. `annotation.submitted`; a change of an annotation the caller may not see, such as another reviewer's draft, is left out entirely, and a withdrawal of an annotation the caller could see arrives as its claim only, without its type and id) or `archive.requested` / `archive.archived` / `archive.failed` when a source's copy was asked for again, taken or could not be (sent only to callers who may see that source); `revision: true` means a new revision was saved: read the article again. `reset` `{id}`: the client is too far behind (or gave no id): read the article again, then apply what follows. Start from the article's `liveEventId` (`?after=`); a reconnecting browser sends `Last-Event-ID` (it wins over `after`) and is sent what it missed, by any server. A comment every 15 s keeps the connection open.",
    tags,
    access: "session",
    params: ArticleIdParams,
    query: ArticleEventsQuery,
    responses: {
      200: { description: "The event stream; it stays open.", contentType: "text/event-stream", schema: z.string() },
      400: { description: "`after` or `Last-Event-ID` is not an event id." },
      404: { description: "No such article." },
    },
  }),
];
