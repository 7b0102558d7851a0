/**
 * Brute-force limits on sign-in (OWASP ASVS V2.2.1), counted from the audit log so every app
 * instance sees the same attempts (D8: no state in app servers): at most 5 failures per
 * account and 20 per client address in 15 minutes. Past either, sign-in answers 429.
 */
import { db } from "@/lib/db";

export const WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_ADDRESS = 20;

/** The audit target a failed attempt is counted against: the account, or the email typed. */
export function attemptTarget(userId: string | null, email: string): { targetType: string; targetId: string } {
  return userId ? { targetType: "user", targetId: userId } : { targetType: "email", targetId: email };
}

/**
 * The client address of a request: the last `x-forwarded-for` hop, which is the one added by
 * the server or proxy nearest to us (earlier hops are whatever the client claimed).
 */
export function clientAddress(headers: Headers | Record<string, string | string[] | undefined> | undefined): string {
  if (!headers) return "unknown";
  const get = (name: string): string | null => {
    if (headers instanceof Headers) return headers.get(name);
    const value = headers[name];
    return Array.isArray(value) ? (value.at(-1) ?? null) : (value ?? null);
  };
  const forwarded = get("x-forwarded-for");
  const last = forwarded?.split(",").map((part) => part.trim()).filter(Boolean).at(-1);
  return last ?? get("x-real-ip") ?? "unknown";
}

/** True when sign-in for this email or from this address must wait. */
export async function signInThrottled({ email, address }: { email: string; address: string }): Promise<boolean> {
  const since = new Date(Date.now() - WINDOW_MS);
  const normalized = email.trim().toLowerCase();
  const user = await db.user.findUnique({ where: { email: normalized }, select: { id: true } });
  const target = attemptTarget(user?.id ?? null, normalized);
  const [forAccount, forAddress] = await Promise.all([
    db.auditEvent.count({
      where: { action: "auth.sign_in_failed", ...target, createdAt: { gte: since } },
    }),
    address === "unknown"
      ? Promise.resolve(0)
      : db.auditEvent.count({
          where: { action: "auth.sign_in_failed", createdAt: { gte: since }, after: { path: ["address"], equals: address } },
        }),
  ]);
  return forAccount >= MAX_FAILURES_PER_ACCOUNT || forAddress >= MAX_FAILURES_PER_ADDRESS;
}
