/**
 * Model-based test of the review workflow (hardening issue): random sequences of commands by
 * several real users run the real use cases against PostgreSQL, and after every command the
 * database is compared with a simple in-memory model (./review-workflow-model.ts):
 *
 * - only legal transitions succeed; an illegal one fails with the code the domain defines
 *   (403 forbidden, 404 not_found, 409 stale_version / conflict) and changes no row at all;
 * - statuses and versions of every annotation, its reviews and replies, and every claim's
 *   derived status (D4) equal the model's;
 * - nobody's review of their own annotation exists (D3);
 * - exactly one audit event per successful change, for the right action, target and actor,
 *   and none for a refusal (D7);
 * - published versions hold the approved work the model expects, and never change (D5).
 *
 * Seedable: a failure prints its seed, path and the counterexample's replayPath; replay it with
 * FC_SEED=<seed> FC_PATH=<path> FC_REPLAY=<replayPath>. FC_RUNS=<n> sets the number of runs
 * (default 40, of up to 25 commands; FC_TIME_LIMIT_MS raises the 150 s limit for long hunts);
 * FC_STATS=1 prints how often each command came to each outcome and which claim statuses runs
 * reached (to check that the generator still gets past the first steps).
 */
import fc from "fast-check";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { isAppError, type AppError } from "@/lib/errors";
import type { Actor } from "@/lib/auth/actor";
import type { ReviewDecision, Stance, Verdict } from "@/lib/claims/present";
import { createClaim } from "@/lib/claims/create-claim";
import { deleteClaim } from "@/lib/claims/delete-claim";
import { createAnnotation } from "@/lib/annotations/create-annotation";
import { updateAnnotation } from "@/lib/annotations/update-annotation";
import { submitAnnotation } from "@/lib/annotations/submit-annotation";
import { withdrawAnnotation } from "@/lib/annotations/withdraw-annotation";
import { deleteAnnotation } from "@/lib/annotations/delete-annotation";
import { reviewAnnotation } from "@/lib/reviews/review-annotation";
import { replyToAnnotation } from "@/lib/reviews/reply-to-annotation";
import { publishVersion } from "@/lib/versions/publish-version";
import { getVersion } from "@/lib/versions/get-version";
import { snapshotSha256 } from "@/lib/versions/hash";
import { makeUser } from "./factories";
import { claimInput, makeClaimArticle } from "./claim-factories";
import { submitted } from "./review-factories";
import {
  applyCreateAnnotation,
  applyCreateClaim,
  applyDeleteAnnotation,
  applyDeleteClaim,
  applyEdit,
  applyReply,
  applyReview,
  applySubmit,
  applyWithdraw,
  claimStatus,
  createAnnotationOutcome,
  createClaimOutcome,
  deleteAnnotationOutcome,
  deleteClaimOutcome,
  describeAnnotation,
  editOutcome,
  expectedPublishedClaims,
  newModel,
  publishOutcome,
  replyOutcome,
  reviewOutcome,
  sortById,
  submitOutcome,
  withdrawOutcome,
  type Kind,
  type Model,
  type ModelAnnotation,
  type ModelClaim,
  type ModelUser,
  type Outcome,
} from "./review-workflow-model";

// ---------------------------------------------------------------------------------------------
// The real side.

/** 3 reviewers and 1 editor, made once for the file (password hashing is slow). */
const USERS: readonly ModelUser[] = [
  { name: "Reviewer A", role: "reviewer" },
  { name: "Reviewer B", role: "reviewer" },
  { name: "Reviewer C", role: "reviewer" },
  { name: "Editor E", role: "editor" },
];
let actors: Actor[] = [];

/** Spans of ARTICLE_TEXT that claims are marked on (several claims may share one). */
const SPANS = ["unemployment fell by 3% last year", "the figure leaves out part-time work", "The minister said"] as const;
/** Few verdicts, so that approved verifications often disagree (disputed). */
const VERDICT_CHOICES = ["true", "false", "misleading"] as const satisfies readonly Verdict[];
const STANCE_CHOICES = ["supports", "refutes", "context"] as const satisfies readonly Stance[];

type PublishedRow = Awaited<ReturnType<typeof readPublished>>[number];
type Cmd = fc.AsyncCommand<Model, Real>;

