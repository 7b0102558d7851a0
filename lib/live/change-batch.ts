/**
 * What a live change event tells each subscriber (lib/live/article-events.ts): the changed
 * claims summarised as that subscriber may see them, the claims that are gone, and the
 * article's progress and agreement; after a new revision, only that it must reload.
 *
 * A batch is built once per server for each change it hears (one read of the changed claims
 * with all their annotations, drafts included), then shown to each subscriber: everyone who
 * wrote no draft among those annotations sees the same thing, so the event's JSON is made
 * once for all of them and once more for each draft author only. A hundred open pages thus
 * cost one read and a handful of serialisations per change, not a hundred article reads.
 * Claims are read when the batch is built, after the change committed: never older than it.
 *
 * A change of an annotation (an `annotation.*` audit action, or a change of a source's archived
 * copy, `ARCHIVE_CHANGES`) is told only to those who may see the annotation now, as the usual
 * rules decide (`isAnnotationVisibleTo`; a deleted annotation as it was when deleted, from the
 * audit log). To anyone else it is as if it never happened (no type, no id, no claim), and a
 * batch of nothing else is not sent to them at all: another reviewer's draft, created, edited,
 * archived or deleted while a draft, reaches nobody's page but its author's, and nobody else
 * learns that it exists. One exception: a withdrawal turns into a draft something everyone
 * could see, so everyone is still told that its claim changed (the claim as they may see it
 * now, without the draft), only not the change's type and id: their pages drop it, and learn
 * nothing more than that it is gone.
 */
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import type { AgreementDTO } from "@/lib/articles/present";
import { ANNOTATION_STATUSES, type AnnotationStatus, type Verdict } from "@/lib/claims/present";
import { readStoredClaims, visibleSummary, type StoredClaim } from "@/lib/claims/load-claim-summaries";
import { verdictAgreement, type AgreementAnnotation } from "@/lib/reviews/verdict-agreement";
import { isAnnotationVisibleTo } from "@/lib/annotations/access";
import { snapshotField } from "@/lib/claims/describe-event";
import { ARCHIVE_CHANGES, type LoggedChange } from "@/lib/live/publish";

/** A changed claim as a subscriber may see it: `ClaimSummaryDTO` without abilities (the panel loads those with the claim). */
export type LiveClaimDTO = StoredClaim;

/** The data of an SSE `change` event. */
export interface ChangeEventDTO {
  /** The log id of the last change the event covers (also the SSE `id:`). */
  id: number;
  /** What happened, oldest first: the audit actions, e.g. `annotation.reviewed`. */
  types: string[];
  /** The changed annotations, claims, revisions or published versions, in the order of `types`. */
  ids: string[];
  /** A new revision was saved: its text and every claim's place changed; reload the article. */
  revision: boolean;
  /** The changed claims, as the subscriber may see them. */
  claims: LiveClaimDTO[];
  /** Ids of changed claims that no longer exist. */
  removed: string[];
  /** The article's progress and verdict agreement after the change, when the change may move them. */
  totals: { progress: { verified: number; total: number }; agreement: AgreementDTO } | null;
}

/** Changes that cannot move progress or agreement: a new draft, a reply, a published version, an archived copy. */
const TOTALS_UNCHANGED: ReadonlySet<string> = new Set([
  "annotation.created",
  "annotation.replied",
  "version.published",
  ARCHIVE_CHANGES.requested,
  ARCHIVE_CHANGES.archived,
  ARCHIVE_CHANGES.failed,
]);

/** Changes told only to subscribers who may see the annotation they name (`id`), besides every `annotation.*` change. */
const ARCHIVE_CHANGE_TYPES: ReadonlySet<string> = new Set(Object.values(ARCHIVE_CHANGES));

/** Whether a change's `id` is an annotation's, so that it is told only to those who may see that annotation. */
function isAnnotationChange(type: string): boolean {
  return type.startsWith("annotation.") || ARCHIVE_CHANGE_TYPES.has(type);
}

/** Turns a submitted annotation back into a draft: told, without type and id, to those who saw it before. */
const WITHDRAWN = "annotation.withdrawn";

