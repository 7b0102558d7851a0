/** Password hashing (argon2id) and the password rules of sign-up. */
import { hash, verify } from "@node-rs/argon2";

// OWASP's argon2id minimum (19 MiB, 2 passes) keeps a sign-in under ~50 ms on two cores.
const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;

/**
 * Passwords that appear at the top of every breach list. Length is the real defence; this
 * list only stops the worst choices, without composition rules (NIST SP 800-63B).
 */
const COMMON_PASSWORDS = new Set([
  "password", "password1", "password12", "password123", "12345678", "123456789", "1234567890",
  "qwertyuiop", "qwerty123", "11111111", "00000000", "iloveyou", "sunshine", "princess",
  "football", "baseball", "welcome1", "letmein1", "abc12345", "admin123", "passw0rd",
  "trustno1", "superman", "starwars", "qwerty12", "1q2w3e4r", "zaq12wsx", "dragon12",
  "monkey12", "changeme", "factdesk",
]);

/** A human message when `password` is not acceptable, else null. */
export function passwordProblem(password: string): string | null {
  if (password.length < PASSWORD_MIN_LENGTH) return `Use at least ${PASSWORD_MIN_LENGTH} characters.`;
  if (password.length > PASSWORD_MAX_LENGTH) return `Use at most ${PASSWORD_MAX_LENGTH} characters.`;
  if (COMMON_PASSWORDS.has(password.toLowerCase())) return "This password is too common; choose another.";
  return null;
}

/** Hashes a password with argon2id. */
export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

/** Checks a password against a stored hash; false for a malformed hash. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;

/**
 * Spends the time of a real verification, so an unknown email answers no faster than a
 * wrong password and sign-in does not reveal which accounts exist.
 */
export async function verifyAgainstDummy(password: string): Promise<void> {
  dummyHash ??= hashPassword("factdesk-timing-equaliser");
  await verifyPassword(await dummyHash, password);
}