interface Real {
  articleId: string;
  /** The rows of the versions published in this run, as read right after publishing. */
  published: PublishedRow[];
  /** When the run began: bounds the audit query by actor. */
  since: Date;
  /** The ids of the audit events in scope (`auditEvents`) after the last command. */
  events: Set<string>;
  /** Claim statuses seen in the run (for FC_STATS). */
  seen: Set<string>;
}

function actor(user: number): Actor {
  const found = actors[user];
  if (!found) throw new Error(`no user ${user}`);
  return found;
}

function readPublished(articleId: string) {
  return db.publishedVersion.findMany({ where: { articleId }, orderBy: { number: "asc" } });
}

/** Every row of the article a refused command must leave exactly as it was (updatedAt included). */
async function articleRows(articleId: string) {
  const inArticle = { annotation: { claim: { articleId } } };
  const [claims, annotations, reviews, replies, versions] = await Promise.all([
    db.claim.findMany({ where: { articleId } }),
    db.annotation.findMany({ where: { claim: { articleId } } }),
    db.review.findMany({ where: inArticle }),
    db.reply.findMany({ where: inArticle }),
    readPublished(articleId),
  ]);
  return { claims: sortById(claims), annotations: sortById(annotations), reviews: sortById(reviews), replies: sortById(replies), versions };
}

/**
 * The audit events this run can have caused: those on its claims (annotation events carry
 * their claim), on ids it created, and any by its users since it began (which catches an event
 * recorded against an unexpected target).
 */
async function auditEvents(model: Model, real: Real) {
  const ids = [...model.claims.map((claim) => claim.id), ...model.annotations.map((annotation) => annotation.id), ...real.published.map((row) => row.id)];
  return db.auditEvent.findMany({
    where: {
      OR: [
        { claimId: { in: model.claims.map((claim) => claim.id) } },
        { targetId: { in: ids } },
        { actorId: { in: actors.map((user) => user.id) }, createdAt: { gte: real.since } },
      ],
    },
    select: { id: true, action: true, targetType: true, targetId: true, actorId: true },
  });
}

interface ExpectedEvent {
  action: string;
  targetType: string;
  targetId: string;
  actorId: string;
}

type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

/** With FC_STATS=1: how often each command came to each outcome, and the claim statuses reached. */
const STATS = process.env.FC_STATS === "1" ? new Map<string, number>() : null;
function tally(key: string): void {
  STATS?.set(key, (STATS.get(key) ?? 0) + 1);
}

/**
 * Runs one use case whose outcome the model predicts, and checks the outcome, the audit trail
 * (exactly one event for a success, none for a refusal: the events in scope now against those
 * after the previous command) and, for a refusal, that no row of the article changed.
 */
async function perform<T>(
  command: Cmd,
  model: Model,
  real: Real,
  label: string,
  expected: Outcome,
  action: () => Promise<T>,
  event: (value: T) => ExpectedEvent,
  currentVersion?: number,
): Promise<Result<T>> {
  const rowsBefore = expected.ok ? null : await articleRows(real.articleId);
  let result: Result<T>;
  try {
    result = { ok: true, value: await action() };
  } catch (error) {
    if (!isAppError(error)) throw error;
    result = { ok: false, error };
  }
  const outcome = result.ok ? "ok" : `${result.error.code} (${result.error.message})`;
  tally(`${command.toString().split("(")[0]}: ${result.ok ? "ok" : result.error.code}`);
  if (expected.ok) expect(outcome, label).toBe("ok");
  else {
    expect(result.ok ? "ok" : result.error.code, `${label}: ${outcome}`).toBe(expected.code);
    if (!result.ok && result.error.code === "stale_version") {
      expect(result.error.details, `${label}: stale_version names the current version`).toEqual({ currentVersion });
    }
  }
  const events = await auditEvents(model, real);
  const newEvents = events
    .filter((row) => !real.events.has(row.id))
    .map(({ action: eventAction, targetType, targetId, actorId }) => ({ action: eventAction, targetType, targetId, actorId }));
  real.events = new Set(events.map((row) => row.id));
  expect(newEvents, `${label}: audit events`).toEqual(result.ok ? [event(result.value)] : []);
  if (rowsBefore) expect(await articleRows(real.articleId), `${label}: a refusal changes nothing`).toEqual(rowsBefore);
  return result;
}

