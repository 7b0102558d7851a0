/**
 * `npm run backup` / `npm run restore` round trip (scripts/lib/backup.ts): a desk with every
 * kind of row is backed up, restored into a fresh database, and every row, every snapshot's
 * sha256 and what the app answers are the same. Restore refuses a damaged file and a database
 * that holds rows, unless told to replace them.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backupDatabase, manifestPath, restoreDatabase, tableContents } from "@/scripts/lib/backup";
import { createRevision } from "@/lib/articles/create-revision";
import { submitAnnotation } from "@/lib/annotations/submit-annotation";
import { reviewAnnotation } from "@/lib/reviews/review-annotation";
import { replyToAnnotation } from "@/lib/reviews/reply-to-annotation";
import { publishVersion } from "@/lib/versions/publish-version";
import { createAccessToken } from "@/lib/tokens/create-access-token";
import { disableUser } from "@/lib/users/disable-user";
import { snapshotSha256 } from "@/lib/versions/hash";
import { makeUser } from "./factories";
import { makeClaim, makeSource, makeVerification } from "./claim-factories";

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, "..", "..");

const sourceUrl = process.env.DATABASE_URL ?? "";
let restoredUrl = "";
let restoredName = "";
let work = "";

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: sourceUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** What the app answers, computed by a separate process reading the database at `url`. */
async function answers(url: string, args: Record<string, unknown>): Promise<unknown> {
  const { stdout } = await run(process.execPath, ["--import", "tsx", path.join(ROOT, "tests/integration/backup-answers.ts"), JSON.stringify(args)], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: url },
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(stdout) as unknown;
}

beforeAll(async () => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), "factdesk-backup-test-"));
  restoredName = `${new URL(sourceUrl).pathname.slice(1)}_restored`;
  restoredUrl = Object.assign(new URL(sourceUrl), { pathname: `/${restoredName}` }).toString();
  await admin(`DROP DATABASE IF EXISTS "${restoredName}" WITH (FORCE)`);
  await admin(`CREATE DATABASE "${restoredName}"`);
});

afterAll(async () => {
  await admin(`DROP DATABASE IF EXISTS "${restoredName}" WITH (FORCE)`);
  fs.rmSync(work, { recursive: true, force: true });
});

