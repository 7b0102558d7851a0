/**
 * Desk memory: search over articles, claims, sources and verdicts; "checked before" matches;
 * links between claims; reusing a match's sources. Against the real database, its triggers
 * and indexes (the desk_memory migration).
 */
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { createClaim } from "@/lib/claims/create-claim";
import { submitAnnotation } from "@/lib/annotations/submit-annotation";
import { search } from "@/lib/search/search";
import { findMatches } from "@/lib/matching/find-matches";
import { forgetDeskStats } from "@/lib/matching/desk-stats";
import { linkClaims, unlinkClaims } from "@/lib/matching/link-claims";
import { reuseSources } from "@/lib/matching/reuse-sources";
import { getClaimHistory } from "@/lib/claims/get-claim-history";
import type { SearchPageDTO } from "@/lib/search/schemas";
import { makeArticle, makeUser } from "./factories";
import { databaseState, makeSource, makeVerification } from "./claim-factories";
import { review } from "./review-factories";

/** A word no other test uses, so searches here find only what this test made. */
/**
 * A word no other test writes, of letters drawn from the whole alphabet. (Hex with its digits
 * turned into "x" made words that were mostly x: two of them shared enough trigrams for the
 * misspelling fallback of search to take one for the other.)
 */
function uniqueWord(): string {
  return `zq${Array.from(randomBytes(10), (byte) => String.fromCharCode(97 + (byte % 26))).join("")}`;
}

/** An article holding `text` and a claim by `actor` on all of it. */
async function claimOn(actor: Actor, text: string, title = "Desk memory article") {
  const articleId = await makeArticle(text, title);
  const claim = await createClaim({ actor, articleId, input: { exact: text, start: 0, end: text.length, revision: 1 } });
  return { articleId, claim };
}

/** A source approved by `reviewer`. */
async function approvedSource(author: Actor, reviewer: Actor, claimId: string, extra: Record<string, unknown> = {}) {
  const draft = await makeSource(author, claimId, extra);
  const sent = await submitAnnotation({ actor: author, annotationId: draft.id });
  await review(reviewer, sent);
  return sent;
}

async function approvedVerdict(author: Actor, reviewer: Actor, claimId: string, verdict = "false", rationale = "Checked against the record.") {
  const draft = await makeVerification(author, claimId, { verdict, rationale });
  const sent = await submitAnnotation({ actor: author, annotationId: draft.id });
  await review(reviewer, sent);
  return sent;
}

function ids(page: SearchPageDTO): string[] {
  return page.items.map((item) => item.id);
}