/** After every command: the database agrees with the model. */
async function checkInvariants(model: Model, real: Real, label: string): Promise<void> {
  const [claims, annotations, published] = await Promise.all([
    db.claim.findMany({ where: { articleId: real.articleId }, select: { id: true, status: true, createdById: true } }),
    db.annotation.findMany({
      where: { claim: { articleId: real.articleId } },
      select: {
        id: true,
        claimId: true,
        authorId: true,
        kind: true,
        status: true,
        version: true,
        verdict: true,
        reviews: { select: { reviewerId: true, version: true, decision: true } },
        _count: { select: { replies: true } },
      },
    }),
    readPublished(real.articleId),
  ]);

  // Nobody has reviewed their own annotation (D3), checked directly on the rows.
  const selfReviews = annotations.flatMap((row) => row.reviews.filter((review) => review.reviewerId === row.authorId).map(() => row.id));
  expect(selfReviews, `${label}: reviews of one's own annotation`).toEqual([]);

  for (const claim of claims) real.seen.add(claim.status);
  for (const row of annotations) tally(`annotation status: ${row.kind} ${row.status}`);
  // Claims and their derived status (D4).
  expect(sortById(claims), `${label}: claims`).toEqual(
    sortById(
      model.claims
        .filter((claim) => !claim.deleted)
        .map((claim) => ({ id: claim.id, status: claimStatus(model, claim), createdById: actor(claim.creator).id })),
    ),
  );

  // Annotations: status, version, reviews of every version, replies.
  const reviewKey = (review: { reviewerId: string; version: number; decision: string }) =>
    `${review.version}:${review.reviewerId}:${review.decision}`;
  expect(
    sortById(annotations).map(({ reviews, _count, ...row }) => ({ ...row, reviews: reviews.map(reviewKey).sort(), replies: _count.replies })),
    `${label}: annotations`,
  ).toEqual(
    sortById(model.annotations.filter((annotation) => !annotation.deleted)).map((annotation) => ({
      id: annotation.id,
      claimId: annotation.claim.id,
      authorId: actor(annotation.author).id,
      kind: annotation.kind,
      status: annotation.status,
      version: annotation.version,
      verdict: annotation.verdict,
      reviews: annotation.reviews
        .map((review) => reviewKey({ reviewerId: actor(review.reviewer).id, version: review.version, decision: review.decision }))
        .sort(),
      replies: annotation.replies,
    })),
  );

  // Published versions never change (D5): the rows are as they were when published, and each
  // snapshot still hashes to its sha256.
  expect(published, `${label}: published versions`).toEqual(real.published);
  for (const row of published) expect(snapshotSha256(row.snapshot), `${label}: sha256 of version ${row.number}`).toBe(row.sha256);
}

// ---------------------------------------------------------------------------------------------
// Commands. Generated before the run, so they name their targets abstractly (an index into the
// annotations or claims that exist, who acts relative to the author) and resolve them against
// the model when they run.

/**
 * Which annotation or claim: mostly one whose status fits the command (a submitted annotation
 * for a review, a draft for a submit: steering, so that runs get past the first steps), else
 * any that still exists, sometimes any at all (deleted ones included).
 */
interface Target {
  pool: "fit" | "live" | "any";
  pick: number;
}
/** Who acts on an annotation: its author, or someone else. */
interface Who {
  as: "author" | "other";
  pick: number;
}
/** The version sent: the current one, a stale one, or (submit, withdraw) none. */
type VersionChoice = "current" | "stale" | "omitted";

function pickFrom<T extends { deleted: boolean }>(all: readonly T[], target: Target, fits: (item: T) => boolean): T {
  const live = all.filter((item) => !item.deleted);
  const fit = live.filter(fits);
  const pools = target.pool === "fit" ? [fit, live, all] : target.pool === "live" ? [live, all] : [all];
  const pool = pools.find((candidates) => candidates.length > 0) ?? all;
  // A fitting target is one of the three oldest: work is carried forward (submitted, reviewed,
  // approved) before it spreads over many annotations, so runs reach verified and disputed.
  const item = pool[target.pick % (pool === fit ? Math.min(pool.length, 3) : pool.length)];
  if (!item) throw new Error("nothing to pick");
  return item;
}

