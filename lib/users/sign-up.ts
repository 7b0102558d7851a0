/** Self-service sign-up: anyone may create a reviewer account while sign-up is open. */
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { hashPassword } from "@/lib/auth/password";
import { recordEvent } from "@/lib/audit/record-event";
import { SignUpInput } from "@/lib/users/schemas";
import { presentUser, userSelect, type UserDTO } from "@/lib/users/present";
import { isUniqueViolation } from "@/lib/users/unique-violation";

/** Whether the sign-up page and endpoint accept new accounts (`FACTDESK_SIGNUP=off` closes them). */
export function signUpEnabled(): boolean {
  return (process.env.FACTDESK_SIGNUP ?? "on").toLowerCase() !== "off";
}

const TAKEN = "An account with this email already exists.";

/** Creates a reviewer account for the person signing up. */
export async function signUp({ input }: { input: unknown }): Promise<UserDTO> {
  if (!signUpEnabled()) throw new AppError("forbidden", "Sign-up is closed; ask an administrator for an account.");
  const data = parseInput(SignUpInput, input);
  const existing = await db.user.findUnique({ where: { email: data.email }, select: { id: true } });
  if (existing) throw new AppError("conflict", TAKEN, { fields: { email: TAKEN } });
  const passwordHash = await hashPassword(data.password);
  try {
    return await db.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: { name: data.name, email: data.email, role: "reviewer", passwordHash },
        select: userSelect,
      });
      await recordEvent(tx, {
        actor: { kind: "user", id: user.id, name: user.name, email: user.email, role: user.role },
        action: "user.signed_up",
        targetType: "user",
        targetId: user.id,
        after: { name: user.name, email: user.email, role: user.role },
      });
      return presentUser(user);
    });
  } catch (error) {
    // Two sign-ups racing for one email: the unique index decides.
    if (isUniqueViolation(error)) throw new AppError("conflict", TAKEN, { fields: { email: TAKEN } });
    throw error;
  }
}
