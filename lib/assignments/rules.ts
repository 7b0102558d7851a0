/**
 * Who may assign whom (lib/auth/policy.ts holds the roles):
 * - an editor (or admin) assigns anyone enabled, changes the due date, or assigns nobody;
 * - a reviewer takes an unassigned claim (assigns themselves), and hands back a claim that is
 *   theirs; nothing else;
 * - articles are assigned by editors only.
 * Whether the assignee is enabled is checked against the database (lib/assignments/assign.ts).
 */
import { AppError } from "@/lib/errors";
import { can } from "@/lib/auth/policy";
import type { Actor } from "@/lib/auth/actor";

export interface AssignmentChange {
  target: "article" | "claim";
  /** Who is assigned now; null for nobody. */
  current: string | null;
  /** Who is to be assigned; null for nobody. */
  requested: string | null;
}

/** Throws `forbidden` when `actor` may not make `change`. */
export function assertMayAssign(actor: Actor, change: AssignmentChange): void {
  if (can(actor, "assignment.manage")) return;
  if (change.target === "claim" && can(actor, "assignment.take")) {
    const takes = change.current === null && change.requested === actor.id;
    const handsBack = change.current === actor.id && change.requested === null;
    const ownDueDate = change.current === actor.id && change.requested === actor.id;
    if (takes || handsBack || ownDueDate) return;
    if (change.current !== null && change.current !== actor.id) {
      throw new AppError("forbidden", "This claim is assigned to someone else; an editor can reassign it.");
    }
    throw new AppError("forbidden", "Reviewers can take an unassigned claim for themselves; an editor assigns others.");
  }
  throw new AppError("forbidden", "Only editors assign articles.");
}

/** What the UI may offer `actor` for a claim assigned to `current` (the server decides for real). */
export function claimAssignAbilities(actor: Actor, current: string | null): { assign: boolean; take: boolean; release: boolean } {
  const manage = can(actor, "assignment.manage");
  const take = can(actor, "assignment.take");
  return {
    assign: manage,
    take: take && current === null,
    release: manage || (take && current === actor.id),
  };
}
