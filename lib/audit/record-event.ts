/** Writes one audit event (D7). Always called inside the transaction of the change it records. */
import type { Prisma, Tx } from "@/lib/db";
import type { AnyActor } from "@/lib/auth/actor";

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
      claimId: event.claimId ?? (event.targetType === "claim" ? event.targetId : null),
      before: event.before ?? undefined,
      after: event.after ?? undefined,
    },
    // Nothing is read back: without a select, the insert would return every column, the
    // before/after documents included, only to be thrown away.
    select: { id: true },
  });
}
