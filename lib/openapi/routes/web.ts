/**
 * The API reference of archived sources (import from a URL is documented with the article
 * import in `articles.ts`).
 */
import { z } from "zod";
import { routeDoc, type RouteDoc } from "@/lib/openapi/route-doc";
import { SourceArchiveSchema } from "@/lib/archives/schemas";
import { AnnotationIdParams } from "@/lib/openapi/routes/params";

const archiveId = z.object({ id: z.string().meta({ description: "The archived copy's id (the last segment of `archive.url`)." }) });

export const routes: RouteDoc[] = [
  routeDoc({
    method: "post",
    path: "/api/annotations/{id}/archive",
    summary: "Archive a source's page again",
    description:
      "Queues a new copy of the source's current address when the last attempt failed, none was made, or one has been pending for over 10 minutes; an archived or freshly pending copy is left as it is. A new attempt is announced on the article's change stream (`archive.requested`) to everyone who may see the source. Answers the source's `archive` state.",
    tags: ["Archived sources"],
    access: "session",
    params: AnnotationIdParams,
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
      "A static page rebuilt from the text taken from the source's page, with the address, time, HTTP status and sha256 of the copy. Served with `Content-Security-Policy: sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:`: an opaque origin, no script, nothing loaded, no access to the app's cookies. A copy cited by a published version is public, like the version; any other copy is for signed-in people who may see its source.",
    tags: ["Archived sources"],
    access: "public",
    params: archiveId,
    responses: {
      200: { description: "The copy.", contentType: "text/html", schema: z.string() },
      404: { description: "No such archived copy, or one no published version cites whose source the caller may not see (signed out: any copy no published version cites)." },
    },
  }),
];