function pickAnnotation(model: Model, target: Target, fits: (annotation: ModelAnnotation) => boolean = () => true): ModelAnnotation {
  return pickFrom(model.annotations, target, fits);
}

function pickClaim(model: Model, target: Target): ModelClaim {
  return pickFrom(model.claims, target, () => true);
}

const isStatus =
  (...statuses: readonly ModelAnnotation["status"][]) =>
  (annotation: ModelAnnotation) =>
    statuses.includes(annotation.status);

/** Whether a command can run: something to target, and something fitting when it asks for that. */
function targetable(model: Readonly<Model>, target: Target, fits: (annotation: ModelAnnotation) => boolean): boolean {
  if (model.annotations.length === 0) return false;
  return target.pool !== "fit" || model.annotations.some((annotation) => !annotation.deleted && fits(annotation));
}

/** Edits target any status: a rejected annotation is the interesting refusal (final, 409). */
const ANY_STATUS = () => true;
const SUBMITTABLE = isStatus("draft", "changes_requested");
const WAITING = isStatus("submitted");

function resolveWho(model: Model, annotation: ModelAnnotation, who: Who): number {
  if (who.as === "author") return annotation.author;
  const others = model.users.map((_, index) => index).filter((index) => index !== annotation.author);
  return others[who.pick % others.length] ?? annotation.author;
}

function versionFor(annotation: ModelAnnotation, choice: VersionChoice, pick: number): number | undefined {
  if (choice === "omitted") return undefined;
  if (choice === "current") return annotation.version;
  return annotation.version > 1 && pick % 2 === 0 ? annotation.version - 1 : annotation.version + 1;
}

const name = (model: Model, user: number) => model.users[user]?.name ?? `user ${user}`;

const hasClaims = (model: Readonly<Model>) => model.claims.length > 0;
const hasAnnotations = (model: Readonly<Model>) => model.annotations.length > 0;

class CreateClaim implements Cmd {
  constructor(
    readonly user: number,
    readonly span: number,
  ) {}
  check = () => true;
  async run(model: Model, real: Real) {
    const label = `${name(model, this.user)} marks a claim on "${SPANS[this.span % SPANS.length]}"`;
    const result = await perform(
      this,
      model,
      real,
      label,
      createClaimOutcome(),
      () => createClaim({ actor: actor(this.user), articleId: real.articleId, input: claimInput(SPANS[this.span % SPANS.length]!) }),
      (claim) => ({ action: "claim.created", targetType: "claim", targetId: claim.id, actorId: actor(this.user).id }),
    );
    if (result.ok) {
      expect(result.value.status, label).toBe("unchecked");
      applyCreateClaim(model, result.value.id, this.user);
    }
    await checkInvariants(model, real, label);
  }
  toString = () => `CreateClaim(user ${this.user}, span ${this.span})`;
}

class DeleteClaim implements Cmd {
  constructor(
    readonly user: number,
    readonly target: Target,
  ) {}
  check = hasClaims;
  async run(model: Model, real: Real) {
    const claim = pickClaim(model, this.target);
    const label = `${name(model, this.user)} deletes claim #${claim.key}${claim.deleted ? " (deleted)" : ""}`;
    const result = await perform(
      this,
      model,
      real,
      label,
      deleteClaimOutcome(model, claim, this.user),
      () => deleteClaim({ actor: actor(this.user), claimId: claim.id }),
      () => ({ action: "claim.deleted", targetType: "claim", targetId: claim.id, actorId: actor(this.user).id }),
    );
    if (result.ok) applyDeleteClaim(model, claim);
    await checkInvariants(model, real, label);
  }
  toString = () => `DeleteClaim(user ${this.user}, ${JSON.stringify(this.target)})`;
}

