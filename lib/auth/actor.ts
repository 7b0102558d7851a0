/**
 * Who is acting. Every use case takes an actor; the role comes from the database row
 * loaded for this request, never from the session token (D6).
 */
export const ROLES = ["reviewer", "editor", "admin"] as const;
export type Role = (typeof ROLES)[number];

export interface Actor {
  kind: "user";
  id: string;
  name: string;
  email: string;
  role: Role;
}

/**
 * The seed and the command-line tools act as the system: trusted code run by whoever
 * operates the server, never reachable from a request.
 */
export interface SystemActor {
  kind: "system";
  id: null;
  role: "admin";
}

export const SYSTEM: SystemActor = Object.freeze({ kind: "system", id: null, role: "admin" });

export type AnyActor = Actor | SystemActor;

const RANK: Record<Role, number> = { reviewer: 1, editor: 2, admin: 3 };

/** True when `role` carries at least the powers of `minimum`. */
export function hasRole(role: Role, minimum: Role): boolean {
  return RANK[role] >= RANK[minimum];
}
