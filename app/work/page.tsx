import type { Metadata } from "next";
import { requirePageActor } from "@/lib/auth/session";
import { listAssignments } from "@/lib/assignments/list-assignments";
import { MyWork } from "@/components/assignments/my-work";

export const metadata: Metadata = { title: "My work" };

export default async function MyWorkPage() {
  const actor = await requirePageActor("/work");
  const { items } = await listAssignments({ actor, input: { assignee: "me", limit: 100 } });
  const overdue = items.filter((item) => item.assignment.overdue).length;
  return (
    <div className="mx-auto grid max-w-3xl gap-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">My work</h1>
        <p className="mt-1 text-sm text-muted">
          Articles and claims assigned to you, by due date: overdue work first
          {overdue > 0 ? <span className="font-medium text-danger"> ({overdue} overdue)</span> : null}.
        </p>
      </div>
      <MyWork items={items} />
    </div>
  );
}
