/**
 * The `w3c` export against the W3C Web Annotation conformance suite: every annotation must
 * pass every MUST assertion of `annotations/annotationMusts.test`, and the collection every
 * one of `collections/collectionMusts.test` (draft-04 JSON Schemas that reference each other
 * by file name, read with Ajv's draft-04 build).
 *
 * The suite is vendored in tests/fixtures/w3c-web-annotation-tests (W3C test suite licence in
 * its license.md). When it is missing this file fails rather than skips: a conformance check
 * that silently does not run is worse than none.
 *
 * The schemas check shape only, so the selectors are also checked against the published text,
 * and the motivations and timestamps against what the model defines.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import Ajv from "ajv-draft-04";
import addFormats from "ajv-formats";
import { exportW3c } from "@/lib/exports";
import { FIXTURE_CONTEXT, seedSnapshot } from "@/lib/exports/__fixtures__/seed-snapshot";
import { versionTextResponse } from "@/lib/exports/respond";
import { anchorOnText } from "@/tests/anchoring/apache-annotator";

const REPO_ROOT = path.resolve(import.meta.dirname, "..", "..");
const SUITE = path.join(REPO_ROOT, "tests", "fixtures", "w3c-web-annotation-tests");

if (!fs.existsSync(path.join(SUITE, "annotations", "annotationMusts.test"))) {
  throw new Error(
    `The W3C Web Annotation test suite is missing: expected it at ${SUITE}. ` +
      "These conformance tests must run; restore the vendored suite there.",
  );
}

interface Assertion {
  file: string;
  validate: ReturnType<Ajv["compile"]>;
  title: string;
}

/** Every schema of the suite, registered by its `id` (its file name) so cross-file `$ref`s resolve. */
function loadSuite(): Ajv {
  const ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false });
  addFormats(ajv);
  const seen = new Set<string>();
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith(".json")) {
        const schema = JSON.parse(fs.readFileSync(full, "utf8")) as { id?: string };
        const id = schema.id ?? entry.name;
        if (seen.has(id)) continue;
        seen.add(id);
        ajv.addSchema(schema, id);
      }
    }
  };
  walk(path.join(SUITE, "definitions"));
  walk(path.join(SUITE, "annotations"));
  walk(path.join(SUITE, "collections"));
  return ajv;
}

function assertionsOf(ajv: Ajv, testFile: string): Assertion[] {
  const test = JSON.parse(fs.readFileSync(path.join(SUITE, testFile), "utf8")) as { assertions: string[] };
  return test.assertions.map((file) => {
    const schema = JSON.parse(fs.readFileSync(path.join(SUITE, file), "utf8")) as { id?: string; title?: string; expectedResult?: string };
    expect(schema.expectedResult ?? "valid").toBe("valid");
    const validate = ajv.getSchema(schema.id ?? path.basename(file));
    if (!validate) throw new Error(`Could not compile ${file}`);
    return { file, validate, title: schema.title ?? file };
  });
}

const ajv = loadSuite();
const annotationMusts = assertionsOf(ajv, "annotations/annotationMusts.test");
const collectionMusts = assertionsOf(ajv, "collections/collectionMusts.test");

const snapshot = seedSnapshot();
const collection = JSON.parse(exportW3c(snapshot, FIXTURE_CONTEXT)) as {
  "@context": string;
  type: string;
  total: number;
  first: { type: string; items: Annotation[] };
};

interface Annotation {
  id: string;
  type: string;
  motivation: string;
  created: string;
  generated: string;
  creator: { type: string; name: string };
  body: { type?: string; id?: string; purpose?: string; value?: string }[];
  target: {
    source: string;
    scope: string | string[];
    selector: (
      | { type: "TextQuoteSelector"; exact: string; prefix: string; suffix: string }
      | { type: "TextPositionSelector"; start: number; end: number }
    )[];
  };
}

const annotations = collection.first.items;

