/**
 * Every export of the seed article's fixed version against its golden file, and the promises
 * the exports make whatever the input: the same bytes every time (D5), HTML without scripts or
 * unsafe links, JSON-LD that cannot close its script element, Markdown that cannot inject
 * links or blocks.
 *
 * Golden files live in lib/exports/__golden__/. They are only ever rewritten on purpose:
 *   FACTDESK_UPDATE_GOLDEN=1 npx vitest run lib/exports/exports.test.ts
 * then review the diff like any other change.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  EXPORT_FORMATS,
  EXPORT_FORMAT_INFO,
  exportFilename,
  exportHtml,
  exportMarkdown,
  renderExport,
  type ExportFormat,
} from "@/lib/exports";
import { escapeHtml, escapeMarkdownInline, escapeMarkdownLineStart, jsonForScript, markdownHref, safeHref } from "@/lib/exports/escape";
import { contentDisposition, exportResponse, matchesIfNoneMatch } from "@/lib/exports/respond";
import { sha256Hex } from "@/lib/versions/hash";
import type { VersionSnapshot } from "@/lib/versions/snapshot";
import { FIXTURE_CONTEXT, seedSnapshot } from "@/lib/exports/__fixtures__/seed-snapshot";

const GOLDEN_DIR = path.join(import.meta.dirname, "__golden__");
const UPDATE = process.env.FACTDESK_UPDATE_GOLDEN === "1";
const GOLDEN_FILES: Record<ExportFormat, string> = {
  html: "seed-v1.html",
  markdown: "seed-v1.md",
  w3c: "seed-v1.w3c.jsonld",
  claimreview: "seed-v1.claimreview.jsonld",
};

describe("golden files of the seed article", () => {
  it.each(EXPORT_FORMATS)("%s matches its golden file byte for byte", (format) => {
    const { body } = renderExport(seedSnapshot(), format, FIXTURE_CONTEXT);
    const file = path.join(GOLDEN_DIR, GOLDEN_FILES[format]);
    if (UPDATE) {
      fs.mkdirSync(GOLDEN_DIR, { recursive: true });
      fs.writeFileSync(file, body);
    }
    expect(fs.existsSync(file), `${file} is missing; create it with FACTDESK_UPDATE_GOLDEN=1`).toBe(true);
    expect(body).toBe(fs.readFileSync(file, "utf8"));
  });

  it.each(EXPORT_FORMATS)("%s is the same bytes on every render, and from a snapshot read back from JSON", (format) => {
    const snapshot = seedSnapshot();
    const first = renderExport(snapshot, format, FIXTURE_CONTEXT).body;
    expect(renderExport(snapshot, format, FIXTURE_CONTEXT).body).toBe(first);
    // What PostgreSQL jsonb gives back has its keys in another order: the bytes must not care.
    const reordered = JSON.parse(JSON.stringify(snapshot, Object.keys(flattenKeys(snapshot)).sort().reverse())) as VersionSnapshot;
    expect(renderExport(reordered, format, FIXTURE_CONTEXT).body).toBe(first);
  });
});

/** Every key used anywhere in a value (to list them all for JSON.stringify's key filter). */
function flattenKeys(value: unknown, into: Record<string, true> = {}): Record<string, true> {
  if (Array.isArray(value)) for (const item of value) flattenKeys(item, into);
  else if (value && typeof value === "object") {
    for (const [key, child] of Object.entries(value)) {
      into[key] = true;
      flattenKeys(child, into);
    }
  }
  return into;
}

