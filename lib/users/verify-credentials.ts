/** Checks an email and password at sign-in and records the attempt. */
import { db } from "@/lib/db";
import { CredentialsInput } from "@/lib/users/schemas";
import { verifyAgainstDummy, verifyPassword } from "@/lib/auth/password";
import { recordEvent } from "@/lib/audit/record-event";
import { attemptTarget, signInThrottled } from "@/lib/auth/sign-in-throttle";

/**
 * Thrown for the right password of a disabled account, so the sign-in page can say why
 * instead of "wrong password". Only someone who knows the password learns the account is
 * disabled. Its message is the error code next-auth hands to the sign-in form.
 */
export class AccountDisabledError extends Error {
  constructor() {
    super("AccountDisabled");
    this.name = "AccountDisabledError";
  }
}

export interface VerifiedUser {
  id: string;
  name: string;
  email: string;
  role: "reviewer" | "editor" | "admin";
  tokenVersion: number;
}

/**
 * The user for these credentials, or null. Unknown emails cost as much time as wrong
 * passwords; every failure is recorded (with the client address) and counts towards the
 * sign-in limits, which refuse even a right password once reached. The right password of a
 * disabled account is a failure too, and throws `AccountDisabledError`.
 */
export async function verifyCredentials(input: unknown, { address = "unknown" }: { address?: string } = {}): Promise<VerifiedUser | null> {
  const parsed = CredentialsInput.safeParse(input);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  if (await signInThrottled({ email, address })) {
    await verifyAgainstDummy(password);
    return null;
  }
  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, name: true, email: true, role: true, tokenVersion: true, passwordHash: true, disabledAt: true },
  });
  if (!user) {
    await verifyAgainstDummy(password);
    await db.$transaction(async (tx) => {
      await recordEvent(tx, { actor: null, action: "auth.sign_in_failed", ...attemptTarget(null, email), after: { address } });
    });
    return null;
  }
  const passwordRight = await verifyPassword(user.passwordHash, password);
  const disabled = passwordRight && user.disabledAt !== null;
  const ok = passwordRight && !disabled;
  await db.$transaction(async (tx) => {
    await recordEvent(tx, {
      actor: null,
      action: ok ? "auth.sign_in" : "auth.sign_in_failed",
      ...attemptTarget(user.id, email),
      after: disabled ? { address, reason: "disabled" } : { address },
    });
  });
  if (disabled) throw new AccountDisabledError();
  if (!ok) return null;
  return { id: user.id, name: user.name, email: user.email, role: user.role, tokenVersion: user.tokenVersion };
}