describe("search", () => {
  it("finds a claim by the words of its quote, with the matched words marked in a plain-text snippet", async () => {
    const alice = await makeUser("reviewer", "Alice");
    const word = uniqueWord();
    const { claim, articleId } = await claimOn(alice, `The <b>mayor</b> said ${word} funding rose by 12% in 2024.`);
    const page = await search({ actor: alice, input: { q: word, type: "claim" } });
    expect(page.items).toEqual([
      expect.objectContaining({ type: "claim", id: claim.id, claimId: claim.id, articleId, articleTitle: "Desk memory article" }),
    ]);
    const snippet = page.items[0]?.snippet ?? [];
    expect(snippet.filter((part) => part.highlight).map((part) => part.text)).toEqual([word]);
    // A claim's snippet is its whole quote as written: markup in it is text like any other
    // (the UI renders parts as text), and highlights are a flag on the parts, never tags.
    expect(snippet.map((part) => part.text).join("")).toBe(`The <b>mayor</b> said ${word} funding rose by 12% in 2024.`);
  });

  it("finds words without their accents and in other forms of the word", async () => {
    const alice = await makeUser();
    const word = uniqueWord();
    const { claim } = await claimOn(alice, `Le café ${word} closed three bakeries last winter.`);
    expect(ids(await search({ actor: alice, input: { q: `cafe ${word}` } }))).toContain(claim.id);
    expect(ids(await search({ actor: alice, input: { q: `bakery ${word}`, type: "claim" } }))).toEqual([claim.id]);
  });

  it("finds a claim by a misspelt name when no word matches exactly", async () => {
    const alice = await makeUser();
    const name = `Kiptum${uniqueWord()}`;
    const { claim } = await claimOn(alice, `${name} set the marathon world record in Chicago.`);
    const page = await search({ actor: alice, input: { q: `${name.slice(0, -1)}q` } });
    expect(ids(page)).toContain(claim.id);
    expect(page.nextCursor).toBeNull();
  });

  it("never finds someone else's draft source or verdict, and finds it once submitted", async () => {
    const [alice, bob] = [await makeUser("reviewer", "Alice"), await makeUser("reviewer", "Bob")];
    const word = uniqueWord();
    const { claim } = await claimOn(alice, "The river flooded twice this spring.");
    const source = await makeSource(bob, claim.id, { title: `Hydrology ${word} report`, url: "https://water.example.org/report" });
    const verdict = await makeVerification(bob, claim.id, { rationale: `Gauges ${word} show one flood.` });

    expect((await search({ actor: alice, input: { q: word } })).items).toEqual([]);
    expect(ids(await search({ actor: bob, input: { q: word } })).sort()).toEqual([source.id, verdict.id].sort());

    await submitAnnotation({ actor: bob, annotationId: source.id });
    expect(ids(await search({ actor: alice, input: { q: word } }))).toEqual([source.id]);
    const hit = (await search({ actor: alice, input: { q: word, type: "source" } })).items[0];
    expect(hit).toMatchObject({ type: "source", claimId: claim.id });
  });

  it("filters by type, claim status, verdict, article, author and date", async () => {
    const [alice, bob] = [await makeUser("reviewer", "Alice"), await makeUser("reviewer", "Bob")];
    const word = uniqueWord();
    const verified = await claimOn(alice, `Inflation ${word} reached 9% in March.`, `Prices ${word}`);
    const open = await claimOn(bob, `Inflation ${word} fell to 2% by autumn.`);
    await approvedSource(alice, bob, verified.claim.id);
    await approvedVerdict(alice, bob, verified.claim.id, "mostly_true", `The ${word} index says 8.9%.`);

    const only = async (input: Record<string, string>) => ids(await search({ actor: alice, input: { q: word, ...input } })).sort();

    expect(await only({ type: "claim" })).toEqual([verified.claim.id, open.claim.id].sort());
    expect(await only({ type: "article" })).toEqual([verified.articleId, open.articleId].sort());
    expect(await only({ type: "article", status: "verified" })).toEqual([verified.articleId]);
    expect(await only({ type: "claim", status: "verified" })).toEqual([verified.claim.id]);
    expect(await only({ type: "claim", status: "unchecked" })).toEqual([open.claim.id]);
    expect(await only({ type: "claim", verdict: "mostly_true" })).toEqual([verified.claim.id]);
    expect(await only({ type: "claim", verdict: "false" })).toEqual([]);
    expect(await only({ type: "claim", articleId: open.articleId })).toEqual([open.claim.id]);
    // Who marked it or wrote its sources and verdicts (bob only reviewed alice's).
    expect(await only({ type: "claim", author: bob.id })).toEqual([open.claim.id]);
    expect(await only({ type: "claim", author: alice.id })).toEqual([verified.claim.id]);
    expect(await only({ type: "verdict", author: alice.id, verdict: "mostly_true" })).toHaveLength(1);
    const today = new Date().toISOString().slice(0, 10);
    expect(await only({ type: "claim", from: today, to: today })).toEqual([verified.claim.id, open.claim.id].sort());
    expect(await only({ type: "claim", to: "2020-01-01" })).toEqual([]);
  });

  it("pages through results without repeating or skipping any, while new ones are added", async () => {
    const alice = await makeUser();
    const word = uniqueWord();
    const first: string[] = [];
    for (let index = 0; index < 25; index += 1) {
      first.push((await claimOn(alice, `Harbour ${word} traffic grew in quarter ${index}.`)).claim.id);
    }
    const page1 = await search({ actor: alice, input: { q: word, type: "claim" } });
    expect(page1.items).toHaveLength(20);
    expect(page1.nextCursor).not.toBeNull();
    // Added between the pages: one ranking above the first page's last result (the word twice),
    // which belongs before the cursor and so is not shown later, and one ranking the same.
    const added = [
      (await claimOn(alice, `Harbour ${word} ${word} traffic doubled.`)).claim.id,
      (await claimOn(alice, `Harbour ${word} traffic grew in quarter 99.`)).claim.id,
    ];
    const seen = [...ids(page1)];
    let cursor = page1.nextCursor;
    while (cursor) {
      const page = await search({ actor: alice, input: { q: word, type: "claim", cursor } });
      seen.push(...ids(page));
      cursor = page.nextCursor;
    }
    expect(new Set(seen).size).toBe(seen.length);
    for (const id of first) expect(seen).toContain(id);
    expect(seen).not.toContain(added[0]);
    expect(seen).toContain(added[1]);
  });

  it.each([
    ["no query", {}, "q"],
    ["a blank query", { q: "   " }, "q"],
    ["an unknown type", { q: "x", type: "user" }, "type"],
    ["an unknown status", { q: "x", status: "done" }, "status"],
    ["an unknown verdict", { q: "x", verdict: "pants_on_fire" }, "verdict"],
    ["a malformed date", { q: "x", from: "31/12/2025" }, "from"],
    ["a start after the end", { q: "x", from: "2026-02-01", to: "2026-01-01" }, "from"],
    ["a forged cursor", { q: "x", cursor: "bm90IGEgY3Vyc29y" }, "cursor"],
    ["an unknown parameter", { q: "x", sort: "date" }, "sort"],
  ])("answers 400 for %s", async (_label, input, field) => {
    const alice = await makeUser();
    await expect(search({ actor: alice, input })).rejects.toMatchObject({ code: "invalid_input", fields: { [field]: expect.any(String) } });
  });

  it("needs a signed-in user", async () => {
    await expect(search({ actor: null, input: { q: "anything" } })).rejects.toMatchObject({ code: "unauthenticated" });
  });
});

