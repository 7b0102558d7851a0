/** The acting user of the current request, from the session cookie. */
import { getServerSession } from "next-auth";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { authOptions } from "@/lib/auth/options";
import type { Actor } from "@/lib/auth/actor";
import { resolveActor } from "@/lib/users/resolve-actor";
import { recordDenialSafely } from "@/lib/audit/record-denial";
import { clientAddress } from "@/lib/http/client-address";

/** The signed-in user, checked against the database, or null. */
export async function getSessionActor(): Promise<Actor | null> {
  return (await readSession()).actor;
}

/**
 * The session cookie's user, checked against the database. `refusedUserId` names the account
 * of a valid cookie that no longer counts (the account is disabled, or signed out everywhere
 * since): such a request is anonymous, but its refusal is worth recording against the account.
 */
export async function readSession(): Promise<{ actor: Actor | null; refusedUserId: string | null }> {
  const session = await getServerSession(authOptions);
  if (!session?.user?.id) return { actor: null, refusedUserId: null };
  const actor = await resolveActor({ userId: session.user.id, tokenVersion: session.tokenVersion });
  return { actor, refusedUserId: actor ? null : session.user.id };
}

/** A page's pattern and the `[id]` it was asked for, as refusals of pages are recorded. */
export interface PageRef {
  /** The page's route pattern, e.g. `/articles/[id]/publish`. */
  pattern: string;
  id?: string;
}

/** The page ref of a path that has no dynamic segment. */
function refOf(returnTo: string | PageRef): PageRef {
  return typeof returnTo === "string" ? { pattern: returnTo.split("?")[0] ?? returnTo } : returnTo;
}

function pathOf(page: PageRef): string {
  return page.id === undefined ? page.pattern : page.pattern.replace("[id]", encodeURIComponent(page.id));
}

/**
 * For pages: the signed-in user, or a redirect to sign-in that comes back to the page. A
 * session cookie that no longer counts (disabled account, signed out everywhere) is recorded
 * as a refused request, like the API's 401 for it (lib/audit/record-denial.ts).
 */
export async function requirePageActor(page: string | PageRef): Promise<Actor> {
  const ref = refOf(page);
  const { actor, refusedUserId } = await readSession();
  if (!actor) {
    if (refusedUserId) {
      await recordPageDenial(ref, { actorId: refusedUserId, status: 401, code: "unauthenticated" });
    }
    redirect(`/signin?callbackUrl=${encodeURIComponent(pathOf(ref))}`);
  }
  return actor;
}

/**
 * Records that a signed-in account was refused a page its role does not allow (the page then
 * draws its "only editors …" card, or 404s). The same `access.denied` event as a refused API
 * request; never throws.
 */
export async function refusePage(actor: Actor, page: string | PageRef): Promise<void> {
  await recordPageDenial(refOf(page), { actorId: actor.id, status: 403, code: "forbidden" });
}

async function recordPageDenial(page: PageRef, refusal: { actorId: string; status: 401 | 403; code: string }): Promise<void> {
  let address = "unknown";
  try {
    address = clientAddress(await headers());
  } catch {
    // Outside a request (a test calling the page): the address is unknown.
  }
  await recordDenialSafely({
    ...refusal,
    route: `GET ${page.pattern}`,
    targetId: page.id ?? null,
    credential: "session",
    address,
  });
}
