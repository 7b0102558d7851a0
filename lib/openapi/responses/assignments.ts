/** Response schemas of assignments, checked against lib/assignments/present.ts. */
import { z } from "zod";
import { CLAIM_STATUSES } from "@/lib/claims/present";
import type { AssignedWorkDTO, AssignmentDTO } from "@/lib/assignments/present";
import type { AssignmentResultDTO } from "@/lib/assignments/assign";
import { Person, Timestamp, page } from "@/lib/openapi/responses/common";
import { sameType } from "@/lib/openapi/same-type";

export const Assignment = z
  .object({
    assignee: Person,
    dueAt: Timestamp.nullable(),
    assignedAt: Timestamp,
    overdue: z.boolean(),
  })
  .meta({ id: "Assignment", description: "Who is checking an article or a claim, and by when; `overdue` once `dueAt` has passed." });
sameType<z.output<typeof Assignment>, AssignmentDTO>(true);

export const AssignmentResult = z
  .object({ assignment: Assignment.nullable() })
  .meta({ id: "AssignmentResult", description: "The assignment now in force; null when nobody is assigned." });
sameType<z.output<typeof AssignmentResult>, AssignmentResultDTO>(true);

export const AssignedWork = z
  .object({
    type: z.enum(["article", "claim"]),
    id: z.string(),
    articleId: z.string(),
    articleTitle: z.string(),
    quote: z.string().nullable(),
    status: z.enum(CLAIM_STATUSES).nullable(),
    assignment: Assignment,
  })
  .meta({ id: "AssignedWork", description: "An article or a claim assigned to someone." });
sameType<z.output<typeof AssignedWork>, AssignedWorkDTO>(true);

export const AssignedWorkPage = page(AssignedWork).meta({ id: "AssignedWorkPage" });
