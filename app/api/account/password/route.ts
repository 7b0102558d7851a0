import { authenticatedRoute, json, readJson } from "@/lib/http/route";
import { changePassword } from "@/lib/users/change-password";

// POST /api/account/password — change own password `{currentPassword, newPassword}`; every session ends, sign in again. Session cookie only.
export const POST = authenticatedRoute(async ({ request, actor, credential }) => {
  return json(await changePassword({ actor, credential, input: await readJson(request) }));
});