describe("the html export", () => {
  const html = exportHtml(seedSnapshot(), FIXTURE_CONTEXT);

  it("is a standalone page: no scripts but the ClaimReview JSON-LD, no external resources", () => {
    const scripts = [...html.matchAll(/<script\b[^>]*>/gi)].map((match) => match[0]);
    expect(scripts).toEqual(['<script type="application/ld+json">']);
    expect(html).not.toMatch(/<link\b(?![^>]*rel="canonical")/i);
    expect(html).not.toMatch(/<(img|iframe|object|embed|form|base)\b/i);
    expect(html).toContain("default-src 'none'");
  });

  it("has no event handler attributes and only http(s) links", () => {
    expect(html).not.toMatch(/<[^>]+\son\w+\s*=/i);
    const hrefs = [...html.matchAll(/href="([^"]*)"/g)].map((match) => match[1]!);
    expect(hrefs.length).toBeGreaterThan(10);
    for (const href of hrefs) expect(href).toMatch(/^(https?:\/\/|#|mailto:)/);
    expect(html).not.toMatch(/javascript:alert\(1\)"/);
  });

  it("escapes hostile text everywhere", () => {
    expect(html).toContain("Emmanuel &lt;b&gt;Macron&lt;/b&gt; &amp; co");
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(html).not.toContain("<b>hostile");
    expect(html).not.toContain("<script>alert");
  });

  it("embeds ClaimReview JSON-LD that cannot end its script element early", () => {
    const json = /<script type="application\/ld\+json">\n([\s\S]*?)\n<\/script>/.exec(html)?.[1] ?? "";
    expect(json).not.toMatch(/[<>]/);
    expect(json).toContain("\\u003cb\\u003eMacron");
    const reviews = JSON.parse(json) as { "@type": string }[];
    expect(reviews.map((review) => review["@type"])).toEqual(["ClaimReview", "ClaimReview", "ClaimReview", "ClaimReview"]);
  });

  it("gives every claim its anchor and note, and highlights verified claims with their verdicts", () => {
    const snapshot = seedSnapshot();
    for (const claim of snapshot.claims) {
      expect(html.match(new RegExp(`id="claim-${claim.id}"`, "g"))).toHaveLength(1);
      expect(html).toContain(`id="note-${claim.id}"`);
    }
    expect(html).toMatch(/<mark id="claim-c-kremlin" class="f-true" title="True">/);
    expect(html).toContain("Verified version 1");
    expect(html).toContain("First verified version.");
  });
});

describe("the markdown export", () => {
  const markdown = exportMarkdown(seedSnapshot(), FIXTURE_CONTEXT);

  it("puts a footnote reference after each claim and a footnote with its verdict and sources", () => {
    const snapshot = seedSnapshot();
    snapshot.claims.forEach((claim, index) => {
      expect(markdown).toContain(`[^${index + 1}]: `);
      expect(markdown.split(`[^${index + 1}]`).length).toBe(3); // one reference, one definition
    });
    expect(markdown).toContain("[^9]: **True**: “The Kremlin called");
    expect(markdown).toContain(
      "[Kremlin says conflict with NATO inevitable if troops sent](https://www.reuters.com/world/europe/kremlin-nato-troops-ukraine-2024-02-27/)",
    );
  });

  it("escapes user text so it cannot become links, HTML or emphasis", () => {
    expect(markdown).not.toMatch(/(?<!\\)\]\(javascript:/);
    expect(markdown).toContain("\\[Not\\](javascript:x) \\*real\\*");
    expect(markdown).toContain("\\<script\\>alert(1)\\</script\\>");
    expect(markdown).not.toMatch(/[^\\]<b>/);
  });
});

describe("escaping helpers", () => {
  it("escapes HTML", () => {
    expect(escapeHtml(`<a href="x" onclick='y'>&</a>`)).toBe("&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;");
  });

  it.each([
    ["https://example.org/a?b=1", "https://example.org/a?b=1"],
    [" http://example.org ", "http://example.org/"],
    ["javascript:alert(1)", null],
    ["JAVASCRIPT:alert(1)", null],
    ["data:text/html,<script>", null],
    ["/relative", null],
    ["mailto:a@example.org", null],
    ["", null],
  ])("safeHref(%j) is %j", (input, expected) => {
    expect(safeHref(input)).toBe(expected);
  });

  it("allows mailto only when asked", () => {
    expect(safeHref("mailto:a@example.org", { allowMailto: true })).toBe("mailto:a@example.org");
  });

  it("keeps </script> and comments out of JSON for a script element", () => {
    const text = jsonForScript({ a: "</script><!-- & \u2028" });
    expect(text).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(text)).toEqual({ a: "</script><!-- & \u2028" });
  });

  it("escapes Markdown inline syntax and block starts", () => {
    expect(escapeMarkdownInline("*a* _b_ [c](d) <e> `f` | ~g~ \\ &amp;")).toBe(
      "\\*a\\* \\_b\\_ \\[c\\](d) \\<e\\> \\`f\\` \\| \\~g\\~ \\\\ \\&amp;",
    );
    expect(escapeMarkdownLineStart("# not a heading")).toBe("\\# not a heading");
    expect(escapeMarkdownLineStart("    1. not code, not a list")).toBe("1\\. not code, not a list");
    expect(escapeMarkdownLineStart("- item")).toBe("\\- item");
    expect(escapeMarkdownLineStart("> quote")).toBe("\\> quote");
    expect(markdownHref("https://example.org/a b(c)")).toBe("https://example.org/a%20b%28c%29");
    expect(markdownHref("javascript:x")).toBeNull();
  });
});

describe("responses", () => {
  it("names files after the article and version, with a content type per format", () => {
    const snapshot = seedSnapshot();
    expect(exportFilename(snapshot, "html")).toBe("nato-and-allies-reject-macron-s-hypothesis-of-sending-troops-v1.html");
    expect(exportFilename(snapshot, "markdown")).toMatch(/-v1\.md$/);
    expect(exportFilename(snapshot, "w3c")).toMatch(/-v1-annotations\.jsonld$/);
    expect(exportFilename(snapshot, "claimreview")).toMatch(/-v1-claimreview\.jsonld$/);
    expect(EXPORT_FORMAT_INFO.html.contentType).toBe("text/html; charset=utf-8");
    expect(EXPORT_FORMAT_INFO.w3c.contentType).toBe('application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"');
  });

  it("answers with an ETag of the bytes' sha256, and 304 when the client has them", async () => {
    const rendered = renderExport(seedSnapshot(), "markdown", FIXTURE_CONTEXT);
    const response = exportResponse(new Request("https://desk.example.org/x"), rendered);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect(response.status).toBe(200);
    expect(response.headers.get("etag")).toBe(`"${sha256Hex(bytes)}"`);
    expect(response.headers.get("content-disposition")).toContain('filename="nato-and-allies');
    const again = exportResponse(
      new Request("https://desk.example.org/x", { headers: { "if-none-match": `"nope", ${response.headers.get("etag")}` } }),
      rendered,
    );
    expect(again.status).toBe(304);
    expect(again.headers.get("etag")).toBe(response.headers.get("etag"));
  });

  it("matches If-None-Match like RFC 9110 (weak comparison, lists, *)", () => {
    expect(matchesIfNoneMatch('W/"a"', '"a"')).toBe(true);
    expect(matchesIfNoneMatch('"b", "a"', '"a"')).toBe(true);
    expect(matchesIfNoneMatch("*", '"a"')).toBe(true);
    expect(matchesIfNoneMatch('"b"', '"a"')).toBe(false);
    expect(matchesIfNoneMatch(null, '"a"')).toBe(false);
  });

  it("keeps quotes and non-ASCII out of the plain filename parameter", () => {
    expect(contentDisposition('a"é.md')).toBe(`attachment; filename="a__.md"; filename*=UTF-8''a%22%C3%A9.md`);
  });
});

describe("archived copies of sources", () => {
  const snapshot = seedSnapshot();
  const COPY = "https://desk.example.org/api/archives/archive-nato-efe";

  it("cites the copy next to an archived source, with the day it was taken, in HTML and Markdown", () => {
    const html = exportHtml(snapshot, FIXTURE_CONTEXT);
    const archivedItem = html.match(/<li id="annotation-src-nato-efe">.*?<\/li>/)?.[0] ?? "";
    expect(archivedItem).toContain(
      `<a class="archived" href="${COPY}" rel="nofollow noopener" aria-label="Archived copy of NATO has no plans to send troops, 27 Feb 2024">archived copy</a> <span class="muted">(27 Feb 2024)</span>`,
    );
    const markdown = exportMarkdown(snapshot, FIXTURE_CONTEXT);
    expect(markdown).toContain(`[archived copy](${COPY}) (27 Feb 2024)`);
  });

  it("gives a source without a copy no archive link", () => {
    const html = exportHtml(snapshot, FIXTURE_CONTEXT);
    const plainItem = html.match(/<li id="annotation-src-nato-context">.*?<\/li>/)?.[0] ?? "";
    expect(plainItem).not.toBe("");
    expect(plainItem).not.toContain("archived copy");
    // Exactly one archived source in the fixture: one link in each export.
    expect(html.match(/archived copy<\/a>/g)).toHaveLength(1);
    expect(exportMarkdown(snapshot, FIXTURE_CONTEXT).match(/\[archived copy\]/g)).toHaveLength(1);
  });

  it("never links a copy whose URL is not http(s)", () => {
    const hostile = structuredClone(snapshot);
    const source = hostile.claims.flatMap((claim) => claim.sources).find((item) => item.id === "src-nato-efe");
    if (!source?.archive) throw new Error("fixture source has no archive");
    source.archive.url = "javascript:alert(1)";
    expect(exportHtml(hostile, FIXTURE_CONTEXT)).not.toContain("javascript:alert(1)\"");
    expect(exportHtml(hostile, FIXTURE_CONTEXT)).not.toContain("archived copy");
    expect(exportMarkdown(hostile, FIXTURE_CONTEXT)).not.toContain("archived copy");
  });
});
