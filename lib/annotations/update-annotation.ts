/** Edits an annotation: a new version (D3), refused when made from an old one. */
import { db, type Prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { assertCan } from "@/lib/auth/policy";
import type { Actor } from "@/lib/auth/actor";
import type { AnnotationDTO } from "@/lib/claims/present";
import { lockClaim } from "@/lib/claims/lock-claim";
import { UpdateSourceInput, UpdateVerificationInput } from "@/lib/annotations/schemas";
import { rationaleFromInput } from "@/lib/annotations/rationale";
import { mentionablePeople, notifyRationaleMentions, replaceMentions } from "@/lib/annotations/rationale-mentions";
import { EDITABLE_STATUSES, findOwnAnnotation, staleVersion, statusAfterEdit } from "@/lib/annotations/access";
import { createPendingArchive, enqueueArchive } from "@/lib/archives/request-archive";
import { annotationColumns, annotationSelect, annotationSnapshot, presentAnnotation } from "@/lib/annotations/present-annotation";
import { finishAnnotationChange } from "@/lib/annotations/finish-change";
import { countsTowardsClaimStatus } from "@/lib/claims/derive-claim-status";

export interface UpdateAnnotationOptions {
  actor: Actor | null;
  annotationId: string;
  /** Any fields of the annotation's kind, plus the `version` the edit was made from. */
  input: unknown;
}

/**
 * Applies an edit by the annotation's author. `input.version` must be the current version,
 * else `stale_version` (409, with `currentVersion`) and nothing changes; a successful edit
 * increments the version, and an annotation that was in review, approved or sent back goes
 * (back) to review as `submitted`. A rejected annotation is final: `conflict`.
 */
export async function updateAnnotation({ actor, annotationId, input }: UpdateAnnotationOptions): Promise<AnnotationDTO> {
  assertCan(actor, "annotation.edit.own");
  const own = await findOwnAnnotation(actor, annotationId);
  const changes = own.kind === "source" ? sourceChanges(input) : verificationChanges(input);
  const { version, mentions } = changes;
  let archiveId: string | null = null;
  const updated = await db.$transaction(async (tx) => {
    const claim = await lockClaim(tx, own.claimId);
    const before = await tx.annotation.findUnique({ where: { id: annotationId }, select: annotationColumns });
    if (!before || before.authorId !== actor.id) throw new AppError("not_found", "No such annotation.");
    if (before.version !== version) throw staleVersion(before.version);
    if (mentions) await mentionablePeople(tx, mentions);
    if (!EDITABLE_STATUSES.has(before.status)) {
      throw new AppError("conflict", "A rejected annotation cannot be edited. Add a new annotation instead.");
    }
    const status = statusAfterEdit(before.status);
    // The compare-and-set that makes concurrent edits safe on its own: of several edits
    // made from the same version, one matches `version` and the rest match nothing, so no
    // edit is silently overwritten. (The claim lock above already serialises them; this
    // also holds against writers that do not take it.)
    const { count } = await tx.annotation.updateMany({
      where: { id: annotationId, authorId: actor.id, version, status: before.status },
      data: {
        ...changes.data,
        version: { increment: 1 },
        status,
        ...(status !== before.status ? { submittedAt: new Date() } : {}),
      },
    });
    if (count !== 1) {
      const now = await tx.annotation.findUnique({ where: { id: annotationId }, select: { version: true } });
      if (!now) throw new AppError("not_found", "No such annotation.");
      throw staleVersion(now.version);
    }
    // A new address is archived anew; the copies of the old one stay as they were.
    if (before.kind === "source" && typeof changes.data.url === "string" && changes.data.url !== before.url) {
      archiveId = await createPendingArchive(tx, annotationId, changes.data.url);
    }
    if (mentions) {
      await replaceMentions(tx, annotationId, mentions);
      // An edit of an annotation in review shows it to everyone at once: newly mentioned people are told now.
      await notifyRationaleMentions(tx, { actor, annotationId, claim });
    }
    const after = await tx.annotation.findUniqueOrThrow({ where: { id: annotationId }, select: annotationSelect });
    await finishAnnotationChange(tx, {
      actor,
      action: "annotation.updated",
      annotationId,
      claim,
      countsTowardsStatus: countsTowardsClaimStatus(before) || countsTowardsClaimStatus(after),
      before: annotationSnapshot(before),
      after: annotationSnapshot(after),
    });
    return presentAnnotation(after, actor);
  });
  if (archiveId) await enqueueArchive(archiveId);
  return updated;
}

type Changes = {
  version: number;
  data: Prisma.AnnotationUpdateManyMutationInput;
  /** The people a new rationale mentions; undefined when the rationale is unchanged. */
  mentions?: string[];
};

function sourceChanges(input: unknown): Changes {
  const { version, kind: _kind, ...fields } = parseInput(UpdateSourceInput, input);
  return { version, data: fields };
}

function verificationChanges(input: unknown): Changes {
  const { version, verdict, rationale } = parseInput(UpdateVerificationInput, input);
  const stored = rationale === undefined ? undefined : rationaleFromInput(rationale);
  return {
    version,
    data: {
      ...(verdict !== undefined ? { verdict } : {}),
      ...(stored ? { rationale: stored.doc, rationaleText: stored.text } : {}),
    },
    ...(stored ? { mentions: stored.mentions } : {}),
  };
}
