/** Input schemas for accounts. */
import { z } from "zod";
import { ROLES } from "@/lib/auth/actor";
import { passwordProblem } from "@/lib/auth/password";

const email = z
  .string({ error: "Enter your email address." })
  .trim()
  .toLowerCase()
  .max(254, "An email address has at most 254 characters.")
  .pipe(z.email({ error: "Enter a valid email address." }));

const password = z.string({ error: "Enter a password." }).superRefine((value, ctx) => {
  const problem = passwordProblem(value);
  if (problem) ctx.addIssue({ code: "custom", message: problem });
});

const name = z
  .string({ error: "Enter your name." })
  .trim()
  .min(1, "Enter your name.")
  .max(100, "A name has at most 100 characters.");

/** What anyone may send to create their own account. */
export const SignUpInput = z.strictObject({ name, email, password });
export type SignUpInput = z.input<typeof SignUpInput>;

/** What an administrator or the command line may send to create an account. */
export const CreateUserInput = z.strictObject({
  name,
  email,
  password,
  role: z.enum(ROLES, { error: "Role must be reviewer, editor or admin." }).default("reviewer"),
});
export type CreateUserInput = z.input<typeof CreateUserInput>;

/** What a signed-in user sends to change their own password. */
export const ChangePasswordInput = z
  .strictObject({
    currentPassword: z
      .string({ error: "Enter your current password." })
      .min(1, "Enter your current password.")
      .max(1024, "Enter your current password."),
    newPassword: password,
  })
  .refine((data) => data.newPassword !== data.currentPassword, {
    message: "Choose a password different from your current one.",
    path: ["newPassword"],
  });
export type ChangePasswordInput = z.input<typeof ChangePasswordInput>;

/** What an administrator sends to change someone's role. */
export const ChangeRoleInput = z.strictObject({
  role: z.enum(ROLES, { error: "Role must be reviewer, editor or admin." }),
});
export type ChangeRoleInput = z.input<typeof ChangeRoleInput>;

/** Actions without parameters (sign out everywhere, disable, enable) take an empty object. */
export const NoInput = z.strictObject({});

/** Sign-in form fields. */
export const CredentialsInput = z.object({
  email: z.string().trim().toLowerCase().max(254),
  password: z.string().max(1024),
});

/** A page of the account list (GET /api/users): the cursor is the last account's id. */
export const ListUsersInput = z.strictObject({
  cursor: z.string().max(100).nullish(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export type ListUsersInput = z.input<typeof ListUsersInput>;
