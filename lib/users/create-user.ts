/** Creates an account: by an administrator, the seed or the command line. */
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { assertCan } from "@/lib/auth/policy";
import type { AnyActor } from "@/lib/auth/actor";
import { hashPassword } from "@/lib/auth/password";
import { recordEvent } from "@/lib/audit/record-event";
import { CreateUserInput } from "@/lib/users/schemas";
import { presentUser, userSelect, type UserDTO } from "@/lib/users/present";
import { isUniqueViolation } from "@/lib/users/unique-violation";

/** Creates a user with the given role; `conflict` when the email is taken. */
export async function createUser({ actor, input }: { actor: AnyActor; input: unknown }): Promise<UserDTO> {
  assertCan(actor, "user.manage");
  const data = parseInput(CreateUserInput, input);
  const passwordHash = await hashPassword(data.password);
  try {
    return await db.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: { name: data.name, email: data.email, role: data.role, passwordHash },
        select: userSelect,
      });
      await recordEvent(tx, {
        actor,
        action: "user.created",
        targetType: "user",
        targetId: user.id,
        after: { name: user.name, email: user.email, role: user.role },
      });
      return presentUser(user);
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError("conflict", "An account with this email already exists.", {
        fields: { email: "An account with this email already exists." },
      });
    }
    throw error;
  }
}
