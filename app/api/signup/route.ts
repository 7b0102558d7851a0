import { publicRoute, readJson, json } from "@/lib/http/route";
import { signUp } from "@/lib/users/sign-up";

// POST /api/signup — create a reviewer account for oneself while sign-up is open.
export const POST = publicRoute(async ({ request }) => {
  const user = await signUp({ input: await readJson(request) });
  return json(user, 201);
});
