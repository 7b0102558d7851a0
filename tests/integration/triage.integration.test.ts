import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createClaim } from "@/lib/claims/create-claim";
import { listSuggestions } from "@/lib/triage/list-suggestions";
import { dismissSuggestion, restoreSuggestion } from "@/lib/triage/dismiss-suggestion";
import { MIN_REFIT_EXAMPLES, refitTriage } from "@/lib/triage/refit";
import { SHIPPED_WEIGHTS } from "@/lib/triage/model";
import type { SuggestionDTO } from "@/lib/triage/present";
import type { Actor } from "@/lib/auth/actor";
import { makeArticle, makeUser } from "./factories";

const TEXT = [
  "Hospital waits",
  "More than 7.6 million people were waiting for planned treatment at the end of September, figures from NHS England show. The waiting room was quiet.",
  "Unemployment fell to 6.2% in March, the lowest since 2008, said the health ministry.",
  "Is the health service beyond repair?",
].join("\n\n");

async function state() {
  const [dismissals, models, auditEvents] = await Promise.all([
    db.suggestionDismissal.findMany({ orderBy: { id: "asc" } }),
    db.triageModel.findMany({ orderBy: { id: "asc" } }),
    db.auditEvent.count(),
  ]);
  return { dismissals, models, auditEvents };
}

async function expectRefusedUnchanged(attempt: () => Promise<unknown>, expected: Record<string, unknown>): Promise<void> {
  const before = await state();
  await expect(attempt()).rejects.toMatchObject(expected);
  expect(await state()).toEqual(before);
}

const span = (item: SuggestionDTO, revision = 1) => ({ start: item.start, end: item.end, exact: item.exact, revision });

async function suggestions(actor: Actor, articleId: string, status = "open"): Promise<SuggestionDTO[]> {
  return (await listSuggestions({ actor, articleId, query: { status } })).items;
}

afterAll(async () => {
  // The desk's refitted weights would score every later article: leave the shipped ones.
  await db.triageModel.deleteMany();
});

