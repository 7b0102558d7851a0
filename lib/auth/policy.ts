/**
 * What each role may do, as one table (docs/architecture.md, "Roles"). Use cases call
 * `assertCan` before touching data; the UI may call `can` to decide which controls to
 * draw, but the server's answer is the one that counts.
 */
import { AppError } from "@/lib/errors";
import { hasRole, type AnyActor, type Role } from "@/lib/auth/actor";

/** The minimum role for each action; an action missing here is denied. */
const MINIMUM_ROLE = {
  "article.read": "reviewer",
  "article.import": "editor",
  "article.revise": "editor",
  // Claims: any reviewer marks them; removing one is the creator's only while nobody has
  // annotated it (checked in lib/claims/delete-claim.ts), an editor's always.
  "claim.create": "reviewer",
  "claim.delete.own": "reviewer",
  "claim.delete.any": "editor",
  // An orphaned claim (its text gone from a new revision, D2) is put back on text by anyone
  // who could have marked it; closing one is removing it (claim.delete.*).
  "claim.reattach": "reviewer",
  // Recording that two claims are the same claim (and undoing it): anyone who marks claims.
  "claim.link": "reviewer",
  // Suggested sentences (lib/triage): any reviewer dismisses one for the desk, or brings it
  // back; refitting the desk's weights on its examples is an administrator's.
  "suggestion.dismiss": "reviewer",
  "triage.refit": "admin",
  // Annotations: written, edited, submitted, withdrawn and deleted by their author only;
  // the ownership and status rules live in lib/annotations/access.ts.
  "annotation.create": "reviewer",
  "annotation.edit.own": "reviewer",
  // Reviews and replies: any reviewer, on annotations they can see; never a review of one's
  // own work, and a draft's thread is its author's only (lib/annotations/access.ts).
  "annotation.review": "reviewer",
  "annotation.reply": "reviewer",
  // Verified versions: published by editors; reading them needs no role at all (they are
  // public by design), so there is no "version.read" here (lib/versions/get-version.ts).
  "version.publish": "editor",
  // Assignments (lib/assignments/rules.ts): editors assign anyone enabled; a reviewer takes an
  // unassigned claim for themselves and hands back their own.
  "assignment.manage": "editor",
  "assignment.take": "reviewer",
  // Their own notifications and notification settings (lib/notifications/).
  "account.notifications": "reviewer",
  // The dashboard (lib/dashboard): everyone sees their own figures, editors the whole desk's.
  "dashboard.desk": "editor",
  // Their own password and sessions: every account, from a browser session only
  // (lib/users/change-password.ts, lib/users/sign-out-everywhere.ts).
  "account.manage.own": "reviewer",
  // Other people's accounts: list them, change roles, disable and re-enable (lib/users/).
  "user.manage": "admin",
} as const satisfies Record<string, Role>;

export type Action = keyof typeof MINIMUM_ROLE;

/** Whether `actor` may perform `action`. Unknown actions and missing actors are denied. */
export function can(actor: AnyActor | null | undefined, action: string): boolean {
  if (!actor) return false;
  if (!Object.hasOwn(MINIMUM_ROLE, action)) return false;
  const minimum = MINIMUM_ROLE[action as Action];
  return hasRole(actor.role, minimum);
}

/** Throws `unauthenticated` without an actor and `forbidden` when the role is too low. */
export function assertCan(actor: AnyActor | null | undefined, action: Action): asserts actor is AnyActor {
  if (!actor) throw new AppError("unauthenticated", "Sign in to continue.");
  if (!can(actor, action)) throw new AppError("forbidden", "You do not have permission to do this.");
}
