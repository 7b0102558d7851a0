/**
 * The API reference of the routes that reach the web: import from a URL (the `{url}` form of the
 * article import and its preview) and the archived copies of cited sources.
 */
import { z } from "zod";
import { routeDoc, type RouteDoc } from "@/lib/openapi/route-doc";
import { CreateArticleInput, PreviewArticleInput, WebPageSchema } from "@/lib/articles/schemas";
import { SourceArchiveSchema } from "@/lib/archives/schemas";

const id = z.object({ id: z.string().describe("The annotation's id.") });
const archiveId = z.object({ id: z.string().describe("The archived copy's id (the last segment of `archive.url`).") });

const REASONS =
  "A page that cannot be used answers 422 with `reason`: `invalid_url`, `refused_address` (a private, reserved or loopback address, or a host this desk does not fetch from), `unresolvable`, `timeout`, `too_large`, `content_type` (not a web page), `too_many_redirects`, `network`, `http_status` (with `httpStatus`) or `not_an_article`.";

/** The preview's `page` when the body was `{url}`; the rest of the preview is the articles area's. */
const PreviewFromUrl = z.object({ page: WebPageSchema.nullable() }).loose();

export const routes: RouteDoc[] = [
  routeDoc({
    method: "post",
    path: "/api/articles/preview",
    summary: "Preview an import, or fetch a page and preview its article",
    description: `With \`{url}\` alone (no text, html, doc or file) the page is fetched through the SSRF-safe fetcher and its article extracted (Readability), with title, author, outlet and date from JSON-LD, Open Graph and meta tags (\`page\`). ${REASONS}`,
    tags: ["Import from the web"],
    access: "editor",
    body: PreviewArticleInput,
    responses: {
      200: { description: "What an import would store.", schema: PreviewFromUrl },
      400: { description: "Malformed input." },
      403: { description: "Not an editor." },
      422: { description: "The page could not be fetched or holds no article; `reason` says why." },
    },
  }),
  routeDoc({
    method: "post",
    path: "/api/articles",
    summary: "Import an article, from its text or from its address alone",
    description: `\`{url}\` alone fetches the page and imports its article; fields given (title, outlet, author, publishedAt) win over what the page states. ${REASONS}`,
    tags: ["Import from the web"],
    access: "editor",
    body: CreateArticleInput,
    responses: {
      201: { description: "The article with revision 1." },
      400: { description: "Malformed input." },
      403: { description: "Not an editor." },
      422: { description: "The page could not be fetched or holds no article; `reason` says why." },
    },
  }),
  routeDoc({
    method: "post",
    path: "/api/annotations/{id}/archive",
    summary: "Archive a source's page again",
    description:
      "Queues a new copy of the source's current address when the last attempt failed, none was made, or one has been pending for over 10 minutes; an archived or freshly pending copy is left as it is. Answers the source's `archive` state.",
    tags: ["Archived sources"],
    access: "session",
    params: id,
    responses: {
      202: { description: "The archive state.", schema: SourceArchiveSchema },
      401: { description: "Not signed in." },
      404: { description: "No such annotation, or someone else's draft." },
      422: { description: "Not a source with an address." },
    },
  }),
  routeDoc({
    method: "get",
    path: "/api/archives/{id}",
    summary: "View an archived copy",
    description:
      "A static page rebuilt from the text taken from the source's page, with the address, time, HTTP status and sha256 of the copy. Served with `Content-Security-Policy: sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:`: an opaque origin, no script, nothing loaded, no access to the app's cookies.",
    tags: ["Archived sources"],
    access: "session",
    params: archiveId,
    responses: {
      200: { description: "The copy.", contentType: "text/html", schema: z.string() },
      401: { description: "Not signed in." },
      404: { description: "No such archived copy, or one whose source the caller may not see." },
    },
  }),
];
