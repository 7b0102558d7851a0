/**
 * Brute-force limits on sign-in (OWASP ASVS V2.2.1) that a stranger cannot turn against the
 * account's owner. Counted from the audit log, so every app instance sees the same attempts
 * (D8: no state in app servers). Failed attempts are `auth.sign_in_failed` events carrying the
 * client address (lib/http/client-address.ts); successful ones are `auth.sign_in` events.
 *
 * An address is *known* to an account when the account signed in successfully from it within
 * the last KNOWN_ADDRESS_DAYS days: the owner's office, home, phone network.
 *
 * 1. Per account and address: MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS failures within
 *    WINDOW_MS close that address to that account (known or not) until they age out.
 * 2. Per address: MAX_FAILURES_PER_ADDRESS failures within WINDOW_MS, whatever the accounts,
 *    close the address to every account that does not know it (password spraying).
 * 3. Per account: MAX_UNKNOWN_FAILURES_PER_ACCOUNT failures within ACCOUNT_WINDOW_MS from
 *    addresses the account does not know, all together, close every such address to the account.
 *    Its known addresses stay open, held by rule 1 only.
 *
 * The guarantee: from places where an account has not signed in before, a guesser gets at
 * most 20 tries per hour at its password, however many addresses they use; from any one
 * place, at most 5 per 15 minutes. Nobody elsewhere can lock the owner out of the places they
 * sign in from: only failures from the owner's own address count against it there.
 */
import { db } from "@/lib/db";
import { UNKNOWN_ADDRESS } from "@/lib/http/client-address";

export const WINDOW_MS = 15 * 60 * 1000;
export const ACCOUNT_WINDOW_MS = 60 * 60 * 1000;
export const MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS = 5;
export const MAX_FAILURES_PER_ADDRESS = 20;
export const MAX_UNKNOWN_FAILURES_PER_ACCOUNT = 20;
export const KNOWN_ADDRESS_DAYS = 90;

const FAILED = "auth.sign_in_failed";
const SUCCEEDED = "auth.sign_in";

/** The audit target a failed attempt is counted against: the account, or the email typed. */
export function attemptTarget(userId: string | null, email: string): { targetType: string; targetId: string } {
  return userId ? { targetType: "user", targetId: userId } : { targetType: "email", targetId: email };
}

/** Why sign-in must wait, and for how long at most. */
export interface Throttle {
  rule: "account_and_address" | "address" | "account";
  retryAfterSeconds: number;
}

/** The addresses `userId` signed in from successfully within the last KNOWN_ADDRESS_DAYS days. */
async function knownAddresses(userId: string): Promise<Set<string>> {
  const since = new Date(Date.now() - KNOWN_ADDRESS_DAYS * 24 * 60 * 60 * 1000);
  const rows = await db.auditEvent.findMany({
    where: { action: SUCCEEDED, targetType: "user", targetId: userId, createdAt: { gte: since } },
    select: { after: true },
  });
  const addresses = new Set<string>();
  for (const { after } of rows) {
    if (after && typeof after === "object" && !Array.isArray(after) && typeof after.address === "string") addresses.add(after.address);
  }
  addresses.delete(UNKNOWN_ADDRESS);
  return addresses;
}

function addressOf(after: unknown): string {
  if (after && typeof after === "object" && !Array.isArray(after) && "address" in after && typeof after.address === "string") {
    return after.address;
  }
  return UNKNOWN_ADDRESS;
}

/** Null when sign-in for this email from this address may be tried; else the rule that holds it. */
export async function signInThrottle({ email, address }: { email: string; address: string }): Promise<Throttle | null> {
  const now = Date.now();
  const normalized = email.trim().toLowerCase();
  const user = await db.user.findUnique({ where: { email: normalized }, select: { id: true } });
  const target = attemptTarget(user?.id ?? null, normalized);
  const [accountFailures, known, addressFailures] = await Promise.all([
    db.auditEvent.findMany({
      where: { action: FAILED, ...target, createdAt: { gte: new Date(now - ACCOUNT_WINDOW_MS) } },
      select: { after: true, createdAt: true },
    }),
    user ? knownAddresses(user.id) : Promise.resolve(new Set<string>()),
    address === UNKNOWN_ADDRESS
      ? Promise.resolve(0)
      : db.auditEvent.count({
          where: { action: FAILED, createdAt: { gte: new Date(now - WINDOW_MS) }, after: { path: ["address"], equals: address } },
        }),
  ]);
  const recent = accountFailures.filter((failure) => failure.createdAt.getTime() >= now - WINDOW_MS);
  const fromHere = recent.filter((failure) => addressOf(failure.after) === address).length;
  if (fromHere >= MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS) return { rule: "account_and_address", retryAfterSeconds: WINDOW_MS / 1000 };
  if (known.has(address)) return null;
  if (addressFailures >= MAX_FAILURES_PER_ADDRESS) return { rule: "address", retryAfterSeconds: WINDOW_MS / 1000 };
  const fromStrangers = accountFailures.filter((failure) => !known.has(addressOf(failure.after))).length;
  if (fromStrangers >= MAX_UNKNOWN_FAILURES_PER_ACCOUNT) return { rule: "account", retryAfterSeconds: ACCOUNT_WINDOW_MS / 1000 };
  return null;
}

/** True when sign-in for this email from this address must wait. */
export async function signInThrottled(attempt: { email: string; address: string }): Promise<boolean> {
  return (await signInThrottle(attempt)) !== null;
}