describe("suggestions", () => {
  it("lists the check-worthy sentences of the current revision, best first, with reasons and claimant", async () => {
    const reviewer = await makeUser();
    const articleId = await makeArticle(TEXT);
    const items = await suggestions(reviewer, articleId);
    expect(items.map((item) => item.exact)).toEqual(
      expect.arrayContaining([
        "Unemployment fell to 6.2% in March, the lowest since 2008, said the health ministry.",
        "More than 7.6 million people were waiting for planned treatment at the end of September, figures from NHS England show.",
      ]),
    );
    expect(items.map((item) => item.exact)).not.toContain("Is the health service beyond repair?");
    expect(items.map((item) => item.exact)).not.toContain("Hospital waits");
    const scores = items.map((item) => item.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    const unemployment = items.find((item) => item.exact.startsWith("Unemployment"));
    expect(unemployment).toMatchObject({ status: "open", claimant: "the health ministry" });
    expect(unemployment?.reasons).toEqual(expect.arrayContaining(["a statistic: 6.2%", "attributed to the health ministry"]));
    for (const item of items) expect(TEXT.slice(item.start, item.end)).toBe(item.exact);
  });

  it("never suggests text that already has a claim", async () => {
    const reviewer = await makeUser();
    const articleId = await makeArticle(TEXT);
    const exact = "6.2%";
    const start = TEXT.indexOf(exact);
    await createClaim({ actor: reviewer, articleId, input: { exact, start, end: start + exact.length, revision: 1 } });
    const items = await suggestions(reviewer, articleId, "all");
    expect(items.some((item) => item.start <= start && start < item.end)).toBe(false);
    expect(items.length).toBeGreaterThan(0);
  });

  it("answers 404 for an unknown article and 400 for an unknown filter", async () => {
    const reviewer = await makeUser();
    await expect(listSuggestions({ actor: reviewer, articleId: "nope", query: {} })).rejects.toMatchObject({ code: "not_found" });
    const articleId = await makeArticle(TEXT);
    await expect(listSuggestions({ actor: reviewer, articleId, query: { status: "closed" } })).rejects.toMatchObject({
      code: "invalid_input",
      fields: { status: expect.any(String) },
    });
    await expect(listSuggestions({ actor: null, articleId, query: {} })).rejects.toMatchObject({ code: "unauthenticated" });
  });
});

describe("dismissing a suggestion", () => {
  it("hides it for the whole desk, in the audit log, until someone restores it", async () => {
    const alice = await makeUser("reviewer", "Alice");
    const bob = await makeUser("reviewer", "Bob");
    const articleId = await makeArticle(TEXT);
    const [first] = await suggestions(alice, articleId);
    if (!first) throw new Error("no suggestion");

    await expect(dismissSuggestion({ actor: alice, articleId, input: span(first) })).resolves.toMatchObject({ status: "dismissed" });
    expect((await suggestions(bob, articleId)).map((item) => item.exact)).not.toContain(first.exact);
    expect((await suggestions(bob, articleId, "all")).find((item) => item.exact === first.exact)?.status).toBe("dismissed");
    const dismissed = await db.auditEvent.findFirst({ where: { action: "suggestion.dismissed", targetId: articleId } });
    expect(dismissed).toMatchObject({ actorId: alice.id, targetType: "article", after: { exact: first.exact, revision: 1 } });

    // Dismissing again changes nothing: one row, one event.
    await dismissSuggestion({ actor: bob, articleId, input: span(first) });
    expect(await db.suggestionDismissal.count({ where: { articleId } })).toBe(1);
    expect(await db.auditEvent.count({ where: { action: "suggestion.dismissed", targetId: articleId } })).toBe(1);

    await expect(restoreSuggestion({ actor: bob, articleId, input: span(first) })).resolves.toMatchObject({ status: "open" });
    expect((await suggestions(alice, articleId)).map((item) => item.exact)).toContain(first.exact);
    expect(await db.auditEvent.findFirst({ where: { action: "suggestion.restored", targetId: articleId } })).toMatchObject({ actorId: bob.id });
    await expectRefusedUnchanged(() => restoreSuggestion({ actor: bob, articleId, input: span(first) }), { code: "not_found" });
  });

  it("refuses bad input with a clear error and changes nothing", async () => {
    const reviewer = await makeUser();
    const articleId = await makeArticle(TEXT);
    const [first] = await suggestions(reviewer, articleId);
    if (!first) throw new Error("no suggestion");
    const cases: [Record<string, unknown>, Record<string, unknown>][] = [
      [{ ...span(first), exact: "Something else entirely" }, { code: "unprocessable" }],
      [{ ...span(first), end: first.end - 1, exact: first.exact.slice(0, -1) }, { code: "unprocessable", fields: { start: expect.any(String) } }],
      [{ ...span(first), revision: 2 }, { code: "not_found" }],
      [{ ...span(first), start: "0" }, { code: "invalid_input", fields: { start: expect.any(String) } }],
      [{ ...span(first), status: "dismissed" }, { code: "invalid_input", fields: { status: expect.any(String) } }],
      [{ ...span(first), end: first.start }, { code: "invalid_input", fields: { end: expect.any(String) } }],
    ];
    for (const [input, expected] of cases) {
      await expectRefusedUnchanged(() => dismissSuggestion({ actor: reviewer, articleId, input }), expected);
    }
    await expectRefusedUnchanged(() => dismissSuggestion({ actor: null, articleId, input: span(first) }), { code: "unauthenticated" });
    await expectRefusedUnchanged(() => dismissSuggestion({ actor: reviewer, articleId: "nope", input: span(first) }), { code: "not_found" });
  });
});

/** Sentences with a figure and nothing else of note, and comparisons without figures. */
const FIGURES = Array.from({ length: 110 }, (_, i) => `Platform ${i + 1} had ${i + 40} passengers waiting.`);
const KINDS = ["Green", "Red", "Yellow", "Brown", "Golden", "Winter", "Summer", "Early", "Late", "Wild"];
const FRUITS = ["apples", "pears", "plums", "cherries", "figs", "grapes", "melons", "peaches", "lemons", "quinces"];
const COMPARISONS = KINDS.flatMap((kind) => FRUITS.map((fruit) => `${kind} ${fruit} are more popular than red currants.`));

describe("refitting the weights on the desk's examples", () => {
  it("is for administrators only: a reviewer gets 403 and nothing is stored", async () => {
    const reviewer = await makeUser();
    const editor = await makeUser("editor");
    await expectRefusedUnchanged(() => refitTriage({ actor: reviewer, input: {} }), { code: "forbidden" });
    await expectRefusedUnchanged(() => refitTriage({ actor: editor, input: {} }), { code: "forbidden" });
    const admin = await makeUser("admin");
    await expectRefusedUnchanged(() => refitTriage({ actor: admin, input: { steps: 10 } }), { code: "invalid_input" });
  });

  it("stores new weights fitted on claims and dismissals, which change the ranking", async () => {
    const admin = await makeUser("admin");
    const reviewer = await makeUser();
    const probe = await makeArticle(
      "Apples are more popular than pears in the valley.\n\nThe ferry carried 212 cars on Sunday.",
    );
    const rankBefore = (await suggestions(reviewer, probe, "all")).map((item) => item.exact);

    // Too few examples: refused, nothing stored.
    const examplesBefore = (await db.claim.count()) + (await db.suggestionDismissal.count());
    if (examplesBefore < MIN_REFIT_EXAMPLES) {
      await expectRefusedUnchanged(() => refitTriage({ actor: admin, input: {} }), { code: "conflict" });
    }

    // The desk marks figures as claims and dismisses comparisons.
    const figures = await makeArticle(FIGURES.join("\n\n"));
    let offset = 0;
    for (const sentence of FIGURES) {
      await createClaim({ actor: reviewer, articleId: figures, input: { exact: sentence, start: offset, end: offset + sentence.length, revision: 1 } });
      offset += sentence.length + 2;
    }
    const comparisons = await makeArticle(COMPARISONS.join("\n\n"));
    offset = 0;
    for (const sentence of COMPARISONS) {
      await dismissSuggestion({ actor: reviewer, articleId: comparisons, input: { exact: sentence, start: offset, end: offset + sentence.length, revision: 1 } });
      offset += sentence.length + 2;
    }

    const model = await refitTriage({ actor: admin, input: {} });
    expect(model.examples).toBeGreaterThanOrEqual(FIGURES.length + COMPARISONS.length);
    expect(model.positives).toBeGreaterThanOrEqual(FIGURES.length);
    const stored = await db.triageModel.findUniqueOrThrow({ where: { id: model.id } });
    expect(stored).toMatchObject({ examples: model.examples, positives: model.positives, fittedById: admin.id });
    expect(stored.weights).toEqual(model.weights);
    expect(model.weights).not.toEqual(SHIPPED_WEIGHTS.weights);
    expect(model.weights.quantity).toBeGreaterThan(model.weights.comparison);
    expect(await db.auditEvent.findFirst({ where: { action: "triage.refitted", targetId: model.id } })).toMatchObject({ actorId: admin.id });

    const rankAfter = (await suggestions(reviewer, probe, "all")).map((item) => item.exact);
    expect(rankAfter[0]).toBe("The ferry carried 212 cars on Sunday.");
    expect(rankAfter).not.toEqual(rankBefore);
    // The reasons still come from the features.
    const after = (await suggestions(reviewer, probe, "all")).find((item) => item.exact.startsWith("The ferry"));
    expect(after?.reasons).toContain("a quantity: 212 cars");
  });
});
