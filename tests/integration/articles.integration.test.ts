import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createArticle } from "@/lib/articles/create-article";
import { getArticle } from "@/lib/articles/get-article";
import { listArticles } from "@/lib/articles/list-articles";
import { canonicalTextFromJSON } from "@/lib/anchoring";
import { seed, SEED_ARTICLE_KEY } from "@/prisma/seed";
import { makeArticle, makeUser } from "./factories";

describe("articles", () => {
  it("cannot be read without signing in", async () => {
    const id = await makeArticle();
    await expect(getArticle({ actor: null, id })).rejects.toMatchObject({ code: "unauthenticated" });
    await expect(listArticles({ actor: null })).rejects.toMatchObject({ code: "unauthenticated" });
  });

  it("are imported by editors only; a reviewer's attempt stores nothing", async () => {
    const reviewer = await makeUser("reviewer");
    const before = await db.article.count();
    await expect(createArticle({ actor: reviewer, input: { title: "Nope", text: "Text." } })).rejects.toMatchObject({
      code: "forbidden",
    });
    expect(await db.article.count()).toBe(before);
  });

  it("refuses bad input with field errors and stores nothing", async () => {
    const editor = await makeUser("editor");
    const before = await db.article.count();
    await expect(createArticle({ actor: editor, input: { title: "", text: "Text." } })).rejects.toMatchObject({
      code: "invalid_input",
      fields: { title: "Enter a title." },
    });
    await expect(
      createArticle({ actor: editor, input: { title: "T", text: "Text.", url: "javascript:alert(1)" } }),
    ).rejects.toMatchObject({ code: "invalid_input", fields: { url: expect.any(String) } });
    await expect(
      createArticle({ actor: editor, input: { title: "T", doc: { type: "doc", content: [{ type: "script" }] } } }),
    ).rejects.toMatchObject({ code: "unprocessable" });
    expect(await db.article.count()).toBe(before);
  });

  it("store revision 1 with its canonical text and an audit event", async () => {
    const editor = await makeUser("editor");
    const { id } = await createArticle({
      actor: editor,
      input: { title: "Budget", text: "Line one\nline two.\n\nSecond paragraph.", outlet: "The Courier" },
    });
    const reviewer = await makeUser("reviewer");
    const article = await getArticle({ actor: reviewer, id });
    expect(article).toMatchObject({ title: "Budget", outlet: "The Courier", revision: { number: 1 } });
    expect(article.revision.text).toBe("Line one\nline two.\n\nSecond paragraph.");
    expect(canonicalTextFromJSON(article.revision.doc).text).toBe(article.revision.text);
    const events = await db.auditEvent.findMany({ where: { targetId: id } });
    expect(events).toMatchObject([{ action: "article.imported", actorId: editor.id }]);
  });

  it("answer not_found for an unknown id", async () => {
    const reviewer = await makeUser("reviewer");
    await expect(getArticle({ actor: reviewer, id: "nope" })).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("the seed", () => {
  it("is idempotent and keeps the article's subheadings", async () => {
    await seed({ demoAccounts: true });
    const users = await db.user.count();
    const articles = await db.article.count();
    const second = await seed({ demoAccounts: true });
    expect(second.created).toEqual([]);
    expect(await db.user.count()).toBe(users);
    expect(await db.article.count()).toBe(articles);

    const article = await db.article.findUniqueOrThrow({
      where: { seedKey: SEED_ARTICLE_KEY },
      include: { revisions: true },
    });
    expect(article.title).toBe("NATO and allies reject Macron’s hypothesis of sending troops to Ukraine");
    expect(article.outlet).toBeNull();
    const doc = article.revisions[0]?.doc as { content: Array<{ type: string; content?: Array<{ text?: string }> }> };
    const headings = doc.content.filter((node) => node.type === "heading").map((node) => node.content?.[0]?.text);
    expect(headings).toEqual([
      "NATO has no plans to send troops",
      "The US and Canada make it clear that they will not send them",
      "Scholz: neither European nor NATO soldiers.",
      "Spain prefers the delivery of material",
      "Russia warns",
    ]);
    expect(article.revisions[0]?.text).toContain("The defeat of Russia is essential for the security and stability of Europe");
    const demo = await db.user.findUniqueOrThrow({ where: { email: "erin@factdesk.test" } });
    expect(demo.role).toBe("editor");
  });
});