class CreateAnnotation implements Cmd {
  constructor(
    readonly user: number,
    readonly target: Target,
    readonly kind: Kind,
    readonly verdict: Verdict,
    readonly stance: Stance,
  ) {}
  check = hasClaims;
  async run(model: Model, real: Real) {
    const claim = pickClaim(model, this.target);
    const label = `${name(model, this.user)} adds a ${this.kind} to claim #${claim.key}${claim.deleted ? " (deleted)" : ""}`;
    const input =
      this.kind === "source"
        ? { kind: "source", url: "https://stats.example.org/labour", title: "Labour force survey", stance: this.stance }
        : { kind: "verification", verdict: this.verdict, rationale: "Checked against the survey." };
    const result = await perform(
      this,
      model,
      real,
      label,
      createAnnotationOutcome(claim),
      () => createAnnotation({ actor: actor(this.user), claimId: claim.id, input }),
      (annotation) => ({ action: "annotation.created", targetType: "annotation", targetId: annotation.id, actorId: actor(this.user).id }),
    );
    if (result.ok) {
      expect({ status: result.value.status, version: result.value.version }, label).toEqual({ status: "draft", version: 1 });
      applyCreateAnnotation(model, {
        id: result.value.id,
        claim,
        author: this.user,
        kind: this.kind,
        verdict: this.kind === "verification" ? this.verdict : null,
      });
    }
    await checkInvariants(model, real, label);
  }
  toString = () => `CreateAnnotation(user ${this.user}, ${JSON.stringify(this.target)}, ${this.kind}, ${this.verdict}, ${this.stance})`;
}

let editCounter = 0;

class Edit implements Cmd {
  constructor(
    readonly target: Target,
    readonly who: Who,
    readonly version: "current" | "stale",
    readonly verdict: Verdict,
  ) {}
  check = (model: Readonly<Model>) => targetable(model, this.target, ANY_STATUS);
  async run(model: Model, real: Real) {
    const annotation = pickAnnotation(model, this.target, ANY_STATUS);
    const user = resolveWho(model, annotation, this.who);
    const version = versionFor(annotation, this.version, this.target.pick) ?? annotation.version;
    const label = `${name(model, user)} edits ${describeAnnotation(model, annotation)} from v${version}`;
    editCounter += 1;
    const input =
      annotation.kind === "source" ? { version, title: `Labour force survey, edit ${editCounter}` } : { version, verdict: this.verdict };
    const before = annotation.version;
    const result = await perform(
      this,
      model,
      real,
      label,
      editOutcome(annotation, user, version),
      () => updateAnnotation({ actor: actor(user), annotationId: annotation.id, input }),
      () => ({ action: "annotation.updated", targetType: "annotation", targetId: annotation.id, actorId: actor(user).id }),
      before,
    );
    if (result.ok) {
      applyEdit(annotation, annotation.kind === "verification" ? this.verdict : null);
      expect({ status: result.value.status, version: result.value.version }, label).toEqual({
        status: annotation.status,
        version: annotation.version,
      });
    }
    await checkInvariants(model, real, label);
  }
  toString = () => `Edit(${JSON.stringify(this.target)}, ${JSON.stringify(this.who)}, ${this.version}, ${this.verdict})`;
}

class Submit implements Cmd {
  constructor(
    readonly target: Target,
    readonly who: Who,
    readonly version: VersionChoice,
  ) {}
  check = (model: Readonly<Model>) => targetable(model, this.target, SUBMITTABLE);
  async run(model: Model, real: Real) {
    const annotation = pickAnnotation(model, this.target, SUBMITTABLE);
    const user = resolveWho(model, annotation, this.who);
    const version = versionFor(annotation, this.version, this.target.pick);
    const label = `${name(model, user)} submits ${describeAnnotation(model, annotation)} (version sent: ${version ?? "none"})`;
    const result = await perform(
      this,
      model,
      real,
      label,
      submitOutcome(annotation, user, version),
      () => submitAnnotation({ actor: actor(user), annotationId: annotation.id, input: version === undefined ? {} : { version } }),
      () => ({ action: "annotation.submitted", targetType: "annotation", targetId: annotation.id, actorId: actor(user).id }),
      annotation.version,
    );
    if (result.ok) applySubmit(annotation);
    await checkInvariants(model, real, label);
  }
  toString = () => `Submit(${JSON.stringify(this.target)}, ${JSON.stringify(this.who)}, ${this.version})`;
}

