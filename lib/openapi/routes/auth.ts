/**
 * Signing in and out: next-auth's own endpoints under `/api/auth/*` (one catch-all route
 * file), described here as the ones the app uses. A form-encoded API, not JSON.
 */
import { z } from "zod";
import { routeDoc, type RouteDoc } from "@/lib/openapi/route-doc";
import { SESSION_COOKIE } from "@/lib/openapi/session-cookie";

const tags = ["Sign-in (next-auth)"];
const form = "application/x-www-form-urlencoded";

export const routes: RouteDoc[] = [
  routeDoc({
    method: "get",
    path: "/api/auth/csrf",
    summary: "A CSRF token for the sign-in and sign-out forms",
    tags,
    access: "public",
    responses: { 200: { description: "`{csrfToken}`.", schema: z.object({ csrfToken: z.string() }) } },
  }),
  routeDoc({
    method: "get",
    path: "/api/auth/session",
    summary: "The signed-in user of this browser, if any",
    tags,
    access: "public",
    responses: { 200: { description: "The session (`{user, expires, …}`), or `{}` when signed out.", schema: z.looseObject({}) } },
  }),
  routeDoc({
    method: "get",
    path: "/api/auth/providers",
    summary: "The sign-in methods of this desk (email and password)",
    tags,
    access: "public",
    responses: { 200: { description: "next-auth's provider list.", schema: z.record(z.string(), z.looseObject({})) } },
  }),
  routeDoc({
    method: "post",
    path: "/api/auth/callback/credentials",
    summary: "Sign in with email and password",
    description: `A form post (\`${form}\`: \`email\`, \`password\`, \`csrfToken\`). On success the \`${SESSION_COOKIE}\` cookie is set. Past the brute-force limits the answer is 429 before the password is checked.`,
    tags,
    access: "public",
    responses: {
      200: { description: "Signed in (or refused): `{url}` says where to go next; a refusal carries `error` in it.", schema: z.looseObject({ url: z.string() }) },
      302: { description: "The same, for a browser form without JavaScript." },
      429: { description: "Too many failed sign-ins: wait 15 minutes.", headers: { "Retry-After": "Seconds to wait." } },
    },
  }),
  routeDoc({
    method: "post",
    path: "/api/auth/signout",
    summary: "Sign out of this browser",
    description: `A form post (\`${form}\`: \`csrfToken\`). Clears the session cookie.`,
    tags,
    access: "public",
    responses: {
      200: { description: "`{url}`: where to go next.", schema: z.looseObject({ url: z.string() }) },
      302: { description: "The same, for a browser form without JavaScript." },
    },
  }),
];
