/** The shapes of a user that leave the domain layer. Password and token hashes never do. */
import type { Actor, Role } from "@/lib/auth/actor";

export interface UserDTO {
  id: string;
  name: string;
  email: string;
  role: Role;
}

/** Selects only the columns a presenter needs. */
export const userSelect = { id: true, name: true, email: true, role: true } as const;

/** A user as shown to themselves or an administrator. */
export function presentUser(user: UserDTO): UserDTO {
  return { id: user.id, name: user.name, email: user.email, role: user.role };
}

/** An account as an administrator sees it in the user list. */
export interface AccountDTO extends UserDTO {
  status: "active" | "disabled";
  disabledAt: string | null;
  createdAt: string;
}

/** Selects the columns of the user list: never `passwordHash` or `tokenVersion`. */
export const accountSelect = { ...userSelect, disabledAt: true, createdAt: true } as const;

interface AccountRow extends UserDTO {
  disabledAt: Date | null;
  createdAt: Date;
}

/** An account for the administrators' user list. */
export function presentAccount(row: AccountRow): AccountDTO {
  return {
    ...presentUser(row),
    status: row.disabledAt === null ? "active" : "disabled",
    disabledAt: row.disabledAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

/** The acting user built from a loaded row. */
export function toActor(user: UserDTO): Actor {
  return { kind: "user", id: user.id, name: user.name, email: user.email, role: user.role };
}
