import type { Role } from "@/lib/auth/actor";

declare module "next-auth" {
  interface Session {
    user: { id: string; name: string; email: string; role: Role };
    /** The account's token version when this session was issued; see lib/users/resolve-actor.ts. */
    tokenVersion: number;
  }
  interface User {
    id: string;
    name: string;
    email: string;
    role: Role;
    tokenVersion: number;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    role?: Role;
    tokenVersion?: number;
  }
}
