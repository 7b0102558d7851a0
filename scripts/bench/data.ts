/**
 * The benchmark's data, made the same on every run (seeded): the demo users, an access token,
 * and the articles each line reads or writes.
 *
 * Articles and the access token go through the use cases (createArticle, createAccessToken).
 * The 1,000 claims and their annotations, reviews and replies are test-data set-up: written
 * with Prisma's bulk inserts in a few statements instead of ~5,000 use-case transactions,
 * with the statuses the use cases would have derived (every claim verified: one approved
 * source and one approved verification, each approved by a second reviewer). They carry no
 * audit events, which no line reads.
 */
import { SYSTEM, type Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { seed } from "../../prisma/seed.ts";
import { createArticle } from "@/lib/articles/create-article";
import { createAccessToken } from "@/lib/tokens/create-access-token";
import { resolveActor } from "@/lib/users/resolve-actor";
import { describeRange } from "@/lib/anchoring";
import { rationaleFromText } from "@/lib/annotations/rationale";
import { mulberry32, pick } from "./random.ts";
import { generateArticleText, pickClaimSpans, tokenize } from "./text.ts";

/** The seed of every generator of the run. */
export const SEED = 20_261_125;

/** Words and claims of the article the read and browser lines use. */
export const LARGE_ARTICLE_WORDS = 20_000;
export const LARGE_ARTICLE_CLAIMS = 1_000;
export const SMALL_CLAIMS = 10;
/** Claims the annotation-create line spreads its requests over (many reviewers, many claims). */
export const TARGET_CLAIMS = 256;

export interface BenchArticle {
  id: string;
  claimIds: string[];
  textLength: number;
}

export interface BenchData {
  /** A personal access token of alice (reviewer). */
  token: string;
  alice: Actor;
  /** 20,000 words, 1,000 verified claims. */
  large: BenchArticle;
  /** The same text, 10 verified claims (the N+1 comparison). */
  small: BenchArticle;
  /** The same text, no claims (the browser line's baseline). */
  bare: BenchArticle;
  /** 5,000 words, 256 bare claims: the annotation-create line writes here. */
  target: BenchArticle;
  /** The claim the raw pg inserts of the database floor hang their rows on. */
  floorClaimId: string;
}

async function actorFor(email: string): Promise<Actor> {
  const user = await db.user.findUniqueOrThrow({ where: { email }, select: { id: true, tokenVersion: true } });
  const actor = await resolveActor({ userId: user.id, tokenVersion: user.tokenVersion });
  if (!actor) throw new Error(`no actor for ${email}`);
  return actor;
}

async function importArticle(title: string, text: string): Promise<{ id: string; revisionId: string; text: string }> {
  const { id } = await createArticle({ actor: SYSTEM, input: { title, text } });
  const revision = await db.articleRevision.findFirstOrThrow({
    where: { articleId: id },
    orderBy: { number: "desc" },
    select: { id: true, text: true },
  });
  return { id, revisionId: revision.id, text: revision.text };
}

/** Claims on the stored canonical text, spread evenly, via one bulk insert; ids in document order. */
async function insertClaims(
  article: { id: string; revisionId: string; text: string },
  count: number,
  authors: readonly Actor[],
  seed: number,
  status: "verified" | "unchecked",
): Promise<string[]> {
  if (count === 0) return [];
  const random = mulberry32(seed);
  const spans = pickClaimSpans(random, tokenize(article.text), count);
  const rows = spans.map((span, index) => {
    const { quote } = describeRange(article.text, span.start, span.end);
    return {
      articleId: article.id,
      revisionId: article.revisionId,
      ...quote,
      start: span.start,
      end: span.end,
      claimant: index % 3 === 0 ? pick(random, ["A government spokesperson", "The minister", "An analyst"]) : null,
      status,
      createdById: (authors[index % authors.length] ?? authors[0])?.id ?? "",
    };
  });
  const created = await db.claim.createManyAndReturn({ data: rows, select: { id: true, start: true } });
  return created.sort((a, b) => a.start - b.start).map((row) => row.id);
}

const VERDICTS = ["true", "mostly_true", "mixed", "misleading", "false", "unverifiable"] as const;
const STANCES = ["supports", "refutes", "context"] as const;

/**
 * For each claim: an approved source and an approved verification by `author`, each approved
 * by `reviewer` (version 1), and on every tenth claim a reply under the verification.
 */
async function verifyClaims(claimIds: readonly string[], author: Actor, reviewer: Actor, seed: number): Promise<void> {
  if (claimIds.length === 0) return;
  const random = mulberry32(seed);
  const submittedAt = new Date("2026-11-20T10:00:00Z");
  const annotations = claimIds.flatMap((claimId, index) => {
    const rationale = rationaleFromText(
      `The figure matches the official statistics release of the quarter (table ${index + 1}).\n\n` +
        "The quote itself was checked against the recording of the press conference.",
    );
    return [
      {
        claimId,
        kind: "source" as const,
        status: "approved" as const,
        version: 1,
        authorId: author.id,
        url: `https://statistics.example.org/releases/${index + 1}`,
        title: `Quarterly release ${index + 1}`,
        publisher: "Statistics Office",
        excerpt: "Employment rose by 0.4 % over the quarter, seasonally adjusted.",
        stance: pick(random, STANCES),
        submittedAt,
      },
      {
        claimId,
        kind: "verification" as const,
        status: "approved" as const,
        version: 1,
        authorId: author.id,
        verdict: pick(random, VERDICTS),
        rationale: rationale.doc as object,
        rationaleText: rationale.text,
        submittedAt,
      },
    ];
  });
  const created = await db.annotation.createManyAndReturn({ data: annotations, select: { id: true, kind: true, claimId: true } });
  await db.review.createMany({
    data: created.map((annotation) => ({
      annotationId: annotation.id,
      reviewerId: reviewer.id,
      decision: "approve" as const,
      comment: "Checked the source; the verdict follows from it.",
      version: 1,
    })),
  });
  const every10th = new Set(claimIds.filter((_, index) => index % 10 === 0));
  await db.reply.createMany({
    data: created
      .filter((annotation) => annotation.kind === "verification" && every10th.has(annotation.claimId))
      .map((annotation) => ({ annotationId: annotation.id, authorId: reviewer.id, body: "Agreed, the release says so." })),
  });
}

/** Seeds users, a token and the articles. Needs DATABASE_URL set before lib/db is first imported. */
export async function prepareData(): Promise<BenchData> {
  await seed({ demoAccounts: true });
  const alice = await actorFor("alice@factdesk.test");
  const bob = await actorFor("bob@factdesk.test");
  // createAccessToken requires a session credential: the benchmark acts as alice's browser here.
  const { secret: token } = await createAccessToken({ actor: alice, credential: "session", input: { name: "benchmark" } });

  const largeText = generateArticleText(mulberry32(SEED), LARGE_ARTICLE_WORDS);
  const large = await importArticle("Bench: 20,000 words, 1,000 claims", largeText);
  const small = await importArticle("Bench: 20,000 words, 10 claims", largeText);
  const bare = await importArticle("Bench: 20,000 words, no claims", largeText);
  const target = await importArticle("Bench: annotation target", generateArticleText(mulberry32(SEED + 1), 5_000));
  const floor = await importArticle("Bench: database floor", generateArticleText(mulberry32(SEED + 2), 200));

  const largeClaims = await insertClaims(large, LARGE_ARTICLE_CLAIMS, [alice, bob], SEED + 3, "verified");
  await verifyClaims(largeClaims, bob, alice, SEED + 4);
  // Ten claims spread over the same text, each with the same annotations, reviews and replies as above.
  const smallClaims = await insertClaims(small, SMALL_CLAIMS, [alice, bob], SEED + 3, "verified");
  await verifyClaims(smallClaims, bob, alice, SEED + 4);
  const targetClaims = await insertClaims(target, TARGET_CLAIMS, [alice, bob], SEED + 5, "unchecked");
  const [floorClaimId] = await insertClaims(floor, 1, [alice], SEED + 6, "unchecked");
  if (!floorClaimId) throw new Error("no floor claim");

  const summary = (article: { id: string; text: string }, claimIds: string[]): BenchArticle => ({
    id: article.id,
    claimIds,
    textLength: article.text.length,
  });
  return {
    token,
    alice,
    large: summary(large, largeClaims),
    small: summary(small, smallClaims),
    bare: summary(bare, []),
    target: summary(target, targetClaims),
    floorClaimId,
  };
}