class Withdraw implements Cmd {
  constructor(
    readonly target: Target,
    readonly who: Who,
    readonly version: VersionChoice,
  ) {}
  check = (model: Readonly<Model>) => targetable(model, this.target, WAITING);
  async run(model: Model, real: Real) {
    const annotation = pickAnnotation(model, this.target, WAITING);
    const user = resolveWho(model, annotation, this.who);
    const version = versionFor(annotation, this.version, this.target.pick);
    const label = `${name(model, user)} withdraws ${describeAnnotation(model, annotation)} (version sent: ${version ?? "none"})`;
    const result = await perform(
      this,
      model,
      real,
      label,
      withdrawOutcome(annotation, user, version),
      () => withdrawAnnotation({ actor: actor(user), annotationId: annotation.id, input: version === undefined ? {} : { version } }),
      () => ({ action: "annotation.withdrawn", targetType: "annotation", targetId: annotation.id, actorId: actor(user).id }),
      annotation.version,
    );
    if (result.ok) applyWithdraw(annotation);
    await checkInvariants(model, real, label);
  }
  toString = () => `Withdraw(${JSON.stringify(this.target)}, ${JSON.stringify(this.who)}, ${this.version})`;
}

class Review implements Cmd {
  constructor(
    readonly target: Target,
    readonly who: Who,
    readonly decision: ReviewDecision,
    readonly version: "current" | "stale",
  ) {}
  check = (model: Readonly<Model>) => targetable(model, this.target, WAITING);
  async run(model: Model, real: Real) {
    const annotation = pickAnnotation(model, this.target, WAITING);
    const user = resolveWho(model, annotation, this.who);
    const version = versionFor(annotation, this.version, this.target.pick) ?? annotation.version;
    const label = `${name(model, user)} reviews ${describeAnnotation(model, annotation)}: ${this.decision} v${version} (required ${model.required})`;
    const result = await perform(
      this,
      model,
      real,
      label,
      reviewOutcome(annotation, user, version),
      () =>
        reviewAnnotation({
          actor: actor(user),
          annotationId: annotation.id,
          input: { decision: this.decision, comment: `${this.decision} by ${name(model, user)}`, version },
        }),
      () => ({ action: "annotation.reviewed", targetType: "annotation", targetId: annotation.id, actorId: actor(user).id }),
      annotation.version,
    );
    if (result.ok) {
      expect({ version: result.value.version, current: result.value.current }, label).toEqual({ version, current: true });
      applyReview(model, annotation, user, this.decision);
    }
    await checkInvariants(model, real, label);
  }
  toString = () => `Review(${JSON.stringify(this.target)}, ${JSON.stringify(this.who)}, ${this.decision}, ${this.version})`;
}

class Reply implements Cmd {
  constructor(
    readonly target: Target,
    readonly user: number,
  ) {}
  check = hasAnnotations;
  async run(model: Model, real: Real) {
    const annotation = pickAnnotation(model, this.target);
    const label = `${name(model, this.user)} replies under ${describeAnnotation(model, annotation)}`;
    const result = await perform(
      this,
      model,
      real,
      label,
      replyOutcome(annotation, this.user),
      () => replyToAnnotation({ actor: actor(this.user), annotationId: annotation.id, input: { body: "What does the survey say for part-time work?" } }),
      () => ({ action: "annotation.replied", targetType: "annotation", targetId: annotation.id, actorId: actor(this.user).id }),
    );
    if (result.ok) applyReply(annotation);
    await checkInvariants(model, real, label);
  }
  toString = () => `Reply(${JSON.stringify(this.target)}, user ${this.user})`;
}

class DeleteAnnotation implements Cmd {
  constructor(
    readonly target: Target,
    readonly who: Who,
  ) {}
  check = hasAnnotations;
  async run(model: Model, real: Real) {
    const annotation = pickAnnotation(model, this.target);
    const user = resolveWho(model, annotation, this.who);
    const label = `${name(model, user)} deletes ${describeAnnotation(model, annotation)}`;
    const result = await perform(
      this,
      model,
      real,
      label,
      deleteAnnotationOutcome(annotation, user),
      () => deleteAnnotation({ actor: actor(user), annotationId: annotation.id }),
      () => ({ action: "annotation.deleted", targetType: "annotation", targetId: annotation.id, actorId: actor(user).id }),
    );
    if (result.ok) applyDeleteAnnotation(annotation);
    await checkInvariants(model, real, label);
  }
  toString = () => `DeleteAnnotation(${JSON.stringify(this.target)}, ${JSON.stringify(this.who)})`;
}

