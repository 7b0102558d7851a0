import { authenticatedRoute, readJson, json } from "@/lib/http/route";
import { listAccessTokens } from "@/lib/tokens/list-access-tokens";
import { createAccessToken } from "@/lib/tokens/create-access-token";

// GET /api/tokens — the caller's personal access tokens, live ones first; never their secrets or hashes.
export const GET = authenticatedRoute(async ({ actor }) => {
  return json({ items: await listAccessTokens({ actor }), nextCursor: null });
});

// POST /api/tokens — create a token `{name}`; the secret is in this response only. Session cookie only (403 with a token).
export const POST = authenticatedRoute(async ({ request, actor, credential }) => {
  const { token, secret } = await createAccessToken({ actor, credential, input: await readJson(request) });
  return json({ ...token, secret }, 201);
});
