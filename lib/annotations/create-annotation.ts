/** Adds a source or verification annotation to a claim, as a draft of its author. */
import { db, Prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { parseInput } from "@/lib/validation";
import { assertCan } from "@/lib/auth/policy";
import type { Actor } from "@/lib/auth/actor";
import type { AnnotationDTO } from "@/lib/claims/present";
import { CreateAnnotationInput } from "@/lib/annotations/schemas";
import { rationaleFromInput } from "@/lib/annotations/rationale";
import { mentionablePeople, newMentionRows } from "@/lib/annotations/rationale-mentions";
import { auditEventInsert } from "@/lib/audit/record-event";
import { sqlTimestamp } from "@/lib/sql";
import { changeLogCtes } from "@/lib/live/publish";
import { enqueueArchive } from "@/lib/archives/request-archive";
import type { ArchiveSummaryRow } from "@/lib/archives/present-archive";
import {
  annotationSnapshot,
  newAnnotationRow,
  presentAnnotation,
  type AnnotationScalarsRow,
} from "@/lib/annotations/present-annotation";

export interface CreateAnnotationOptions {
  actor: Actor | null;
  claimId: string;
  /** `{kind: "source", url, title, publisher?, excerpt?, stance}` or `{kind: "verification", verdict, rationale}`. */
  input: unknown;
}

/**
 * Creates an annotation (status draft, version 1) by `actor` on a claim.
 *
 * This is the write reviewers make most, so it is one SQL statement (one round trip, its own
 * transaction) instead of an interactive transaction of six: a data-modifying CTE locks the
 * claim, inserts the annotation, records the audit event (D7) and queues the live notification
 * (D9), each only when the claim exists. Everything it writes is known before it runs: the
 * ids and timestamps are made here, and a draft does not count towards the claim's status
 * (`countsTowardsClaimStatus`), so the status needs no refresh and the event carries no status
 * change. The other annotation changes go through `finishAnnotationChange`.
 */
export async function createAnnotation({ actor, claimId, input }: CreateAnnotationOptions): Promise<AnnotationDTO> {
  assertCan(actor, "annotation.create");
  const data = parseInput(CreateAnnotationInput, input);
  const { mentions, ...fields } = storedFields(data);
  // A mention names an enabled member of the desk; nobody is told yet (a new annotation is a
  // draft: lib/annotations/rationale-mentions.ts).
  const people = await mentionablePeople(db, mentions);
  const now = new Date();
  const row: AnnotationScalarsRow = {
    ...fields,
    id: newId(),
    claimId,
    authorId: actor.id,
    status: "draft",
    version: 1,
    submittedAt: null,
    createdAt: now,
    updatedAt: now,
  };
  const event = auditEventInsert(
    {
      id: newId(),
      actor,
      action: "annotation.created",
      targetType: "annotation",
      targetId: row.id,
      claimId,
      before: null,
      after: annotationSnapshot(row),
      createdAt: now,
    },
    Prisma.sql`inserted`,
  );
  // A source is archived in the background: its pending archive row is written with it.
  const archive: ArchiveSummaryRow | null =
    row.kind === "source" && row.url
      ? { id: newId(), url: row.url, status: "pending", archivedAt: null, sha256: null, httpStatus: null, error: null, waybackUrl: null }
      : null;
  const archived = archive
    ? Prisma.sql`, archive AS (
      INSERT INTO source_archives (id, annotation_id, url, status, requested_at)
      SELECT ${archive.id}, inserted.id, ${archive.url}, 'pending', ${sqlTimestamp(now)} FROM inserted
    )`
    : Prisma.empty;
  // The lock is the one every annotation change takes first (lib/claims/lock-claim.ts). The
  // SELECT CTE that notifies runs only because the final SELECT reads it; the live event is
  // logged (`logged`) in the same statement, so that a reconnecting page can replay it.
  const written = await db.$queryRaw<{ id: string }[]>`
    WITH claim AS (
      SELECT id, article_id FROM claims WHERE id = ${claimId} FOR NO KEY UPDATE
    ), inserted AS (
      INSERT INTO annotations (id, claim_id, author_id, kind, status, version, url, title, publisher, excerpt,
                               stance, verdict, rationale, rationale_text, created_at, updated_at)
      SELECT ${row.id}, claim.id, ${row.authorId}, ${row.kind}::"AnnotationKind", 'draft', 1,
             ${row.url}, ${row.title}, ${row.publisher}, ${row.excerpt}, ${row.stance}::"Stance",
             ${row.verdict}::"Verdict", ${row.rationale === null ? null : JSON.stringify(row.rationale)}::jsonb,
             ${row.rationaleText}, ${sqlTimestamp(now)}, ${sqlTimestamp(now)}
      FROM claim
      RETURNING id
    )${archived}${newMentionRows(mentions)}, event AS (${event}), ${changeLogCtes({
      from: Prisma.sql`claim`,
      articleId: Prisma.sql`claim.article_id`,
      type: "annotation.created",
      id: row.id,
      claimId: Prisma.sql`claim.id`,
    })}
    SELECT inserted.id FROM inserted, notified`;
  if (written.length === 0) throw new AppError("not_found", "No such claim.");
  if (archive) await enqueueArchive(archive.id);
  return presentAnnotation(newAnnotationRow(row, actor, archive ? [archive] : [], people), actor);
}

/** The content columns of a new annotation, every one of them set; a rationale becomes its stored document and text. */
function storedFields(data: CreateAnnotationInput) {
  if (data.kind === "source") {
    const { kind, url, title, publisher, excerpt, stance } = data;
    return {
      kind,
      url,
      title,
      publisher: publisher ?? null,
      excerpt: excerpt ?? null,
      stance,
      verdict: null,
      rationale: null,
      rationaleText: null,
      mentions: [],
    };
  }
  const rationale = rationaleFromInput(data.rationale);
  return {
    kind: data.kind,
    url: null,
    title: null,
    publisher: null,
    excerpt: null,
    stance: null,
    verdict: data.verdict,
    rationale: rationale.doc,
    rationaleText: rationale.text,
    mentions: rationale.mentions,
  };
}
