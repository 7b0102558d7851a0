/**
 * Model-based test of live updates (issue "Live desk at scale"): random sequences of changes
 * by several real users, with random drops and reconnects of several open pages. Each page
 * follows the article's event stream as the browser does: it applies each change event
 * (lib/live/apply-change.ts) and reads the article again only on `reset` or a new revision; a
 * dropped page reconnects with the last id it saw (`Last-Event-ID`). After every step each
 * connected page holds exactly what a fresh read by its user shows: the claims with the
 * annotations that user may see (another's draft stays invisible), the orphaned claims,
 * progress and agreement.
 *
 * FC_RUNS=<n> sets the number of runs (default 25, of up to 16 steps); a failure prints its
 * seed and path for FC_SEED / FC_PATH.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import type { Actor } from "@/lib/auth/actor";
import { stopListening } from "@/lib/live/subscribe";
import { readHead } from "@/lib/live/event-log";
import { publishChange } from "@/lib/live/publish";
import type { ChangeEventDTO, LiveClaimDTO } from "@/lib/live/change-batch";
import { applyChangeEvent, type LiveArticleState } from "@/lib/live/apply-change";
import { getArticle } from "@/lib/articles/get-article";
import { createRevision } from "@/lib/articles/create-revision";
import { createClaim } from "@/lib/claims/create-claim";
import { deleteClaim } from "@/lib/claims/delete-claim";
import { createAnnotation } from "@/lib/annotations/create-annotation";
import { updateAnnotation } from "@/lib/annotations/update-annotation";
import { submitAnnotation } from "@/lib/annotations/submit-annotation";
import { withdrawAnnotation } from "@/lib/annotations/withdraw-annotation";
import { deleteAnnotation } from "@/lib/annotations/delete-annotation";
import { reviewAnnotation } from "@/lib/reviews/review-annotation";
import { replyToAnnotation } from "@/lib/reviews/reply-to-annotation";
import { makeUser } from "./factories";
import { ARTICLE_TEXT, claimInput, makeClaimArticle } from "./claim-factories";
import { openStream, type OpenedStream } from "./event-stream";

const NUM_RUNS = Number(process.env.FC_RUNS ?? 25);
const SPANS = ["unemployment fell by 3% last year", "the figure leaves out part-time work", "Critics"] as const;

type State = LiveArticleState<LiveClaimDTO>;

/** An open page: whose it is, what it holds, its stream (null while dropped) and the last id it applied. */
interface Page {
  actor: Actor;
  state: State;
  stream: OpenedStream | null;
  lastId: string;
  reloads: number;
}

let actors: Actor[] = [];

beforeAll(async () => {
  actors = [
    await makeUser("reviewer", "Live A"),
    await makeUser("reviewer", "Live B"),
    await makeUser("reviewer", "Live C"),
    await makeUser("editor", "Live Editor"),
  ];
});

afterAll(async () => {
  await stopListening();
});

/** What a fresh read by `actor` shows, in the page's shape. */
async function freshState(actor: Actor, articleId: string): Promise<{ state: State; head: number }> {
  const article = await getArticle({ actor, id: articleId });
  const strip = ({ can: _can, ...claim }: (typeof article.claims)[number]): LiveClaimDTO => claim;
  return {
    state: {
      claims: article.claims.map(strip),
      orphanedClaims: article.orphanedClaims.map(strip),
      progress: article.progress,
      agreement: article.agreement,
    },
    head: article.liveEventId,
  };
}

/** The page's state in an order-free form, for comparison with a fresh read. */
function comparable(state: State) {
  const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
  return {
    claims: [...state.claims].sort(byId),
    orphanedClaims: [...state.orphanedClaims].sort(byId),
    progress: state.progress,
    agreement: state.agreement,
  };
}

/**
 * Writes a change every page is told and that changes nothing a page holds (as a published
 * version's: no claim, no totals), and answers the log's head after it. A page whose stream
 * reached it has been sent everything before it: changes its reader may not be told of
 * (another's draft) are not sent at all, so the page's last id alone cannot say so.
 */
async function markHead(articleId: string): Promise<number> {
  await db.$transaction((tx) => publishChange(tx, { articleId, type: "version.published", id: "model-step", claimId: null }));
  return readHead(articleId);
}

/** Reads the page's stream until it has applied every event up to `head`. */
async function catchUp(page: Page, articleId: string, head: number): Promise<void> {
  const stream = page.stream;
  if (!stream) return;
  while (Number(page.lastId) < head || stream.pending().length > 0) {
    const event = await stream.next(5_000);
    if (event.id !== null) page.lastId = event.id;
    if (event.event === "reset") {
      page.state = (await freshState(page.actor, articleId)).state;
      page.reloads += 1;
    } else if (event.event === "change") {
      const applied = applyChangeEvent(page.state, JSON.parse(event.data) as ChangeEventDTO, (claim) => claim, (claim) => claim);
      if (applied.kind === "reload") {
        page.state = (await freshState(page.actor, articleId)).state;
        page.reloads += 1;
      } else page.state = applied.state;
    }
  }
}

type Change =
  | { kind: "claim"; user: number; span: number }
  | { kind: "annotate"; user: number; pick: number; verification: boolean }
  | { kind: "edit" | "submit" | "withdraw" | "delete-annotation" | "approve" | "reject" | "reply"; user: number; pick: number }
  | { kind: "delete-claim"; user: number; pick: number }
  | { kind: "revise" };