describe("checked before", () => {
  it("finds a restatement on another article as the same claim, with its approved verdict, and never the claim itself", async () => {
    forgetDeskStats();
    const [alice, bob, erin] = [await makeUser("reviewer", "Alice"), await makeUser("reviewer", "Bob"), await makeUser("editor", "Erin")];
    const earlier = await claimOn(bob, "Norway's sovereign wealth fund lost 1.6 trillion kroner in 2022.", "Oil fund");
    await approvedVerdict(bob, erin, earlier.claim.id, "true");
    await approvedSource(bob, erin, earlier.claim.id);
    // A draft verdict of someone else on the match is not its verdict.
    await makeVerification(alice, earlier.claim.id, { verdict: "false" });
    const unrelated = await claimOn(bob, "The fund opened a new office in Singapore last year.");
    const later = await claimOn(alice, "In 2022 the Norwegian oil fund posted a loss of 1.6 trillion kroner.");

    const { items } = await findMatches({ actor: alice, claimId: later.claim.id });
    expect(items[0]).toMatchObject({
      level: "same",
      linked: false,
      claim: { id: earlier.claim.id, articleId: earlier.articleId, articleTitle: "Oil fund", status: "verified", verdict: "true" },
    });
    expect(items.map((item) => item.claim.id)).not.toContain(later.claim.id);
    expect(items.map((item) => item.claim.id)).not.toContain(unrelated.claim.id);
    expect(items.length).toBeLessThanOrEqual(5);
    for (const item of items) expect(item.score).toBeGreaterThanOrEqual(0.3);
  });

  it("suggests nothing for a sentence that only shares common words", async () => {
    forgetDeskStats();
    const alice = await makeUser();
    await claimOn(alice, "The government said the new rail line will cost 4 billion pounds.");
    const lonely = await claimOn(alice, "The new museum said the line of visitors will grow this summer.");
    expect((await findMatches({ actor: alice, claimId: lonely.claim.id })).items).toEqual([]);
  });

  it("answers 404 for a claim that does not exist", async () => {
    const alice = await makeUser();
    await expect(findMatches({ actor: alice, claimId: "c-missing" })).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("links", () => {
  it("records a link both ways with an audit event on each claim, and unlinking removes both", async () => {
    const [alice, bob] = [await makeUser("reviewer", "Alice"), await makeUser("reviewer", "Bob")];
    const a = await claimOn(bob, "Measles cases tripled in Europe in 2023.");
    const b = await claimOn(alice, "Europe saw three times as many measles cases in 2023.");

    await expect(linkClaims({ actor: alice, claimId: b.claim.id, input: { claimId: a.claim.id } })).resolves.toMatchObject({ created: true });
    expect((await findMatches({ actor: alice, claimId: b.claim.id })).links.map((claim) => claim.id)).toEqual([a.claim.id]);
    expect((await findMatches({ actor: bob, claimId: a.claim.id })).links.map((claim) => claim.id)).toEqual([b.claim.id]);
    const events = await db.auditEvent.findMany({ where: { action: "claim.linked", claimId: { in: [a.claim.id, b.claim.id] } } });
    expect(events.map((event) => [event.targetId, event.actorId]).sort()).toEqual(
      [
        [a.claim.id, alice.id],
        [b.claim.id, alice.id],
      ].sort(),
    );
    const history = await getClaimHistory({ actor: bob, claimId: a.claim.id });
    expect(history.items.map((item) => item.summary).join("\n")).toContain("linked it as the same claim");

    // Linking again changes nothing.
    const before = await databaseState();
    await expect(linkClaims({ actor: bob, claimId: a.claim.id, input: { claimId: b.claim.id } })).resolves.toMatchObject({ created: false });
    expect(await databaseState()).toEqual(before);

    await unlinkClaims({ actor: bob, claimId: a.claim.id, otherId: b.claim.id });
    expect(await db.claimLink.count({ where: { claimId: { in: [a.claim.id, b.claim.id] } } })).toBe(0);
    expect(await db.auditEvent.count({ where: { action: "claim.unlinked", claimId: { in: [a.claim.id, b.claim.id] } } })).toBe(2);
    await expect(unlinkClaims({ actor: bob, claimId: a.claim.id, otherId: b.claim.id })).rejects.toMatchObject({ code: "not_found" });
  });

  it.each([
    ["itself", (self: string) => ({ claimId: self }), "invalid_input"],
    ["a missing claim", () => ({ claimId: "c-missing" }), "not_found"],
    ["no claim id", () => ({}), "invalid_input"],
    ["an extra field", (_self: string, other: string) => ({ claimId: other, createdBy: "x" }), "invalid_input"],
  ])("refuses a link to %s and changes nothing", async (_label, body, code) => {
    const alice = await makeUser();
    const a = await claimOn(alice, "Wildfires burned 2 million hectares.");
    const b = await claimOn(alice, "Two million hectares burned in wildfires.");
    const before = { state: await databaseState(), links: await db.claimLink.count() };
    await expect(linkClaims({ actor: alice, claimId: a.claim.id, input: body(a.claim.id, b.claim.id) })).rejects.toMatchObject({ code });
    expect({ state: await databaseState(), links: await db.claimLink.count() }).toEqual(before);
  });
});

describe("reusing a match's sources", () => {
  it("copies its approved sources as the caller's own drafts, once", async () => {
    const [alice, bob, erin] = [await makeUser("reviewer", "Alice"), await makeUser("reviewer", "Bob"), await makeUser("editor", "Erin")];
    const earlier = await claimOn(bob, "Global sea level rose 10 cm since 1993.");
    const approved = await approvedSource(bob, erin, earlier.claim.id, {
      url: "https://climate.example.org/sea-level",
      title: "Sea level indicator",
      publisher: "Climate office",
      excerpt: "About 10 cm since 1993.",
      stance: "supports",
    });
    await makeSource(bob, earlier.claim.id, { url: "https://draft.example.org/", title: "Bob's unfinished draft" });
    const later = await claimOn(alice, "Seas are 10 centimetres higher than in 1993.");

    const items = await reuseSources({ actor: alice, claimId: later.claim.id, input: { fromClaimId: earlier.claim.id } });
    expect(items).toEqual([
      expect.objectContaining({
        kind: "source",
        status: "draft",
        claimId: later.claim.id,
        author: { id: alice.id, name: "Alice" },
        url: "https://climate.example.org/sea-level",
        title: "Sea level indicator",
        publisher: "Climate office",
        excerpt: "About 10 cm since 1993.",
        stance: "supports",
      }),
    ]);
    expect(await db.annotation.findUniqueOrThrow({ where: { id: approved.id }, select: { status: true, claimId: true } })).toEqual({
      status: "approved",
      claimId: earlier.claim.id,
    });
    const created = await db.auditEvent.findFirstOrThrow({ where: { targetId: items[0]?.id, action: "annotation.created" } });
    expect(created.actorId).toBe(alice.id);

    // Again: nothing new.
    await expect(reuseSources({ actor: alice, claimId: later.claim.id, input: { fromClaimId: earlier.claim.id } })).resolves.toEqual([]);
  });

  it("refuses a claim without approved sources, a missing claim and the claim itself, changing nothing", async () => {
    const alice = await makeUser();
    const a = await claimOn(alice, "Cod stocks fell by half.");
    const b = await claimOn(alice, "Cod stocks halved.");
    await makeSource(alice, a.claim.id);
    for (const [input, code] of [
      [{ fromClaimId: a.claim.id }, "conflict"],
      [{ fromClaimId: "c-missing" }, "not_found"],
      [{ fromClaimId: b.claim.id }, "invalid_input"],
      [{}, "invalid_input"],
    ] as const) {
      const before = await databaseState();
      await expect(reuseSources({ actor: alice, claimId: b.claim.id, input })).rejects.toMatchObject({ code });
      expect(await databaseState()).toEqual(before);
    }
  });
});

describe("an article's language", () => {
  it("is detected at import when not chosen, and picks the stemmer search uses", async () => {
    const alice = await makeUser();
    const { createArticle } = await import("@/lib/articles/create-article");
    const { SYSTEM } = await import("@/lib/auth/actor");
    const word = uniqueWord();
    const text = `Le gouvernement a annoncé mardi que les exportations ${word} de fromages ont augmenté de douze pour cent.`;
    const { id } = await createArticle({ actor: SYSTEM, input: { title: "Exportations", text } });
    expect(await db.article.findUniqueOrThrow({ where: { id }, select: { language: true } })).toEqual({ language: "fr" });
    const claim = await createClaim({ actor: alice, articleId: id, input: { exact: text, start: 0, end: text.length, revision: 1 } });
    // French stemming: "fromage" finds "fromages", and "annonce" (no accent) finds "annoncé".
    expect(ids(await search({ actor: alice, input: { q: `fromage annonce ${word}`, type: "claim" } }))).toEqual([claim.id]);

    const chosen = await createArticle({ actor: SYSTEM, input: { title: "Chosen", text: "Short.", language: "de" } });
    expect(await db.article.findUniqueOrThrow({ where: { id: chosen.id }, select: { language: true } })).toEqual({ language: "de" });
  });

  it("refuses a language that is not offered, storing nothing", async () => {
    const { createArticle } = await import("@/lib/articles/create-article");
    const { SYSTEM } = await import("@/lib/auth/actor");
    const before = await db.article.count();
    await expect(createArticle({ actor: SYSTEM, input: { title: "Bad", text: "Text.", language: "xx" } })).rejects.toMatchObject({
      code: "invalid_input",
      fields: { language: expect.any(String) },
    });
    expect(await db.article.count()).toBe(before);
  });
});

describe("the language in exports", () => {
  it("is the ClaimReview inLanguage of a version published from the article", async () => {
    const { createArticle } = await import("@/lib/articles/create-article");
    const { SYSTEM } = await import("@/lib/auth/actor");
    const { publishVersion } = await import("@/lib/versions/publish-version");
    const { getVersion } = await import("@/lib/versions/get-version");
    const { renderExport } = await import("@/lib/exports");
    const [author, reviewer, editor] = [await makeUser(), await makeUser(), await makeUser("editor")];
    const text = "Le chômage est tombé à 7 % en 2024.";
    const { id: articleId } = await createArticle({ actor: SYSTEM, input: { title: "Chômage", text, language: "fr" } });
    const claim = await createClaim({ actor: author, articleId, input: { exact: text, start: 0, end: text.length, revision: 1 } });
    await approvedSource(author, reviewer, claim.id);
    await approvedVerdict(author, reviewer, claim.id, "true");
    const version = await publishVersion({ actor: editor, articleId, input: {} });
    const { snapshot } = await getVersion({ articleId, number: version.number });
    expect(snapshot.article.language).toBe("fr");
    const exported = renderExport(snapshot, "claimreview", {
      baseUrl: "https://desk.example.org",
      organization: { name: "Desk", url: "https://desk.example.org" },
    });
    expect(exported.body).toContain('"inLanguage": "fr"');
  });
});
