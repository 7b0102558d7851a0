/** Input schemas for assignments: who checks an article or a claim, and by when. */
import { z } from "zod";
import { PageInput } from "@/lib/reviews/schemas";

/**
 * A new assignment, or none: `{assigneeId, dueAt?}`. `assigneeId: null` clears the assignment
 * (and its due date); `dueAt` is an instant with its offset (`2026-12-08T17:00:00Z`) or null.
 */
export const AssignInput = z
  .strictObject({
    assigneeId: z
      .string({ error: "Send the id of the person to assign, or null to assign nobody." })
      .min(1, "Send the id of the person to assign, or null to assign nobody.")
      .max(100, "No such user.")
      .nullable()
      .meta({ description: "The user to assign; null assigns nobody." }),
    dueAt: z.iso
      .datetime({ offset: true, error: "Send the due date as a date and time with its offset, e.g. 2026-12-08T17:00:00Z." })
      .nullish()
      .meta({ description: "When the work is due (ISO 8601 with offset); null or absent for no due date." }),
  })
  .refine((value) => value.assigneeId !== null || value.dueAt == null, {
    message: "A due date needs someone assigned.",
    path: ["dueAt"],
  });
export type AssignInput = z.input<typeof AssignInput>;

/** `GET /api/assignments`: whose work (`me`, or a user id for editors), a page at a time. */
export const ListAssignmentsInput = PageInput.extend({
  assignee: z.string({ error: "Send assignee=me or a user id." }).min(1).max(100).default("me"),
});
