/** Input schemas for personal access tokens. */
import { z } from "zod";

/** What a user sends to create a token: a name that says what will use it. */
export const CreateAccessTokenInput = z.strictObject({
  name: z
    .string({ error: "Enter a name for the token." })
    .trim()
    .min(1, "Enter a name for the token.")
    .max(100, "A token name has at most 100 characters."),
});
export type CreateAccessTokenInput = z.input<typeof CreateAccessTokenInput>;
