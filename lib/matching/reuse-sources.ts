/**
 * "Reuse sources" of a match: the approved sources of a claim checked before become the
 * caller's own drafts on this claim. They go through review like any source written by hand;
 * nothing of the other claim changes. A source the caller already has on this claim (same
 * address) is not copied twice.
 */
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { parseInput } from "@/lib/validation";
import { assertCan } from "@/lib/auth/policy";
import type { Actor } from "@/lib/auth/actor";
import type { AnnotationDTO } from "@/lib/claims/present";
import { recordEvent } from "@/lib/audit/record-event";
import { publishChange } from "@/lib/live/publish";
import { lockClaim } from "@/lib/claims/lock-claim";
import { ReuseSourcesInput } from "@/lib/search/schemas";
import {
  annotationScalars,
  annotationSnapshot,
  newAnnotationRow,
  presentAnnotation,
} from "@/lib/annotations/present-annotation";

/** `POST /api/claims/:id/reuse-sources {fromClaimId}` → the drafts created (none when every source was copied already). */
export async function reuseSources({ actor, claimId, input }: { actor: Actor | null; claimId: string; input: unknown }): Promise<AnnotationDTO[]> {
  assertCan(actor, "annotation.create");
  const { fromClaimId } = parseInput(ReuseSourcesInput, input);
  if (fromClaimId === claimId) {
    throw new AppError("invalid_input", "Choose another claim to reuse sources from.", { fields: { fromClaimId: "Choose another claim." } });
  }
  const created = await db.$transaction(async (tx) => {
    const { articleId } = await lockClaim(tx, claimId);
    const from = await tx.claim.findUnique({
      where: { id: fromClaimId },
      select: {
        annotations: {
          // Approved sources only: everyone may see them, and they are what the desk stood by.
          where: { kind: "source", status: "approved" },
          select: { url: true, title: true, publisher: true, excerpt: true, stance: true },
          orderBy: { createdAt: "asc" },
        },
      },
    });
    if (!from) throw new AppError("not_found", "No such claim to reuse sources from.", { fields: { fromClaimId: "No such claim." } });
    if (from.annotations.length === 0) {
      throw new AppError("conflict", "That claim has no approved sources to reuse.");
    }
    const mine = await tx.annotation.findMany({
      where: { claimId, authorId: actor.id, kind: "source" },
      select: { url: true },
    });
    const have = new Set(mine.map((row) => row.url));
    const rows = [];
    for (const source of from.annotations) {
      if (have.has(source.url)) continue;
      have.add(source.url);
      const row = await tx.annotation.create({
        data: {
          id: newId(),
          claimId,
          kind: "source",
          status: "draft",
          version: 1,
          authorId: actor.id,
          url: source.url,
          title: source.title,
          publisher: source.publisher,
          excerpt: source.excerpt,
          stance: source.stance,
        },
        select: annotationScalars,
      });
      await recordEvent(tx, {
        actor,
        action: "annotation.created",
        targetType: "annotation",
        targetId: row.id,
        claimId,
        after: { ...annotationSnapshot(row), reusedFromClaimId: fromClaimId },
      });
      await publishChange(tx, { articleId, type: "annotation.created", id: row.id, claimId });
      rows.push(row);
    }
    return rows;
  });
  return created.map((row) => presentAnnotation(newAnnotationRow(row, actor), actor));
}
