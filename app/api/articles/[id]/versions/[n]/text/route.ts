import { publicRoute } from "@/lib/http/route";
import { getVersion } from "@/lib/versions/get-version";
import { parseVersionNumber } from "@/lib/versions/schemas";
import { versionTextResponse } from "@/lib/exports/respond";
import { publicOrigin, publisherOrganization } from "@/lib/settings";

// GET /api/articles/:id/versions/:n/text — a published version's text as text/plain, exactly
// the text the selectors of its W3C annotations describe (their target's `source`); public.
// The same bytes every time (D5), with an ETag of their sha256; If-None-Match gets 304.
export const GET = publicRoute<{ id: string; n: string }>(async ({ request, params }) => {
  const version = await getVersion({ articleId: params.id, number: parseVersionNumber(params.n) });
  const baseUrl = publicOrigin();
  return versionTextResponse(request, version.snapshot, { baseUrl, organization: publisherOrganization(baseUrl) });
});
