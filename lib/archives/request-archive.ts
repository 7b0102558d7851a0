/**
 * Asking for a copy of a source's page: a pending archive row, then a job on the queue
 * (`archive-source`, lib/jobs). The row is written in the transaction that creates the source
 * or changes its address; the job is enqueued once that transaction has committed, so a worker
 * never looks for a row it cannot see yet.
 */
import { db, type Tx } from "@/lib/db";
import { newId } from "@/lib/ids";
import { assertCan } from "@/lib/auth/policy";
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { enqueue } from "@/lib/jobs";
import { annotationNotFound, visibleAnnotationWhere } from "@/lib/annotations/access";
import { ARCHIVE_CHANGES, publishChange } from "@/lib/live/publish";
import { latestArchiveSelect, presentArchive, type SourceArchiveDTO } from "@/lib/archives/present-archive";

/** A pending archive may be asked for again after this long (its job was lost, say). */
export const PENDING_RETRY_AFTER_MS = 10 * 60_000;

export async function createPendingArchive(tx: Tx, annotationId: string, url: string): Promise<string> {
  const { id } = await tx.sourceArchive.create({ data: { id: newId(), annotationId, url, status: "pending" }, select: { id: true } });
  return id;
}

/**
 * Queues the job of a pending archive. The annotation is already stored: a queue that cannot be
 * reached must not fail the request that made it, so this logs, and the archive stays pending
 * until someone asks again (`retryArchive`).
 */
export async function enqueueArchive(archiveId: string): Promise<void> {
  try {
    await enqueue("archive-source", { archiveId }, { singletonKey: archiveId });
  } catch (error) {
    console.error(`[factdesk] could not queue archive ${archiveId}:`, error);
  }
}

/**
 * `POST /api/annotations/:id/archive`: archives the source's current address again when its
 * last attempt failed, was never made, or has been pending for too long. An archived or freshly
 * pending copy is left as it is. Anyone who may see the annotation may ask.
 *
 * The new pending attempt is announced to the source's article in the same transaction
 * (`archive.requested`, D9): every open page whose reader may see the source shows it being
 * archived at once, not only once the copy is done.
 */
export async function retryArchive({ actor, annotationId }: { actor: Actor | null; annotationId: string }): Promise<SourceArchiveDTO> {
  assertCan(actor, "annotation.create");
  const annotation = await db.annotation.findFirst({
    where: { id: annotationId, ...visibleAnnotationWhere(actor) },
    select: { id: true, kind: true, url: true, claimId: true, claim: { select: { articleId: true } }, archives: latestArchiveSelect },
  });
  if (!annotation) throw await annotationNotFound(annotationId);
  if (annotation.kind !== "source" || !annotation.url) {
    throw new AppError("unprocessable", "Only a source with an address can be archived.");
  }
  const url = annotation.url;
  const current = presentArchive(annotation.archives, url);
  const latest = annotation.archives[0];
  if (current?.status === "archived") return current;
  if (current?.status === "pending" && latest) {
    const row = await db.sourceArchive.findUnique({ where: { id: latest.id }, select: { requestedAt: true } });
    if (row && Date.now() - row.requestedAt.getTime() < PENDING_RETRY_AFTER_MS) return current;
  }
  const archiveId = await db.$transaction(async (tx) => {
    const id = await createPendingArchive(tx, annotationId, url);
    await publishChange(tx, { articleId: annotation.claim.articleId, type: ARCHIVE_CHANGES.requested, id: annotationId, claimId: annotation.claimId });
    return id;
  });
  await enqueueArchive(archiveId);
  return { status: "pending", archivedAt: null, url: null, sha256: null, httpStatus: null, error: null, waybackUrl: null };
}