/** A batch of changes, read once and shown to every subscriber. */
export interface ChangeBatch {
  lastId: number;
  base: Omit<ChangeEventDTO, "claims">;
  claims: readonly StoredClaim[];
  /**
   * Authors of drafts among `claims`' annotations and among the changed annotations deleted as
   * drafts: the only subscribers who see something else.
   */
  draftAuthors: ReadonlySet<string>;
  /**
   * Per change (in the order of `base.types`), who may be told of it: null for everyone, else
   * the annotation it is about (`isAnnotationChange`) as it stands now or as it was deleted, or
   * "unknown" when it is gone without a trace (its claim was deleted): then nobody is told.
   */
  audience: ReadonlyArray<{ type: string; claimId: string | null; annotation: AnnotationFacts | "unknown" | null }>;
  /** The event's JSON per visibility class ("" = everyone without a draft here); null: nothing to tell. */
  views: Map<string, string | null>;
}

interface AnnotationFacts {
  status: StoredClaim["annotations"][number]["status"];
  authorId: string;
}

/** Reads what `changes` (one article's, in log order) changed, for `showChangeBatch`. */
export async function buildChangeBatch(articleId: string, changes: readonly LoggedChange[]): Promise<ChangeBatch> {
  const lastId = changes.at(-1)?.eventId ?? 0;
  const types = changes.map((change) => change.type);
  const ids = changes.map((change) => change.id);
  const revision = types.includes("revision.created");
  const claimIds = revision ? [] : [...new Set(changes.flatMap((change) => (change.claimId ? [change.claimId] : [])))];
  const needTotals = !revision && types.some((type) => !TOTALS_UNCHANGED.has(type));
  const [claims, totals] = await Promise.all([
    claimIds.length > 0 ? readStoredClaims(articleId, claimIds) : Promise.resolve([]),
    needTotals ? readTotals(articleId) : Promise.resolve(null),
  ]);
  const found = new Set(claims.map((claim) => claim.id));
  const draftAuthors = new Set<string>();
  const annotations = new Map<string, AnnotationFacts>();
  for (const claim of claims) {
    for (const annotation of claim.annotations) {
      if (annotation.status === "draft") draftAuthors.add(annotation.author.id);
      annotations.set(annotation.id, { status: annotation.status, authorId: annotation.author.id });
    }
  }
  const gone = [...new Set(changes.filter((change) => isAnnotationChange(change.type) && !annotations.has(change.id)).map((change) => change.id))];
  for (const [id, facts] of await readDeletedAnnotations(gone)) {
    if (facts.status === "draft") draftAuthors.add(facts.authorId);
    annotations.set(id, facts);
  }
  const audience = changes.map((change) => ({
    type: change.type,
    claimId: change.claimId,
    annotation: isAnnotationChange(change.type) ? (annotations.get(change.id) ?? ("unknown" as const)) : null,
  }));
  return {
    lastId,
    base: { id: lastId, types, ids, revision, removed: claimIds.filter((id) => !found.has(id)), totals },
    claims,
    draftAuthors,
    audience,
    views: new Map(),
  };
}

/**
 * The `change` event's data for `actor`, as JSON, made once per visibility class; null when
 * none of the batch's changes may be told to `actor` (then nothing is sent).
 */
export function showChangeBatch(batch: ChangeBatch, actor: Actor): string | null {
  const key = batch.draftAuthors.has(actor.id) ? actor.id : "";
  let view = batch.views.get(key);
  if (view === undefined) {
    view = showTo(batch, actor);
    batch.views.set(key, view);
  }
  return view;
}

/**
 * How much of a change `actor` is told: all of it, only that its claim changed (a withdrawal of
 * what they could see, now a draft they may not), or nothing (the rules in the header).
 */
function toldOf({ type, annotation }: ChangeBatch["audience"][number], actor: Actor): "all" | "claim" | "nothing" {
  if (annotation === null) return "all";
  if (annotation !== "unknown" && isAnnotationVisibleTo(actor, annotation)) return "all";
  return type === WITHDRAWN ? "claim" : "nothing";
}

