/** Someone's work: the articles and claims assigned to them, overdue first. */
import { decodeNullableCursor, encodeCursor } from "@/lib/reviews/cursor";
import { db, Prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { assertCan, can } from "@/lib/auth/policy";
import type { Actor } from "@/lib/auth/actor";
import type { ClaimStatus } from "@/lib/claims/present";
import { sqlTimestamp } from "@/lib/sql";
import { ListAssignmentsInput } from "@/lib/assignments/schemas";
import { presentAssignment, type AssignedWorkDTO } from "@/lib/assignments/present";

export interface ListAssignmentsOptions {
  actor: Actor | null;
  /** `{assignee?: "me" | userId, cursor?, limit?}`. */
  input?: unknown;
}

interface WorkRow {
  type: "article" | "claim";
  id: string;
  articleId: string;
  articleTitle: string;
  quote: string | null;
  status: ClaimStatus | null;
  dueAt: Date | null;
  assignedAt: Date | null;
  assigneeId: string;
  assigneeName: string;
}

/**
 * A page of the work assigned to `assignee` (`me` by default; editors may name anyone): by due
 * date, earliest first, so what is overdue comes first and work without a due date last. One
 * statement over both kinds of work, keyset-paged on (due date, id).
 */
export async function listAssignments({ actor, input = {} }: ListAssignmentsOptions): Promise<{
  items: AssignedWorkDTO[];
  nextCursor: string | null;
}> {
  assertCan(actor, "article.read");
  const { assignee, cursor, limit } = parseInput(ListAssignmentsInput, input);
  const assigneeId = assignee === "me" ? actor.id : assignee;
  if (assigneeId !== actor.id && !can(actor, "assignment.manage")) {
    throw new AppError("forbidden", "Only editors see other people's work; use assignee=me.");
  }
  const decoded = cursor ? decodeNullableCursor(cursor) : null;
  const after = decoded ? { dueAt: decoded.at, id: decoded.id } : null;
  const afterCondition = !after
    ? Prisma.empty
    : after.dueAt === null
      ? Prisma.sql`WHERE w."dueAt" IS NULL AND w.id > ${after.id}`
      : Prisma.sql`WHERE w."dueAt" IS NULL OR (w."dueAt", w.id) > (${sqlTimestamp(after.dueAt)}, ${after.id})`;
  const rows = await db.$queryRaw<WorkRow[]>`
    SELECT w.*, u.name AS "assigneeName"
    FROM (
      SELECT 'claim' AS type, c.id, c.article_id AS "articleId", a.title AS "articleTitle", c.exact AS quote,
             c.status::text AS status, c.due_at AS "dueAt", c.assigned_at AS "assignedAt", c.assignee_id AS "assigneeId"
      FROM claims c JOIN articles a ON a.id = c.article_id
      WHERE c.assignee_id = ${assigneeId}
      UNION ALL
      SELECT 'article', a.id, a.id, a.title, NULL, NULL, a.due_at, a.assigned_at, a.assignee_id
      FROM articles a
      WHERE a.assignee_id = ${assigneeId}
    ) w
    JOIN users u ON u.id = w."assigneeId"
    ${afterCondition}
    ORDER BY w."dueAt" ASC NULLS LAST, w.id ASC
    LIMIT ${limit + 1}`;
  const now = new Date();
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map((row) => ({
      type: row.type,
      id: row.id,
      articleId: row.articleId,
      articleTitle: row.articleTitle,
      quote: row.quote,
      status: row.status,
      assignment: presentAssignment(
        { assignee: { id: row.assigneeId, name: row.assigneeName }, dueAt: row.dueAt, assignedAt: row.assignedAt },
        now,
      )!,
    })),
    nextCursor: rows.length > limit && last ? encodeCursor(last.dueAt, last.id) : null,
  };
}