describe("a backup", () => {
  // Slow by nature: two backups' worth of the whole run's database, the migrations applied to
  // a fresh one, and two processes of the app reading each.
  it("restores into a fresh database with every row, every snapshot's sha256 and the app's answers the same", { timeout: 180_000 }, async () => {
    // A desk with every kind of row: accounts (one disabled), an article with a corrected
    // revision, claims, sources and verifications in every state, reviews, replies, a
    // published version, access tokens, and the audit events all of that wrote.
    const editor = await makeUser("editor", "Backup Editor");
    const alice = await makeUser("reviewer", "Backup Alice");
    const bob = await makeUser("reviewer", "Backup Bob");
    const leaver = await makeUser("reviewer", "Backup Leaver");
    const deskAdmin = await makeUser("admin", "Backup Admin");
    await disableUser({ actor: deskAdmin, userId: leaver.id });
    const claim = await makeClaim(alice);
    const other = await makeClaim(bob, "part-time work", claim.articleId);
    const source = await makeSource(alice, claim.id, { publisher: "Statistics Office", excerpt: "Unemployment: 5.1 % → 5.0 %" });
    const verdict = await makeVerification(alice, claim.id, { rationale: "Fell by 0.1 points, not 3 %.\n\nSee the survey." });
    await makeSource(bob, other.id); // a draft, never submitted
    const rejected = await makeVerification(bob, other.id, { verdict: "true" });
    await submitAnnotation({ actor: alice, annotationId: source.id });
    await submitAnnotation({ actor: alice, annotationId: verdict.id });
    await submitAnnotation({ actor: bob, annotationId: rejected.id });
    await reviewAnnotation({ actor: bob, annotationId: source.id, input: { decision: "approve", comment: "Checked the table.", version: 1 } });
    await reviewAnnotation({ actor: bob, annotationId: verdict.id, input: { decision: "approve", comment: "Agreed — «misleading».", version: 1 } });
    await reviewAnnotation({ actor: alice, annotationId: rejected.id, input: { decision: "reject", comment: "No evidence.", version: 1 } });
    await replyToAnnotation({ actor: alice, annotationId: source.id, input: { body: "Thanks!\nA second line, and a tab:\there." } });
    await createRevision({
      actor: editor,
      articleId: claim.articleId,
      input: { text: "The minister said unemployment fell by 3% last year.\n\nCritics say the figure leaves out part-time work. Corrected.", baseRevision: 1 },
    });
    const version = await publishVersion({ actor: editor, articleId: claim.articleId, input: { note: "First check" } });
    await createAccessToken({ actor: alice, credential: "session", input: { name: "script" } });
    await createAccessToken({ actor: editor, credential: "session", input: { name: "publisher bot" } });

    const file = path.join(work, "desk.sql.gz");
    const manifest = await backupDatabase(sourceUrl, file);
    expect(manifest.schemaVersion).toMatch(/^\d{14}_/);
    expect(manifest.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(Object.keys(manifest.tables)).toEqual(expect.arrayContaining(["users", "articles", "article_revisions", "claims", "annotations", "reviews", "replies", "published_versions", "access_tokens", "audit_events"]));
    for (const table of ["users", "articles", "article_revisions", "claims", "annotations", "reviews", "replies", "published_versions", "access_tokens", "audit_events"]) {
      expect(manifest.tables[table], table).toBeGreaterThan(0);
    }
    expect(JSON.parse(fs.readFileSync(manifestPath(file), "utf8"))).toEqual(manifest);

    await restoreDatabase(restoredUrl, file);

    const [before, after] = await Promise.all([tableContents(sourceUrl), tableContents(restoredUrl)]);
    expect(Object.keys(after)).toEqual(Object.keys(before));
    for (const table of Object.keys(before)) {
      expect(after[table]?.length, table).toBe(manifest.tables[table]);
      expect(after[table], table).toEqual(before[table]);
    }

    // Every snapshot hashes as it did before the backup; the versions published here hash to the
    // sha256 they were published with. (Other test files store damaged snapshots on purpose.)
    const hashes = async (url: string): Promise<Map<string, { hash: string; sha256: string }>> => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        const { rows } = await client.query<{ id: string; snapshot: unknown; sha256: string }>("SELECT id, snapshot, sha256 FROM published_versions");
        return new Map(rows.map((row) => [row.id, { hash: snapshotSha256(row.snapshot), sha256: row.sha256 }]));
      } finally {
        await client.end();
      }
    };
    const [sourceHashes, restoredHashes] = await Promise.all([hashes(sourceUrl), hashes(restoredUrl)]);
    expect(restoredHashes.size).toBe(manifest.tables.published_versions);
    expect(restoredHashes).toEqual(sourceHashes);
    const published = restoredHashes.get(version.id);
    expect(published?.hash).toBe(published?.sha256);

    // The app answers the same from both databases.
    const question = { actorId: deskAdmin.id, articleId: claim.articleId, versionNumber: version.number };
    const [original, fromBackup] = await Promise.all([answers(sourceUrl, question), answers(restoredUrl, question)]);
    expect(fromBackup).toEqual(original);
  });

  it("is refused when damaged, and a database with rows is not overwritten unless forced", { timeout: 180_000 }, async () => {
    const file = path.join(work, "again.sql.gz");
    await backupDatabase(sourceUrl, file);
    const atBackup = await tableContents(sourceUrl);
    await makeUser("reviewer", "Joined after the second backup");
    const before = await tableContents(restoredUrl);

    await expect(restoreDatabase(restoredUrl, file)).rejects.toThrow(/not empty.*--force/);
    expect(await tableContents(restoredUrl)).toEqual(before);

    const damaged = path.join(work, "damaged.sql.gz");
    const bytes = fs.readFileSync(file);
    bytes[bytes.length - 12] = (bytes[bytes.length - 12] ?? 0) ^ 0xff;
    fs.writeFileSync(damaged, bytes);
    fs.copyFileSync(manifestPath(file), manifestPath(damaged));
    await expect(restoreDatabase(restoredUrl, damaged, { force: true })).rejects.toThrow(/sha256/);
    expect(await tableContents(restoredUrl)).toEqual(before);

    // Forced: the database holds exactly the backup's rows afterwards, nothing of what it held.
    await restoreDatabase(restoredUrl, file, { force: true });
    expect(await tableContents(restoredUrl)).toEqual(atBackup);
  });
});
