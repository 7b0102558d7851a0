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
 * A change to a source's archived copy (`ARCHIVE_CHANGES`, made by the archive job) is told
 * only to those who may see the source: to anyone else it is as if it never happened (no type,
 * no id, no claim), and a batch of nothing else is not sent to them at all. A draft's archive
 * thus reaches its author's pages only, and nobody else learns that it exists.
 */
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import type { AgreementDTO } from "@/lib/articles/present";
import type { AnnotationStatus, Verdict } from "@/lib/claims/present";
import { readStoredClaims, visibleSummary, type StoredClaim } from "@/lib/claims/load-claim-summaries";
import { verdictAgreement, type AgreementAnnotation } from "@/lib/reviews/verdict-agreement";
import { isAnnotationVisibleTo } from "@/lib/annotations/access";
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

/** Changes told only to subscribers who may see the annotation they name (`id`). */
const SHOWN_WITH_ANNOTATION: ReadonlySet<string> = new Set(Object.values(ARCHIVE_CHANGES));

/** A batch of changes, read once and shown to every subscriber. */
export interface ChangeBatch {
  lastId: number;
  base: Omit<ChangeEventDTO, "claims">;
  claims: readonly StoredClaim[];
  /** Authors of drafts among `claims`' annotations: the only subscribers who see something else. */
  draftAuthors: ReadonlySet<string>;
  /**
   * Per change (in the order of `base.types`), who may be told of it: null for everyone, else
   * the annotation it is about as it stands now (`SHOWN_WITH_ANNOTATION`), or "nobody" when
   * that annotation is gone.
   */
  audience: ReadonlyArray<{ claimId: string | null; annotation: AnnotationFacts | "nobody" | null }>;
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
  const audience = changes.map((change) => ({
    claimId: change.claimId,
    annotation: SHOWN_WITH_ANNOTATION.has(change.type) ? (annotations.get(change.id) ?? ("nobody" as const)) : null,
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

function showTo(batch: ChangeBatch, actor: Actor): string | null {
  const told = batch.audience.map(({ annotation }) => annotation === null || (annotation !== "nobody" && isAnnotationVisibleTo(actor, annotation)));
  if (told.every(Boolean)) {
    return JSON.stringify({ ...batch.base, claims: batch.claims.map((claim) => visibleSummary(actor, claim)) } satisfies ChangeEventDTO);
  }
  if (!told.some(Boolean)) return null;
  // Only the changes `actor` may be told of, and only the claims those changes are about.
  const claimIds = new Set(batch.audience.flatMap(({ claimId }, index) => (told[index] && claimId ? [claimId] : [])));
  const event: ChangeEventDTO = {
    ...batch.base,
    types: batch.base.types.filter((_type, index) => told[index]),
    ids: batch.base.ids.filter((_id, index) => told[index]),
    removed: batch.base.removed.filter((id) => claimIds.has(id)),
    claims: batch.claims.filter((claim) => claimIds.has(claim.id)).map((claim) => visibleSummary(actor, claim)),
  };
  return JSON.stringify(event);
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
