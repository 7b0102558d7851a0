/** Writes one audit event (D7). Always called inside the transaction of the change it records. */
import { Prisma, type Tx } from "@/lib/db";
import type { AnyActor } from "@/lib/auth/actor";
import { sqlTimestamp } from "@/lib/sql";

export interface AuditEventInput {
  actor: AnyActor | null;
  action: string;
  targetType: string;
  targetId: string;
  /**
   * The claim the event belongs to, for the claim's history. Defaults to the target for
   * claim events; annotation events pass their claim.
   */
  claimId?: string | null;
  before?: Prisma.InputJsonValue | null;
  after?: Prisma.InputJsonValue | null;
}

/** Records who did what to which object, with the state before and after. */
export async function recordEvent(tx: Tx, event: AuditEventInput): Promise<void> {
  await tx.auditEvent.create({
    data: {
      actorId: event.actor?.id ?? null,
      action: event.action,
      targetType: event.targetType,
      targetId: event.targetId,
      claimId: eventClaimId(event),
      before: event.before ?? undefined,
      after: event.after ?? undefined,
    },
    // Nothing is read back: without a select, the insert would return every column, the
    // before/after documents included, only to be thrown away.
    select: { id: true },
  });
}

function eventClaimId(event: AuditEventInput): string | null {
  return event.claimId ?? (event.targetType === "claim" ? event.targetId : null);
}

/**
 * The same event as `INSERT … SELECT … FROM source`, for a change written as one SQL statement
 * (a data-modifying CTE, see lib/annotations/create-annotation.ts): the event is inserted once
 * for each row of `source`, a CTE of that statement, so exactly when the change itself was.
 */
export function auditEventInsert(event: AuditEventInput & { id: string; createdAt: Date }, source: Prisma.Sql): Prisma.Sql {
  const json = (value: Prisma.InputJsonValue | null | undefined) => (value == null ? null : JSON.stringify(value));
  return Prisma.sql`
    INSERT INTO audit_events (id, actor_id, action, target_type, target_id, claim_id, before, after, created_at)
    SELECT ${event.id}, ${event.actor?.id ?? null}, ${event.action}, ${event.targetType}, ${event.targetId},
           ${eventClaimId(event)},
           ${json(event.before)}::jsonb, ${json(event.after)}::jsonb, ${sqlTimestamp(event.createdAt)}
    FROM ${source}`;
}