describe("the W3C conformance suite's MUST assertions", () => {
  it("loads the suite's assertions", () => {
    expect(annotationMusts.length).toBeGreaterThanOrEqual(50);
    expect(collectionMusts.length).toBeGreaterThanOrEqual(10);
    expect(annotations.length).toBe(collection.total);
    expect(annotations.length).toBeGreaterThan(10);
  });

  it("accepts every annotation under every MUST assertion", () => {
    const failures: string[] = [];
    for (const annotation of annotations) {
      for (const assertion of annotationMusts) {
        if (!assertion.validate(annotation)) {
          failures.push(`${annotation.id} fails ${assertion.file}: ${JSON.stringify(assertion.validate.errors?.slice(0, 2))}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it("accepts the collection under every collection MUST assertion", () => {
    const failures = collectionMusts
      .filter((assertion) => !assertion.validate(collection))
      .map((assertion) => `${assertion.file}: ${JSON.stringify(assertion.validate.errors?.slice(0, 2))}`);
    expect(failures).toEqual([]);
  });

  it("really rejects a broken annotation (the suite is wired up, not vacuous)", () => {
    const broken = { ...annotations[0], "@context": "http://example.org/other", created: "yesterday" };
    const failed = annotationMusts.filter((assertion) => !assertion.validate(broken)).map((assertion) => path.basename(assertion.file));
    expect(failed).toEqual(expect.arrayContaining(["3.1-annotationContextValidated.json", "3.3.1-annotationCreatedValidated.json"]));
  });
});

describe("what the schemas cannot check", () => {
  it("gives every annotation selectors that match the published text", () => {
    const text = snapshot.revision.text;
    for (const annotation of annotations) {
      const quote = annotation.target.selector.find((selector) => selector.type === "TextQuoteSelector");
      const position = annotation.target.selector.find((selector) => selector.type === "TextPositionSelector");
      if (!quote || quote.type !== "TextQuoteSelector" || !position || position.type !== "TextPositionSelector") {
        throw new Error(`${annotation.id} lacks a selector`);
      }
      // Positions count code points (§4.2.4).
      const points = Array.from(text);
      expect(points.slice(position.start, position.end).join("")).toBe(quote.exact);
      expect(points.slice(0, position.start).join("").endsWith(quote.prefix)).toBe(true);
      expect(points.slice(position.end).join("").startsWith(quote.suffix)).toBe(true);
    }
  });

  it("uses the model's motivations: assessing for verdicts, linking (or commenting) for sources", () => {
    const byId = new Map(annotations.map((annotation) => [annotation.id.split("#annotation-")[1], annotation]));
    for (const claim of snapshot.claims) {
      for (const verification of claim.verifications) expect(byId.get(verification.id)?.motivation).toBe("assessing");
      for (const source of claim.sources) {
        const expected = source.url.startsWith("https://") ? "linking" : "commenting";
        expect(byId.get(source.id)?.motivation).toBe(expected);
      }
    }
    // Only approved annotations, and each once.
    const published = snapshot.claims.flatMap((claim) => [...claim.verifications, ...claim.sources]).map((item) => item.id);
    expect([...byId.keys()].sort()).toEqual([...published].sort());
    expect(byId.has("ver-kremlin-draft")).toBe(false);
    expect(byId.has("src-kremlin-submitted")).toBe(false);
  });

  it("writes timestamps in UTC with Z, and a creator and body on every annotation", () => {
    const utc = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
    for (const annotation of annotations) {
      expect(annotation.created).toMatch(utc);
      expect(annotation.generated).toMatch(utc);
      expect(annotation.creator).toMatchObject({ type: "Person", name: expect.any(String) });
      expect(annotation.body.length).toBeGreaterThan(0);
    }
  });
});

describe("the target a client fetches", () => {
  it("names the version's plain text as source, and the public page and the original article as scope", () => {
    for (const annotation of annotations) {
      expect(annotation.target.source).toBe("https://desk.example.org/api/articles/article-seed/versions/1/text");
      expect(annotation.target.scope).toEqual(["https://desk.example.org/v/article-seed/1", snapshot.article.url]);
    }
  });

  it("scopes to the public page alone when the article has no URL of its own", () => {
    const withoutUrl = { ...snapshot, article: { ...snapshot.article, url: null } };
    const items = (JSON.parse(exportW3c(withoutUrl, FIXTURE_CONTEXT)) as typeof collection).first.items;
    for (const annotation of items) {
      expect(annotation.target.source).toBe("https://desk.example.org/api/articles/article-seed/versions/1/text");
      expect(annotation.target.scope).toBe("https://desk.example.org/v/article-seed/1");
    }
  });

  it("anchors every annotation on the served text with Apache Annotator, by quote and by position, on the claimed words", async () => {
    const text = new TextDecoder().decode(await versionTextResponse(new Request("https://desk.example.org/"), snapshot, FIXTURE_CONTEXT).arrayBuffer());
    expect(text).toBe(snapshot.revision.text);
    const claims = new Map(snapshot.claims.map((claim) => [claim.exact, claim]));
    for (const annotation of annotations) {
      const quote = annotation.target.selector.find((selector) => selector.type === "TextQuoteSelector");
      const position = annotation.target.selector.find((selector) => selector.type === "TextPositionSelector");
      if (quote?.type !== "TextQuoteSelector" || position?.type !== "TextPositionSelector") throw new Error(`${annotation.id} lacks a selector`);
      const claim = claims.get(quote.exact);
      if (!claim) throw new Error(`${annotation.id} quotes no claim`);
      const anchored = await anchorOnText(text, quote, position);
      expect(anchored.quoteMatches, annotation.id).toEqual([text.slice(claim.start, claim.end)]);
      expect(anchored.position, annotation.id).toBe(text.slice(claim.start, claim.end));
    }
  });
});

describe("archived copies as TimeStates", () => {
  type Body = { type?: string; id?: string; source?: { id: string }; state?: { type: string; cached: string; sourceDate: string } };
  const bodiesOf = (id: string) => (annotations.find((annotation) => annotation.id.endsWith(`#annotation-${id}`))?.body ?? []) as Body[];

  it("cites an archived source's copy as a TimeState of the page, with the day it was taken", () => {
    const page = bodiesOf("src-nato-efe").find((body) => body.type === "SpecificResource");
    expect(page).toMatchObject({
      source: { id: "https://www.efe.com/" },
      state: { type: "TimeState", cached: "https://desk.example.org/api/archives/archive-nato-efe", sourceDate: "2024-02-27T18:42:00.000Z" },
    });
  });

  it("gives a source without a copy a plain web resource and no state", () => {
    const bodies = bodiesOf("src-nato-context");
    expect(bodies.some((body) => body.id === "https://www.nato.int/cps/en/natohq/topics_52060.htm")).toBe(true);
    expect(bodies.some((body) => body.type === "SpecificResource" || body.state !== undefined)).toBe(false);
    const states = annotations.flatMap((annotation) => (annotation.body as Body[]).filter((body) => body.state));
    expect(states).toHaveLength(1);
  });

  it("would fail the suite with a TimeState lacking its date (the check is not vacuous)", () => {
    const archived = annotations.find((annotation) => annotation.id.endsWith("#annotation-src-nato-efe"));
    if (!archived) throw new Error("no archived source in the export");
    const broken = structuredClone(archived);
    for (const body of broken.body as Body[]) if (body.state) body.state = { type: "TimeState", cached: body.state.cached, sourceDate: "" };
    const failed = annotationMusts.filter((assertion) => !assertion.validate(broken)).map((assertion) => path.basename(assertion.file));
    expect(failed).toContain("4.3.1-timeStateValid.json");
  });
});
