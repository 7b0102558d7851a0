/**
 * The database refuses what the app's input schemas refuse, for a second writer that skips
 * them (a script with psql, another service): prisma/migrations/*_check_constraints and the
 * enum types. Written with plain SQL on purpose, as such a writer would.
 */
import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeArticle, makeUser } from "./factories";
import { makeClaim, makeSource } from "./claim-factories";

let client: pg.Client;

beforeAll(async () => {
  client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
});
afterAll(async () => {
  await client.end();
});

/** Runs `sql` and returns the SQLSTATE it failed with ("ok" when it did not fail), rolling back either way. */
async function attempt(sql: string, values: unknown[] = []): Promise<string> {
  await client.query("BEGIN");
  try {
    await client.query(sql, values);
    return "ok";
  } catch (error) {
    return error instanceof Error && "code" in error ? String(error.code) : "unknown";
  } finally {
    await client.query("ROLLBACK");
  }
}

const CHECK_VIOLATION = "23514";
const BAD_ENUM = "22P02";

describe("a second writer", () => {
  let authorId: string;
  let claimId: string;
  let articleId: string;
  let sourceId: string;

  beforeAll(async () => {
    const author = await makeUser("reviewer");
    authorId = author.id;
    articleId = await makeArticle();
    claimId = (await makeClaim(author)).id;
    sourceId = (await makeSource(author, claimId)).id;
  });

  const insertAnnotation = (fields: Record<string, unknown>) => {
    const row = { id: randomUUID(), claim_id: claimId, author_id: authorId, updated_at: new Date(), ...fields };
    const names = Object.keys(row);
    return attempt(
      `INSERT INTO annotations (${names.map((name) => `"${name}"`).join(", ")}) VALUES (${names.map((_, index) => `$${index + 1}`).join(", ")})`,
      Object.values(row),
    );
  };
  const source = { kind: "source", url: "https://example.org/a", title: "A source", stance: "supports" };
  const verification = { kind: "verification", verdict: "false", rationale: JSON.stringify({ type: "doc", content: [] }), rationale_text: "Why." };

  it("can write what the app would write", async () => {
    expect(await insertAnnotation(source)).toBe("ok");
    expect(await insertAnnotation(verification)).toBe("ok");
  });

  it("cannot give an annotation the fields of the other kind, or leave out its own", async () => {
    expect(await insertAnnotation({ ...source, verdict: "true" })).toBe(CHECK_VIOLATION);
    expect(await insertAnnotation({ ...verification, url: "https://example.org/b" })).toBe(CHECK_VIOLATION);
    expect(await insertAnnotation({ ...verification, stance: "refutes" })).toBe(CHECK_VIOLATION);
    expect(await insertAnnotation({ kind: "source", title: "No address", stance: "supports" })).toBe(CHECK_VIOLATION);
    expect(await insertAnnotation({ kind: "verification", verdict: "true" })).toBe(CHECK_VIOLATION);
  });

  it("cannot store texts longer than the app accepts, or addresses that are not http(s)", async () => {
    expect(await insertAnnotation({ ...source, title: "x".repeat(501) })).toBe(CHECK_VIOLATION);
    expect(await insertAnnotation({ ...source, excerpt: "x".repeat(5001) })).toBe(CHECK_VIOLATION);
    expect(await insertAnnotation({ ...source, url: "javascript:alert(1)" })).toBe(CHECK_VIOLATION);
    expect(await insertAnnotation({ ...verification, rationale_text: "x".repeat(20_001) })).toBe(CHECK_VIOLATION);
    expect(await attempt("UPDATE articles SET title = $1 WHERE id = $2", ["x".repeat(301), articleId])).toBe(CHECK_VIOLATION);
    expect(await attempt("UPDATE articles SET title = '   ' WHERE id = $1", [articleId])).toBe(CHECK_VIOLATION);
    expect(await attempt("UPDATE claims SET exact = '' WHERE id = $1", [claimId])).toBe(CHECK_VIOLATION);
    expect(await attempt("UPDATE claims SET claimant = $1 WHERE id = $2", ["x".repeat(201), claimId])).toBe(CHECK_VIOLATION);
    expect(await attempt("UPDATE users SET name = '' WHERE id = $1", [authorId])).toBe(CHECK_VIOLATION);
    expect(await attempt("UPDATE users SET email = upper(email) WHERE id = $1", [authorId])).toBe(CHECK_VIOLATION);
    expect(
      await attempt("INSERT INTO replies (id, annotation_id, author_id, body) VALUES ($1, $2, $3, $4)", [randomUUID(), sourceId, authorId, " "]),
    ).toBe(CHECK_VIOLATION);
  });

  it("cannot use a status, kind, role or verdict the app does not know", async () => {
    expect(await insertAnnotation({ ...source, kind: "opinion" })).toBe(BAD_ENUM);
    expect(await insertAnnotation({ ...source, status: "published" })).toBe(BAD_ENUM);
    expect(await insertAnnotation({ ...verification, verdict: "pants_on_fire" })).toBe(BAD_ENUM);
    expect(await attempt("UPDATE users SET role = 'owner' WHERE id = $1", [authorId])).toBe(BAD_ENUM);
  });
});
