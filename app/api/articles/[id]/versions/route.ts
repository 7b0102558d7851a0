import { authenticatedRoute, json, publicRoute, readJson } from "@/lib/http/route";
import { publishVersion } from "@/lib/versions/publish-version";
import { listVersions } from "@/lib/versions/version-history";
import { versionUrl } from "@/lib/versions/urls";
import { publicOrigin } from "@/lib/settings";

// GET /api/articles/:id/versions — the published versions, oldest first; public (no sign-in).
// An article without versions is 404 to the anonymous, an empty list to signed-in readers.
export const GET = publicRoute<{ id: string }>(async ({ actor, params }) => {
  const base = publicOrigin();
  const versions = await listVersions({ actor, articleId: params.id });
  return json({
    items: versions.map((version) => ({ ...version, url: versionUrl(base, version.articleId, version.number) })),
    nextCursor: null,
  });
});

// POST /api/articles/:id/versions — publish the current revision as a verified version (editor):
// {note?} → 201 {id, number, sha256, url, …}.
export const POST = authenticatedRoute<{ id: string }>(async ({ request, actor, params }) => {
  const version = await publishVersion({ actor, articleId: params.id, input: await readJson(request) });
  return json({ ...version, url: versionUrl(publicOrigin(), version.articleId, version.number) }, 201);
});
