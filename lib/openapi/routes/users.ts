/** The API reference of the account routes that changed with pagination (GET /api/users). */
import { z } from "zod";
import { ROLES } from "@/lib/auth/actor";
import { routeDoc, type RouteDoc } from "@/lib/openapi/route-doc";
import { ListUsersInput } from "@/lib/users/schemas";
import type { AccountDTO } from "@/lib/users/present";
import type { AccountPage } from "@/lib/users/list-users";

/** An account as GET /api/users lists it; checked against AccountDTO below. */
export const AccountSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  role: z.enum(ROLES),
  status: z.enum(["active", "disabled"]),
  disabledAt: z.string().nullable(),
  createdAt: z.string(),
});

export const AccountPageSchema = z.object({ items: z.array(AccountSchema), nextCursor: z.string().nullable() });

// The schema and the presenter's types must describe the same shape, both ways.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const accountMatches: Same<z.infer<typeof AccountSchema>, AccountDTO> = true;
const pageMatches: Same<z.infer<typeof AccountPageSchema>, AccountPage> = true;
void accountMatches;
void pageMatches;

export const routes: RouteDoc[] = [
  routeDoc({
    method: "get",
    path: "/api/users",
    summary: "List accounts, a page at a time",
    description:
      "Every account by name (then email), with its role and status; never a password hash. Pass `nextCursor` back as `cursor` for the next page; it is null on the last.",
    tags: ["Users"],
    access: "admin",
    query: ListUsersInput,
    responses: {
      200: { description: "A page of accounts.", schema: AccountPageSchema },
      400: { description: "A malformed `limit` (1–100) or `cursor`." },
      401: { description: "Not signed in." },
      403: { description: "Not an administrator." },
    },
  }),
];
