import { json, publicRoute } from "@/lib/http/route";
import { getVersion } from "@/lib/versions/get-version";
import { parseVersionNumber } from "@/lib/versions/schemas";
import { versionUrl } from "@/lib/versions/urls";
import { publicOrigin } from "@/lib/settings";

// GET /api/articles/:id/versions/:n — a published version with its snapshot; public (no sign-in).
export const GET = publicRoute<{ id: string; n: string }>(async ({ params }) => {
  const version = await getVersion({ articleId: params.id, number: parseVersionNumber(params.n) });
  return json({ ...version, url: versionUrl(publicOrigin(), version.articleId, version.number) });
});
