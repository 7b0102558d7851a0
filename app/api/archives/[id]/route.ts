import { publicRoute } from "@/lib/http/route";
import { ARCHIVE_COPY_CSP, getArchiveCopy } from "@/lib/archives/get-archive-copy";

// GET /api/archives/:id — the archived copy of a source's page, as a static, script-free page
// in a sandboxed (opaque) origin. Public when a published version cites it; otherwise for
// signed-in people who may see the source (lib/archives/get-archive-copy.ts).
export const GET = publicRoute<{ id: string }>(async ({ actor, params }) => {
  const html = await getArchiveCopy({ actor, archiveId: params.id });
  return new Response(html, {
    status: 200,
    headers: {
      "content-type": "text/html; charset=utf-8",
      "cache-control": "private, no-store",
      "content-security-policy": ARCHIVE_COPY_CSP,
      "x-content-type-options": "nosniff",
    },
  });
});