class Publish implements Cmd {
  constructor(readonly user: number) {}
  check = () => true;
  async run(model: Model, real: Real) {
    const label = `${name(model, this.user)} publishes version ${model.versions + 1}`;
    const expectedClaims = expectedPublishedClaims(model);
    const result = await perform(
      this,
      model,
      real,
      label,
      publishOutcome(model, this.user),
      () => publishVersion({ actor: actor(this.user), articleId: real.articleId, input: {} }),
      (version) => ({ action: "version.published", targetType: "published_version", targetId: version.id, actorId: actor(this.user).id }),
    );
    if (result.ok) {
      model.versions += 1;
      expect(result.value.number, label).toBe(model.versions);
      const counts = { verified: 0, disputed: 0, unverified: 0 };
      for (const claim of expectedClaims) counts[claim.status] += 1;
      expect(result.value.counts, `${label}: counts`).toEqual(counts);
      // The snapshot holds the approved work the model expects (D5), and nothing else.
      const { snapshot } = await getVersion({ articleId: real.articleId, number: model.versions });
      expect(
        sortById(
          snapshot.claims.map((claim) => ({
            id: claim.id,
            status: claim.status,
            verifications: sortById(claim.verifications.map(({ id, version, verdict }) => ({ id, version, verdict }))),
            sources: sortById(claim.sources.map(({ id, version }) => ({ id, version }))),
          })),
        ),
        `${label}: snapshot`,
      ).toEqual(expectedClaims);
      const row = (await readPublished(real.articleId)).find((candidate) => candidate.id === result.value.id);
      if (!row) throw new Error(`${label}: the published row is missing`);
      real.published.push(row);
    }
    await checkInvariants(model, real, label);
  }
  toString = () => `Publish(user ${this.user})`;
}

// ---------------------------------------------------------------------------------------------
// Arbitraries.

const EDITOR = USERS.findIndex((user) => user.role === "editor");
const anyUser = fc.nat(USERS.length - 1);
const weighted = <T>(pairs: ReadonlyArray<readonly [T, number]>) =>
  fc.oneof(...pairs.map(([value, weight]) => ({ arbitrary: fc.constant(value), weight })));
const target = fc.record({ pool: weighted<Target["pool"]>([["fit", 7], ["live", 2], ["any", 1]]), pick: fc.nat(999) });
const decision = weighted<ReviewDecision>([["approve", 8], ["request_changes", 2], ["reject", 1]]);
/** The author mostly: for the author's own changes. */
const mostlyAuthor = fc.record({ as: weighted<Who["as"]>([["author", 6], ["other", 1]]), pick: fc.nat(99) });
/** Someone else mostly: for reviews. */
const mostlyOther = fc.record({ as: weighted<Who["as"]>([["other", 6], ["author", 1]]), pick: fc.nat(99) });
const mostlyCurrent = weighted<"current" | "stale">([["current", 5], ["stale", 1]]);
const transitionVersion = weighted<VersionChoice>([["omitted", 3], ["current", 3], ["stale", 1]]);
const verdict = fc.constantFrom(...VERDICT_CHOICES);

const command: fc.Arbitrary<Cmd> = fc.oneof(
  { weight: 1, arbitrary: fc.tuple(anyUser, fc.nat(SPANS.length - 1)).map(([user, span]) => new CreateClaim(user, span)) },
  { weight: 1, arbitrary: fc.tuple(anyUser, target).map(([user, claim]) => new DeleteClaim(user, claim)) },
  {
    weight: 3,
    arbitrary: fc
      .tuple(anyUser, target, fc.constantFrom<Kind>("source", "verification"), verdict, fc.constantFrom(...STANCE_CHOICES))
      .map(([user, claim, kind, chosen, stance]) => new CreateAnnotation(user, claim, kind, chosen, stance)),
  },
  { weight: 3, arbitrary: fc.tuple(target, mostlyAuthor, mostlyCurrent, verdict).map((args) => new Edit(...args)) },
  { weight: 6, arbitrary: fc.tuple(target, mostlyAuthor, transitionVersion).map((args) => new Submit(...args)) },
  { weight: 2, arbitrary: fc.tuple(target, mostlyAuthor, transitionVersion).map((args) => new Withdraw(...args)) },
  {
    weight: 10,
    arbitrary: fc.tuple(target, mostlyOther, decision, mostlyCurrent).map((args) => new Review(...args)),
  },
  { weight: 2, arbitrary: fc.tuple(target, anyUser).map(([annotation, user]) => new Reply(annotation, user)) },
  { weight: 1, arbitrary: fc.tuple(target, mostlyAuthor).map(([annotation, who]) => new DeleteAnnotation(annotation, who)) },
  { weight: 2, arbitrary: weighted([[EDITOR, 4], [0, 1]]).map((user) => new Publish(user)) },
);

