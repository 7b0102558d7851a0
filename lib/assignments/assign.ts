/**
 * Assigning an article or a claim to someone, with an optional due date (`PUT
 * /api/{articles,claims}/:id/assignment`). The whole assignment is replaced: a missing
 * `dueAt` means no due date. Audited, and announced live on the article's channel.
 */
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { assertCan } from "@/lib/auth/policy";
import type { Actor } from "@/lib/auth/actor";
import { recordEvent } from "@/lib/audit/record-event";
import { publishChange } from "@/lib/live/publish";
import { lockClaim } from "@/lib/claims/lock-claim";
import { formatDue } from "@/lib/format";
import { AssignInput } from "@/lib/assignments/schemas";
import { assertMayAssign } from "@/lib/assignments/rules";
import { assignmentSelect, presentAssignment, type AssignmentDTO } from "@/lib/assignments/present";
import { excerpt, notify } from "@/lib/notifications/notify";

export interface AssignOptions {
  actor: Actor | null;
  /** The article's or the claim's id. */
  id: string;
  /** `{assigneeId: string | null, dueAt?: string | null}`. */
  input: unknown;
}

/** The answer to an assignment: the new one, or null when nobody is assigned. */
export interface AssignmentResultDTO {
  assignment: AssignmentDTO | null;
}

/** Assigns a claim: editors anyone enabled; a reviewer takes an unassigned claim or hands back their own. */
export async function assignClaim({ actor, id, input }: AssignOptions): Promise<AssignmentResultDTO> {
  assertCan(actor, "assignment.take");
  const data = parseInput(AssignInput, input);
  return db.$transaction(async (tx) => {
    const { articleId } = await lockClaim(tx, id);
    const before = await tx.claim.findUniqueOrThrow({ where: { id }, select: { assigneeId: true, dueAt: true, exact: true } });
    assertMayAssign(actor, { target: "claim", current: before.assigneeId, requested: data.assigneeId });
    await assertAssignable(tx, data.assigneeId);
    const next = nextColumns(before, data);
    const row = await tx.claim.update({ where: { id }, data: next, select: assignmentSelect });
    await recordEvent(tx, {
      actor,
      action: "claim.assigned",
      targetType: "claim",
      targetId: id,
      before: eventState(before),
      after: eventState(next),
    });
    await publishChange(tx, { articleId, type: "claim.assigned", id, claimId: id });
    if (next.assigneeId !== null && next.assigneeId !== before.assigneeId) {
      await notify(tx, {
        actor,
        kind: "assignment",
        recipients: [next.assigneeId],
        target: { type: "claim", id, articleId, claimId: id },
        summary: `assigned you a claim: “${excerpt(before.exact)}”${dueText(next.dueAt)}`,
        audience: null,
      });
    }
    return { assignment: presentAssignment(row) };
  });
}

/** Assigns an article: editors only. */
export async function assignArticle({ actor, id, input }: AssignOptions): Promise<AssignmentResultDTO> {
  assertCan(actor, "assignment.manage");
  const data = parseInput(AssignInput, input);
  return db.$transaction(async (tx) => {
    const locked = await tx.$queryRaw<{ assigneeId: string | null; dueAt: Date | null; title: string }[]>`
      SELECT assignee_id AS "assigneeId", due_at AS "dueAt", title FROM articles WHERE id = ${id} FOR NO KEY UPDATE`;
    const before = locked[0];
    if (!before) throw new AppError("not_found", "No such article.");
    assertMayAssign(actor, { target: "article", current: before.assigneeId, requested: data.assigneeId });
    await assertAssignable(tx, data.assigneeId);
    const next = nextColumns(before, data);
    const row = await tx.article.update({ where: { id }, data: next, select: assignmentSelect });
    await recordEvent(tx, {
      actor,
      action: "article.assigned",
      targetType: "article",
      targetId: id,
      before: eventState(before),
      after: eventState(next),
    });
    await publishChange(tx, { articleId: id, type: "article.assigned", id, claimId: null });
    if (next.assigneeId !== null && next.assigneeId !== before.assigneeId) {
      await notify(tx, {
        actor,
        kind: "assignment",
        recipients: [next.assigneeId],
        target: { type: "article", id, articleId: id, claimId: null },
        summary: `assigned you an article: ${excerpt(before.title)}${dueText(next.dueAt)}`,
        audience: null,
      });
    }
    return { assignment: presentAssignment(row) };
  });
}

/** Only an enabled account can be assigned; 422 naming the field otherwise. */
async function assertAssignable(tx: Tx, assigneeId: string | null): Promise<void> {
  if (assigneeId === null) return;
  const user = await tx.user.findUnique({ where: { id: assigneeId }, select: { disabledAt: true } });
  if (!user) {
    throw new AppError("unprocessable", "No such user to assign.", { fields: { assigneeId: "No such user." } });
  }
  if (user.disabledAt) {
    throw new AppError("unprocessable", "This account is disabled and cannot be assigned.", {
      fields: { assigneeId: "This account is disabled." },
    });
  }
}

interface Columns {
  assigneeId: string | null;
  dueAt: Date | null;
}

function nextColumns(before: Columns, data: { assigneeId: string | null; dueAt?: string | null }) {
  const assigneeId = data.assigneeId;
  return {
    assigneeId,
    dueAt: assigneeId !== null && data.dueAt ? new Date(data.dueAt) : null,
    // A new assignee starts now; a new due date for the same person keeps when they got it.
    ...(assigneeId === before.assigneeId ? {} : { assignedAt: assigneeId === null ? null : new Date() }),
  };
}

/** ", due 8 Dec, 17:00 UTC", or nothing. */
function dueText(dueAt: Date | null): string {
  return dueAt ? `, due ${formatDue(dueAt.toISOString())}` : "";
}

function eventState(columns: Columns) {
  return { assigneeId: columns.assigneeId, dueAt: columns.dueAt ? columns.dueAt.toISOString() : null };
}
