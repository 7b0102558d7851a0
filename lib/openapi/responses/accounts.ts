/** Response schemas of accounts and access tokens, checked against lib/users and lib/tokens. */
import { z } from "zod";
import { ROLES } from "@/lib/auth/actor";
import type { AccountDTO, UserDTO } from "@/lib/users/present";
import type { AccessTokenDTO } from "@/lib/tokens/present";
import { Timestamp } from "@/lib/openapi/responses/common";
import { sameType } from "@/lib/openapi/same-type";

const userFields = { id: z.string(), name: z.string(), email: z.string(), role: z.enum(ROLES) };

export const User = z.object(userFields).meta({ id: "User" });
sameType<z.output<typeof User>, UserDTO>(true);

export const Account = z
  .object({ ...userFields, status: z.enum(["active", "disabled"]), disabledAt: Timestamp.nullable(), createdAt: Timestamp })
  .meta({ id: "Account", description: "An account as an administrator sees it." });
sameType<z.output<typeof Account>, AccountDTO>(true);

const tokenFields = {
  id: z.string(),
  name: z.string(),
  prefix: z.string().meta({ description: "The first characters of the secret, for telling tokens apart." }),
  createdAt: Timestamp,
  lastUsedAt: Timestamp.nullable(),
  revokedAt: Timestamp.nullable(),
};

export const AccessToken = z.object(tokenFields).meta({ id: "AccessToken", description: "A personal access token; never its secret." });
sameType<z.output<typeof AccessToken>, AccessTokenDTO>(true);

export const CreatedAccessToken = z
  .object({ ...tokenFields, secret: z.string().meta({ description: "The token (`fd_…`): shown in this response only." }) })
  .meta({ id: "CreatedAccessToken" });
sameType<Omit<z.output<typeof CreatedAccessToken>, "secret">, AccessTokenDTO>(true);