type Step = Change | { kind: "drop" | "reconnect"; page: number };

const user = fc.nat(actors.length > 0 ? actors.length - 1 : 3);
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant("claim" as const), user, span: fc.nat(SPANS.length - 1) }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant("annotate" as const), user, pick: fc.nat(), verification: fc.boolean() }) },
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constantFrom("edit" as const, "submit" as const, "withdraw" as const, "delete-annotation" as const, "approve" as const, "reject" as const, "reply" as const),
      user,
      pick: fc.nat(),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("delete-claim" as const), user, pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("revise" as const) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constantFrom("drop" as const, "reconnect" as const), page: fc.nat(3) }) },
);

/** Runs one change; a refusal (someone else's draft, an illegal transition) is part of the game. */
async function runChange(change: Change, articleId: string, revision: { n: number }): Promise<void> {
  const pickOf = async <T,>(rows: T[], pick: number) => rows[pick % Math.max(1, rows.length)];
  const claims = await db.claim.findMany({ where: { articleId }, orderBy: { id: "asc" }, select: { id: true } });
  const annotations = await db.annotation.findMany({
    where: { claim: { articleId } },
    orderBy: { id: "asc" },
    select: { id: true, kind: true, version: true },
  });
  try {
    switch (change.kind) {
      case "claim": {
        const input = claimInput(SPANS[change.span]!, { revision: revision.n });
        const text = (await db.articleRevision.findFirst({ where: { articleId }, orderBy: { number: "desc" } }))!.text;
        const start = text.indexOf(SPANS[change.span]!);
        await createClaim({ actor: actors[change.user]!, articleId, input: { ...input, start, end: start + SPANS[change.span]!.length } });
        return;
      }
      case "annotate": {
        const claim = await pickOf(claims, change.pick);
        if (!claim) return;
        await createAnnotation({
          actor: actors[change.user]!,
          claimId: claim.id,
          input: change.verification
            ? { kind: "verification", verdict: change.pick % 2 === 0 ? "true" : "false", rationale: `Rationale ${change.pick}` }
            : { kind: "source", url: `https://example.org/${change.pick}`, title: `Source ${change.pick}`, stance: "supports" },
        });
        return;
      }
      case "delete-claim": {
        const claim = await pickOf(claims, change.pick);
        if (claim) await deleteClaim({ actor: actors[change.user]!, claimId: claim.id });
        return;
      }
      case "revise": {
        const editor = actors[3]!;
        const words = ["Meanwhile, nothing else changed.", "A late correction was added."];
        await createRevision({
          actor: editor,
          articleId,
          input: { text: `${ARTICLE_TEXT}\n\n${words[revision.n % 2]}`, baseRevision: revision.n },
        });
        revision.n += 1;
        return;
      }
      default: {
        const annotation = await pickOf(annotations, change.pick);
        if (!annotation) return;
        const actor = actors[change.user]!;
        const annotationId = annotation.id;
        if (change.kind === "edit") {
          const input =
            annotation.kind === "source"
              ? { kind: "source", title: `Edited ${change.pick}`, version: annotation.version }
              : { kind: "verification", verdict: "misleading", version: annotation.version };
          await updateAnnotation({ actor, annotationId, input });
        } else if (change.kind === "submit") await submitAnnotation({ actor, annotationId });
        else if (change.kind === "withdraw") await withdrawAnnotation({ actor, annotationId });
        else if (change.kind === "delete-annotation") await deleteAnnotation({ actor, annotationId });
        else if (change.kind === "reply") await replyToAnnotation({ actor, annotationId, input: { body: `Reply ${change.pick}` } });
        else {
          const decision = change.kind === "approve" ? "approve" : "reject";
          await reviewAnnotation({ actor, annotationId, input: { decision, comment: decision, version: annotation.version } });
        }
      }
    }
  } catch (error) {
    if (!isAppError(error)) throw error;
  }
}

describe("live updates, model-based", () => {
  it(
    "keep every open page equal to a fresh read by its user, through drops and reconnects",
    async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(step, { minLength: 4, maxLength: 16 }), async (steps) => {
          const articleId = await makeClaimArticle();
          const revision = { n: 1 };
          // Four pages: each reviewer's, and a second one of reviewer A (two tabs).
          const owners = [actors[0]!, actors[1]!, actors[2]!, actors[0]!];
          const pages: Page[] = [];
          for (const actor of owners) {
            const { state, head } = await freshState(actor, articleId);
            const stream = await openStream(actor, articleId, String(head));
            pages.push({ actor, state, stream, lastId: String(head), reloads: 0 });
          }
          try {
            for (const current of steps) {
              if ("page" in current) {
                const page = pages[current.page]!;
                if (current.kind === "drop") {
                  await page.stream?.close();
                  page.stream = null;
                } else if (!page.stream) page.stream = await openStream(page.actor, articleId, page.lastId);
              } else {
                await runChange(current, articleId, revision);
              }
              const head = await markHead(articleId);
              for (const page of pages) {
                if (!page.stream) continue;
                await catchUp(page, articleId, head);
                const fresh = await freshState(page.actor, articleId);
                expect(comparable(page.state)).toEqual(comparable(fresh.state));
              }
            }
          } finally {
            for (const page of pages) await page.stream?.close();
          }
        }),
        { numRuns: NUM_RUNS, interruptAfterTimeLimit: 150_000 },
      );
    },
    180_000,
  );
});
