import { AlarmClock } from "lucide-react";
import type { AssignmentDTO } from "@/lib/assignments/present";
import { formatDue } from "@/lib/format";
import { cn } from "@/lib/cn";

/** "due 8 Dec, 17:00 UTC", marked in red once overdue; nothing without a due date. */
export function DueLabel({ assignment, className }: { assignment: AssignmentDTO; className?: string }) {
  if (!assignment.dueAt) return null;
  if (assignment.overdue) {
    return (
      <span
        className={cn("inline-flex items-center gap-1 rounded border border-danger/25 bg-danger-soft px-1.5 py-px text-xs font-medium text-danger", className)}
        data-testid="overdue"
      >
        <AlarmClock aria-hidden className="size-3.5" />
        Overdue · due {formatDue(assignment.dueAt)}
      </span>
    );
  }
  return <span className={cn("text-xs text-muted", className)}>due {formatDue(assignment.dueAt)}</span>;
}

/** "Alice · due …", or "Nobody assigned". */
export function AssigneeLine({ assignment }: { assignment: AssignmentDTO | null }) {
  if (!assignment) return <span className="text-xs text-muted">Nobody assigned</span>;
  return (
    <span className="inline-flex flex-wrap items-center gap-x-2 gap-y-1">
      <span className="text-sm">
        <span className="text-muted">Assigned to </span>
        <span className="font-medium text-ink" data-testid="assignee">
          {assignment.assignee.name}
        </span>
      </span>
      <DueLabel assignment={assignment} />
    </span>
  );
}
