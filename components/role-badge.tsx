import type { Role } from "@/lib/auth/actor";
import { cn } from "@/lib/cn";

const STYLES: Record<Role, string> = {
  reviewer: "bg-canvas text-muted border-border",
  editor: "bg-accent-soft text-accent border-accent/20",
  admin: "bg-warning-soft text-warning border-warning/20",
};

/** A small label naming a user's role. */
export function RoleBadge({ role }: { role: Role }) {
  return (
    <span className={cn("rounded-full border px-2 py-0.5 text-xs font-medium capitalize", STYLES[role])}>{role}</span>
  );
}