// ---------------------------------------------------------------------------------------------

const NUM_RUNS = Number(process.env.FC_RUNS ?? 40);
const SEED = process.env.FC_SEED === undefined ? undefined : Number(process.env.FC_SEED);
const PATH = process.env.FC_PATH;
const REPLAY = process.env.FC_REPLAY;
/** ~15 s for 40 runs on 2 idle cores, several times that on a busy machine; FC_TIME_LIMIT_MS for long hunts. */
const TIME_LIMIT_MS = Number(process.env.FC_TIME_LIMIT_MS ?? 150_000);

beforeAll(async () => {
  actors = [];
  for (const user of USERS) actors.push(await makeUser(user.role, user.name));
});

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("review workflow against a model", () => {
  it(
    "keeps to legal transitions, never self-review, one audit event per change, immutable versions",
    async () => {
      const runs: Real[] = [];
      const property = fc.asyncProperty(
        weighted([[1, 2], [2, 1]]),
        fc.commands([command], { maxCommands: 25, size: "max", ...(REPLAY === undefined ? {} : { replayPath: REPLAY }) }),
        async (required, commands) => {
          vi.stubEnv("FACTDESK_REQUIRED_APPROVALS", String(required));
          const setup = async () => {
            const articleId = await makeClaimArticle();
            const real: Real = { articleId, published: [], since: new Date(Date.now() - 1_000), events: new Set(), seen: new Set() };
            const model = newModel(USERS, required);
            // Every run starts with a claim by A holding submitted work: a verification by B
            // ("true"), a source by C and a verification by E ("false"), so that no command waits
            // for something to act on and runs of up to 25 commands reach verified and disputed
            // claims. Annotations the commands add start as drafts.
            const created = await createClaim({ actor: actor(0), articleId, input: claimInput(SPANS[0]) });
            const claim = applyCreateClaim(model, created.id, 0);
            const seeds = [
              { author: 1, kind: "verification", verdict: "true" },
              { author: 2, kind: "source", verdict: null },
              { author: EDITOR, kind: "verification", verdict: "false" },
            ] as const;
            for (const seed of seeds) {
              const dto = await submitted(actor(seed.author), claim.id, seed.kind, seed.verdict ? { verdict: seed.verdict } : {});
              applySubmit(applyCreateAnnotation(model, { id: dto.id, claim, ...seed }));
            }
            await checkInvariants(model, real, "setup");
            real.events = new Set((await auditEvents(model, real)).map((row) => row.id));
            runs.push(real);
            return { model, real };
          };
          await fc.asyncModelRun(setup, commands);
        },
      );
      await fc.assert(property, {
        numRuns: NUM_RUNS,
        // Below the test's timeout, so that a failure still shrinking on a slow machine reports
        // its seed and best counterexample so far instead of dying silently in a vitest timeout.
        interruptAfterTimeLimit: TIME_LIMIT_MS,
        markInterruptAsFailure: true,
        ...(SEED === undefined ? {} : { seed: SEED }),
        ...(PATH === undefined ? {} : { path: PATH }),
      });
      for (const run of runs) for (const status of run.seen) tally(`runs (${runs.length} in all) reaching a ${status} claim`);
      if (STATS) console.log([...STATS].sort(([a], [b]) => a.localeCompare(b)).map(([key, n]) => `${key}: ${n}`).join("\n"));
    },
    TIME_LIMIT_MS + 30_000,
  );
});
