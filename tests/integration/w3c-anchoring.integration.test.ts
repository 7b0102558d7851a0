/**
 * A real W3C client can anchor what a published version exports. For a version whose text has
 * astral characters (emoji, a mathematical letter: two UTF-16 code units each) before, inside
 * and after its claims, every exported annotation's target is fetched as the desk serves it
 * (`GET /api/articles/:id/versions/:n/text`) and anchored with Apache Annotator's DOM matchers,
 * an independent implementation of the selectors: by quote and by position, each on exactly the
 * claimed words.
 */
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createClaim } from "@/lib/claims/create-claim";
import { publishVersion } from "@/lib/versions/publish-version";
import { getVersion } from "@/lib/versions/get-version";
import { renderExport } from "@/lib/exports";
import { versionTextResponse } from "@/lib/exports/respond";
import { versionTextPath } from "@/lib/versions/urls";
import { anchorOnText, type PositionSelector, type QuoteSelector } from "@/tests/anchoring/apache-annotator";
import { makeArticle, makeUser } from "./factories";
import { annotationIn } from "./review-factories";

const CONTEXT = { baseUrl: "https://desk.example.org", organization: { name: "Desk", url: "https://desk.example.org" } };

const TEXT = [
  "Fans 🎉🎉 cheered 𝔘nited 😀 supporters. The stadium holds 54,000 people, the club says.",
  "Its 🏟️ roof cost €40 million 💶 in 2019, the council reported 📰.",
  "Tickets sold out 😀 twice, the club says.",
].join("\n\n");

/** The claims, each the first occurrence of its words after `after`. */
const CLAIMS: { exact: string; after?: string }[] = [
  { exact: "The stadium holds 54,000 people" }, // astral characters before it
  { exact: "roof cost €40 million 💶 in 2019" }, // one inside, and one after it in the paragraph
  { exact: "Tickets sold out 😀 twice" }, // at a paragraph's start, with one inside
  { exact: "the club says", after: "twice" }, // the same words as earlier: only the context tells them apart
];

interface ExportedAnnotation {
  id: string;
  target: { source: string; scope: string | string[]; selector: (QuoteSelector | PositionSelector)[] };
}

describe("anchoring the W3C export with Apache Annotator", () => {
  it("anchors every annotation on the target's text, by quote and by position, on exactly the claimed words", async () => {
    const author = await makeUser("reviewer", "Alice Author");
    const reviewer = await makeUser("reviewer", "Rita Reviewer");
    const editor = await makeUser("editor", "Erin Editor");
    const articleId = await makeArticle(TEXT, "Stadium figures");
    const revision = await db.articleRevision.findFirstOrThrow({ where: { articleId, number: 1 }, select: { text: true } });
    const text = revision.text;
    const claimed = new Map<string, string>();
    for (const { exact, after } of CLAIMS) {
      const start = text.indexOf(exact, after ? text.indexOf(after) : 0);
      expect(start, exact).toBeGreaterThanOrEqual(0);
      const claim = await createClaim({ actor: author, articleId, input: { exact, start, end: start + exact.length, revision: 1 } });
      claimed.set(claim.id, exact);
      await annotationIn("approved", author, reviewer, claim.id, "verification");
      await annotationIn("approved", author, reviewer, claim.id, "source");
    }
    const published = await publishVersion({ actor: editor, articleId, input: {} });
    const { snapshot } = await getVersion({ articleId, number: published.number });

    const collection = JSON.parse(renderExport(snapshot, "w3c", CONTEXT).body) as { first: { items: ExportedAnnotation[] } };
    const annotations = collection.first.items;
    expect(annotations).toHaveLength(CLAIMS.length * 2);

    // What a client gets when it dereferences the target: the desk's plain text of the version.
    const source = `${CONTEXT.baseUrl}${versionTextPath(articleId, published.number)}`;
    const response = versionTextResponse(new Request(source), snapshot, CONTEXT);
    expect(response.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    expect(response.headers.get("link")).toBe(`<${CONTEXT.baseUrl}/v/${articleId}/${published.number}>; rel="alternate"; type="text/html"`);
    const served = await response.text();
    expect(served).toBe(text);

    const byAnnotation = new Map(
      snapshot.claims.flatMap((claim) => [...claim.verifications, ...claim.sources].map((annotation) => [annotation.id, claim.id] as const)),
    );
    for (const annotation of annotations) {
      expect(annotation.target.source).toBe(source);
      expect(annotation.target.scope).toBe(`${CONTEXT.baseUrl}/v/${articleId}/${published.number}`);
      const quote = annotation.target.selector.find((selector): selector is QuoteSelector => selector.type === "TextQuoteSelector");
      const position = annotation.target.selector.find((selector): selector is PositionSelector => selector.type === "TextPositionSelector");
      if (!quote || !position) throw new Error(`${annotation.id} lacks a selector`);
      const exact = claimed.get(byAnnotation.get(annotation.id.split("#annotation-")[1] ?? "") ?? "");
      expect(exact, annotation.id).toBeDefined();
      const anchored = await anchorOnText(served, quote, position);
      expect(anchored.quoteMatches, `${annotation.id} by quote`).toEqual([exact]);
      expect(anchored.position, `${annotation.id} by position`).toBe(exact);
    }
  });
});
