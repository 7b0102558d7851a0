/** Accounts: sign-up, one's own account, access tokens, and the administrators' user list. */
import { ChangePasswordInput, ChangeRoleInput, NoInput, SignUpInput } from "@/lib/users/schemas";
import { CreateAccessTokenInput } from "@/lib/tokens/schemas";
import { routeDoc, type RouteDoc } from "@/lib/openapi/route-doc";
import { AccessToken, Account, CreatedAccessToken, User } from "@/lib/openapi/responses/accounts";
import { wholeList } from "@/lib/openapi/responses/common";
import { TokenIdParams, UserIdParams } from "@/lib/openapi/routes/params";

const sessionOnly = "A browser session only: with an access token the answer is 403.";
const notSelf = "Never one's own account, and never the last enabled administrator.";

export const routes: RouteDoc[] = [
  routeDoc({
    method: "post",
    path: "/api/signup",
    summary: "Create a reviewer account for oneself",
    description: "Only while sign-up is open on this desk.",
    tags: ["Accounts"],
    access: "public",
    body: SignUpInput,
    responses: {
      201: { description: "The new account; sign in with it.", schema: User },
      403: { description: "Sign-up is closed." },
      409: { description: "The email address is taken." },
    },
  }),
  routeDoc({
    method: "post",
    path: "/api/account/password",
    summary: "Change one's own password",
    description: `Every session of the account ends; sign in again. ${sessionOnly}`,
    tags: ["Accounts"],
    access: "session",
    body: ChangePasswordInput,
    responses: {
      200: { description: "The account.", schema: User },
      403: { description: sessionOnly },
      409: { description: "The password changed meanwhile." },
      429: { description: "Too many wrong passwords.", headers: { "Retry-After": "Seconds to wait." } },
    },
  }),
  routeDoc({
    method: "post",
    path: "/api/account/sign-out-everywhere",
    summary: "End every session of one's own account",
    description: `This one too; access tokens stay. ${sessionOnly}`,
    tags: ["Accounts"],
    access: "session",
    body: NoInput,
    responses: {
      204: { description: "Every session has ended." },
      403: { description: sessionOnly },
    },
  }),
  routeDoc({
    method: "get",
    path: "/api/tokens",
    summary: "List one's personal access tokens",
    description: "Live ones first; never their secrets.",
    tags: ["Access tokens"],
    access: "session",
    responses: { 200: { description: "The caller's tokens.", schema: wholeList(AccessToken) } },
  }),
  routeDoc({
    method: "post",
    path: "/api/tokens",
    summary: "Create a personal access token",
    description: `The secret (\`fd_…\`) is in this answer only: send it as \`Authorization: Bearer fd_…\`. ${sessionOnly}`,
    tags: ["Access tokens"],
    access: "session",
    body: CreateAccessTokenInput,
    responses: {
      201: { description: "The token with its secret.", schema: CreatedAccessToken },
      403: { description: sessionOnly },
    },
  }),
  routeDoc({
    method: "delete",
    path: "/api/tokens/{id}",
    summary: "Revoke one of one's access tokens",
    description: "Revoking a revoked token answers 204 again.",
    tags: ["Access tokens"],
    access: "session",
    params: TokenIdParams,
    responses: {
      204: { description: "Revoked: the token gets 401 from now on." },
      404: { description: "No such token among the caller's." },
    },
  }),
  routeDoc({
    method: "get",
    path: "/api/users",
    summary: "List every account",
    tags: ["Users"],
    access: "admin",
    responses: { 200: { description: "Every account with its role and status.", schema: wholeList(Account) } },
  }),
  routeDoc({
    method: "put",
    path: "/api/users/{id}/role",
    summary: "Set someone's role",
    description: `Applies from their next request. ${notSelf}`,
    tags: ["Users"],
    access: "admin",
    params: UserIdParams,
    body: ChangeRoleInput,
    responses: {
      200: { description: "The account.", schema: Account },
      403: { description: "One's own account: another administrator must do it." },
      404: { description: "No such account." },
      409: { description: "The desk's last enabled administrator." },
    },
  }),
  routeDoc({
    method: "post",
    path: "/api/users/{id}/disable",
    summary: "Disable an account",
    description: `Its sessions and tokens get 401 from their next request. ${notSelf}`,
    tags: ["Users"],
    access: "admin",
    params: UserIdParams,
    body: NoInput,
    responses: {
      200: { description: "The account, disabled.", schema: Account },
      403: { description: "One's own account: another administrator must do it." },
      404: { description: "No such account." },
      409: { description: "The desk's last enabled administrator." },
    },
  }),
  routeDoc({
    method: "post",
    path: "/api/users/{id}/enable",
    summary: "Re-enable a disabled account",
    description: "Its owner signs in again.",
    tags: ["Users"],
    access: "admin",
    params: UserIdParams,
    body: NoInput,
    responses: {
      200: { description: "The account, enabled.", schema: Account },
      404: { description: "No such account." },
    },
  }),
];

