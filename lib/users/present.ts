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

/** The acting user built from a loaded row. */
export function toActor(user: UserDTO): Actor {
  return { kind: "user", id: user.id, name: user.name, email: user.email, role: user.role };
}