function showTo(batch: ChangeBatch, actor: Actor): string | null {
  const told = batch.audience.map((change) => toldOf(change, actor));
  if (told.every((how) => how === "all")) {
    return JSON.stringify({ ...batch.base, claims: batch.claims.map((claim) => visibleSummary(actor, claim)) } satisfies ChangeEventDTO);
  }
  if (told.every((how) => how === "nothing")) return null;
  // Only the changes `actor` may be told of, and only the claims those changes are about.
  const claimIds = new Set(batch.audience.flatMap(({ claimId }, index) => (told[index] !== "nothing" && claimId ? [claimId] : [])));
  const event: ChangeEventDTO = {
    ...batch.base,
    types: batch.base.types.filter((_type, index) => told[index] === "all"),
    ids: batch.base.ids.filter((_id, index) => told[index] === "all"),
    removed: batch.base.removed.filter((id) => claimIds.has(id)),
    claims: batch.claims.filter((claim) => claimIds.has(claim.id)).map((claim) => visibleSummary(actor, claim)),
  };
  return JSON.stringify(event);
}

/**
 * Who wrote each of the annotations `ids` that are gone, and their status when they were
 * deleted, from the audit event of the deletion (written in the deletion's transaction, by the
 * author: lib/annotations/delete-annotation.ts). An annotation gone without one (its claim was
 * deleted) or whose author's account is gone is left out.
 */
async function readDeletedAnnotations(ids: readonly string[]): Promise<Map<string, AnnotationFacts>> {
  const facts = new Map<string, AnnotationFacts>();
  if (ids.length === 0) return facts;
  const deletions = await db.auditEvent.findMany({
    where: { targetType: "annotation", targetId: { in: [...ids] }, action: "annotation.deleted" },
    select: { targetId: true, actorId: true, before: true },
  });
  for (const deletion of deletions) {
    const status = snapshotField(deletion.before, "status");
    if (deletion.actorId === null || !isAnnotationStatus(status)) continue;
    facts.set(deletion.targetId, { status, authorId: deletion.actorId });
  }
  return facts;
}

function isAnnotationStatus(value: unknown): value is AnnotationStatus {
  return ANNOTATION_STATUSES.some((status) => status === value);
}

/**
 * Progress and agreement as `getArticle` computes them, from the statuses of the claims that
 * are not orphaned and their verdicts in review or judged: the same for every reader, since
 * drafts count for neither.
 */
async function readTotals(articleId: string): Promise<NonNullable<ChangeEventDTO["totals"]>> {
  const [row] = await db.$queryRaw<{ verified: number; total: number; verdicts: string }[]>`
    SELECT
      (SELECT count(*) FILTER (WHERE status = 'verified') FROM claims WHERE article_id = ${articleId} AND status <> 'orphaned')::int AS verified,
      (SELECT count(*) FROM claims WHERE article_id = ${articleId} AND status <> 'orphaned')::int AS total,
      (SELECT coalesce(json_agg(json_build_object(
          'claimId', a.claim_id, 'status', a.status, 'authorId', a.author_id, 'verdict', a.verdict,
          'updatedAt', to_char(a.updated_at, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))), '[]'::json)::text
       FROM annotations a JOIN claims c ON c.id = a.claim_id
       WHERE c.article_id = ${articleId} AND c.status <> 'orphaned' AND a.kind = 'verification'
         AND a.status IN ('submitted', 'approved', 'changes_requested')) AS verdicts`;
  const verdicts = JSON.parse(row?.verdicts ?? "[]") as {
    claimId: string;
    status: AnnotationStatus;
    authorId: string;
    verdict: Verdict | null;
    updatedAt: string;
  }[];
  const byClaim = new Map<string, AgreementAnnotation[]>();
  for (const verdict of verdicts) {
    const list = byClaim.get(verdict.claimId) ?? [];
    list.push({
      kind: "verification",
      status: verdict.status,
      author: { id: verdict.authorId },
      updatedAt: verdict.updatedAt,
      ...(verdict.verdict === null ? {} : { verdict: verdict.verdict }),
    });
    byClaim.set(verdict.claimId, list);
  }
  return {
    progress: { verified: row?.verified ?? 0, total: row?.total ?? 0 },
    agreement: verdictAgreement([...byClaim.values()].map((annotations) => ({ annotations }))),
  };
}
