/**
 * A claim's history (D7): its audit events and those of its annotations, deleted ones
 * included, oldest first, each with a sentence (lib/claims/describe-event.ts).
 *
 * What others may not see stays out. Drafts are their author's alone, so for anyone but an
 * annotation's author:
 * - an annotation that is a draft now (never submitted, or withdrawn), or was one when it was
 *   deleted, leaves no trace at all — not even that it exists;
 * - of the others, events from their draft days (created, edited while a draft) are left out:
 *   to everyone else the annotation appeared when it was submitted.
 * Sentences never carry content, so what is shown leaks no text either.
 */
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { assertCan } from "@/lib/auth/policy";
import type { Actor } from "@/lib/auth/actor";
import type { HistoryEntryDTO } from "@/lib/claims/present";
import { describeEvent, snapshotField } from "@/lib/claims/describe-event";

export interface GetClaimHistoryOptions {
  actor: Actor | null;
  claimId: string;
}

/** Who wrote an annotation and its last known status, which decide who sees its events. */
interface AnnotationFacts {
  authorId: string | null;
  status: unknown;
}

/** The history of a claim as `actor` may see it; `not_found` when there is no such claim. Two queries. */
export async function getClaimHistory({ actor, claimId }: GetClaimHistoryOptions): Promise<{ items: HistoryEntryDTO[] }> {
  assertCan(actor, "article.read");
  const [claim, events] = await Promise.all([
    db.claim.findUnique({
      where: { id: claimId },
      select: { id: true, annotations: { select: { id: true, authorId: true, status: true } } },
    }),
    // audit_events.claim_id (lib/audit/record-event.ts) finds the events of annotations
    // deleted since, which no join through `annotations` could.
    db.auditEvent.findMany({
      where: { claimId },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: {
        id: true,
        action: true,
        targetType: true,
        targetId: true,
        actorId: true,
        before: true,
        after: true,
        createdAt: true,
        actor: { select: { id: true, name: true } },
      },
    }),
  ]);
  if (!claim) throw new AppError("not_found", "No such claim.");

  const facts = new Map<string, AnnotationFacts>();
  for (const annotation of claim.annotations) facts.set(annotation.id, { authorId: annotation.authorId, status: annotation.status });
  for (const event of events) {
    // Deleted annotations: their author deleted them, and their last status is in the snapshot.
    if (event.action === "annotation.deleted" && !facts.has(event.targetId)) {
      facts.set(event.targetId, { authorId: event.actorId, status: snapshotField(event.before, "status") });
    }
  }

  const items: HistoryEntryDTO[] = [];
  for (const event of events) {
    const annotationId = event.targetType === "annotation" ? event.targetId : null;
    if (annotationId && !visibleTo(actor, facts.get(annotationId), event)) continue;
    items.push({
      id: event.id,
      action: event.action,
      summary: describeEvent({ action: event.action, actorName: event.actor?.name ?? null, before: event.before, after: event.after }),
      actor: event.actor ? { id: event.actor.id, name: event.actor.name } : null,
      createdAt: event.createdAt.toISOString(),
      annotationId,
    });
  }
  return { items };
}

/** Whether `actor` may see an event of an annotation (the rules in the header). */
function visibleTo(actor: Actor, facts: AnnotationFacts | undefined, event: { before: unknown; after: unknown }): boolean {
  if (!facts) return false; // unknown author: keep it out rather than guess
  if (facts.authorId === actor.id) return true;
  if (facts.status === "draft" || facts.status === undefined) return false;
  const draftOrNone = (snapshot: unknown) => {
    const status = snapshotField(snapshot, "status");
    return status === undefined || status === "draft";
  };
  return !(draftOrNone(event.before) && draftOrNone(event.after));
}
