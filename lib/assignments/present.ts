/** The shapes of assignments that leave the domain layer. */
import type { ClaimStatus, PersonDTO } from "@/lib/claims/present";

/** Who is checking an article or a claim, and by when. */
export interface AssignmentDTO {
  assignee: PersonDTO;
  /** When the work is due; null for no due date. */
  dueAt: string | null;
  assignedAt: string;
  /** True when `dueAt` has passed. */
  overdue: boolean;
}

/** One item of someone's work (`GET /api/assignments`). */
export interface AssignedWorkDTO {
  type: "article" | "claim";
  /** The article's or the claim's id. */
  id: string;
  articleId: string;
  articleTitle: string;
  /** The claim's quote; null for an article. */
  quote: string | null;
  /** The claim's status; null for an article. */
  status: ClaimStatus | null;
  assignment: AssignmentDTO;
}

/** Columns of a row that carries an assignment. */
export interface AssignmentColumns {
  assignee: PersonDTO | null;
  dueAt: Date | null;
  assignedAt: Date | null;
}

/** The assignment of a row, or null when nobody is assigned. */
export function presentAssignment(row: AssignmentColumns, now: Date = new Date()): AssignmentDTO | null {
  if (!row.assignee) return null;
  return {
    assignee: { id: row.assignee.id, name: row.assignee.name },
    dueAt: row.dueAt ? row.dueAt.toISOString() : null,
    assignedAt: (row.assignedAt ?? now).toISOString(),
    overdue: row.dueAt !== null && row.dueAt.getTime() < now.getTime(),
  };
}

/** Selects the columns `presentAssignment` needs. */
export const assignmentSelect = {
  assignee: { select: { id: true, name: true } },
  dueAt: true,
  assignedAt: true,
} as const;
