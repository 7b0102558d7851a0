/**
 * A source's archived copy, told live (D9): the archive job marks the copy archived or failed
 * and writes one live change of the source's article in the same transaction, so every open
 * page of the article learns it without asking; a reader who may not see the source (another
 * reviewer's draft) is told nothing of it. Pages are served by a fixture server on 127.0.0.1;
 * the job's handler is run directly, as the worker would run it, so each test decides when a
 * copy finishes.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, Prisma } from "@/lib/db";
import { appQueue } from "@/lib/jobs";
import type { JobRun } from "@/lib/jobs/queue";
import { archiveSource } from "@/lib/archives/archive-source";
import { getArticle } from "@/lib/articles/get-article";
import { readClaim } from "@/lib/claims/get-claim";
import { submitAnnotation } from "@/lib/annotations/submit-annotation";
import { retryArchive } from "@/lib/archives/request-archive";
import { stopListening } from "@/lib/live/subscribe";
import type { ChangeEventDTO } from "@/lib/live/change-batch";
import { html, startFixtureServer, type FixtureServer } from "@/tests/fixtures/web/server";
import { makeClaim, makeSource } from "./claim-factories";
import { makeUser } from "./factories";
import { openStream, openStreamsFromNow } from "./event-stream";

let server: FixtureServer;

const PAGE = `<html><head><title>Labour force survey</title></head><body><article><h1>Labour force survey</h1>${"<p>The ministry's own labour force survey shows the figure rising over the year rather than falling, with the largest increase among workers under 25.</p>".repeat(3)}</article></body></html>`;

beforeAll(async () => {
  server = await startFixtureServer();
  server.route("/survey", html(PAGE));
  server.route("/gone", html("<h1>Not found</h1>", 404));
});

afterAll(async () => {
  // The sources made here queued jobs that these tests ran themselves: no worker should run them again.
  await appQueue().dropQueued("archive-source");
  await stopListening();
  await server.close();
});

/** A first delivery of the job, as the worker makes it. */
const firstRun = (): JobRun => ({ id: "test-run", retryCount: 0, signal: new AbortController().signal });

async function pendingArchiveOf(annotationId: string): Promise<string> {
  const row = await db.sourceArchive.findFirstOrThrow({ where: { annotationId, status: "pending" }, select: { id: true } });
  return row.id;
}

/** The article's live events after `after`, oldest first. */
async function eventsAfter(articleId: string, after: bigint) {
  return db.liveEvent.findMany({
    where: { articleId, id: { gt: after } },
    orderBy: { id: "asc" },
    select: { kind: true, entityId: true, claimId: true },
  });
}

async function headOf(articleId: string): Promise<bigint> {
  const newest = await db.liveEvent.findFirst({ where: { articleId }, orderBy: { id: "desc" }, select: { id: true } });
  return newest?.id ?? 0n;
}

const changeOf = (data: string) => JSON.parse(data) as ChangeEventDTO;

/** Runs `run` with a trigger that fails every `operation` on `table` matching `condition`. */
async function withFailingTrigger(table: string, operation: "INSERT" | "UPDATE", condition: string, run: () => Promise<void>): Promise<void> {
  // DDL cannot take parameters: it is spliced from this file's constants and ids it read.
  const name = Prisma.raw(`fail_for_test_${Date.now().toString(36)}`);
  const on = Prisma.raw(table);
  const functionBody = Prisma.raw(`BEGIN IF ${condition} THEN RAISE EXCEPTION 'refused by the test'; END IF; RETURN NEW; END;`);
  await db.$executeRaw`CREATE FUNCTION ${name}() RETURNS trigger AS $$ ${functionBody} $$ LANGUAGE plpgsql`;
  await db.$executeRaw`CREATE TRIGGER ${name} BEFORE ${Prisma.raw(operation)} ON ${on} FOR EACH ROW EXECUTE FUNCTION ${name}()`;
  try {
    await run();
  } finally {
    await db.$executeRaw`DROP TRIGGER ${name} ON ${on}`;
    await db.$executeRaw`DROP FUNCTION ${name}()`;
  }
}

describe("the archive job's live change", () => {
  it("announces a finished copy once, as a change of the source's claim on its article", async () => {
    const reviewer = await makeUser("reviewer");
    const claim = await makeClaim(reviewer);
    const source = await makeSource(reviewer, claim.id, { url: `${server.origin}/survey` });
    const archiveId = await pendingArchiveOf(source.id);
    const before = await headOf(claim.articleId);

    await archiveSource({ archiveId }, firstRun());
    expect((await db.sourceArchive.findUniqueOrThrow({ where: { id: archiveId } })).status).toBe("archived");
    expect(await eventsAfter(claim.articleId, before)).toEqual([{ kind: "archive.archived", entityId: source.id, claimId: claim.id }]);

    // A job delivered twice finds the copy done: nothing changes, nothing more is announced.
    await archiveSource({ archiveId }, firstRun());
    expect(await eventsAfter(claim.articleId, before)).toHaveLength(1);
  });

  it("announces a failed copy, whether the page answered an error or the address was refused", async () => {
    const reviewer = await makeUser("reviewer");
    const claim = await makeClaim(reviewer);
    const missing = await makeSource(reviewer, claim.id, { url: `${server.origin}/gone` });
    const refused = await makeSource(reviewer, claim.id, { url: `http://127.0.0.2:${server.port}/survey` });
    const before = await headOf(claim.articleId);
    const requests = server.requests.length;

    await archiveSource({ archiveId: await pendingArchiveOf(missing.id) }, firstRun());
    await archiveSource({ archiveId: await pendingArchiveOf(refused.id) }, firstRun());
    expect(await eventsAfter(claim.articleId, before)).toEqual([
      { kind: "archive.failed", entityId: missing.id, claimId: claim.id },
      { kind: "archive.failed", entityId: refused.id, claimId: claim.id },
    ]);
    const rows = await db.sourceArchive.findMany({ where: { annotationId: { in: [missing.id, refused.id] } }, select: { status: true } });
    expect(rows.map((row) => row.status)).toEqual(["failed", "failed"]);
    // The refused address was refused before any connection: only the fixture's /gone was asked.
    expect(server.requests.slice(requests)).toEqual(["/gone"]);
  });

  it("marks the copy and writes its change in one transaction: neither without the other", async () => {
    const reviewer = await makeUser("reviewer");
    const claim = await makeClaim(reviewer);
    const source = await makeSource(reviewer, claim.id, { url: `${server.origin}/survey` });
    const archiveId = await pendingArchiveOf(source.id);
    const before = await headOf(claim.articleId);
    const status = async () => (await db.sourceArchive.findUniqueOrThrow({ where: { id: archiveId } })).status;

    // The row cannot be marked: nothing is announced, and the job fails to be tried again.
    await withFailingTrigger("source_archives", "UPDATE", `OLD.id = '${archiveId}'`, async () => {
      await expect(archiveSource({ archiveId }, firstRun())).rejects.toThrow();
    });
    expect(await status()).toBe("pending");
    expect(await eventsAfter(claim.articleId, before)).toEqual([]);

    // The change cannot be written: the row is not marked either.
    await withFailingTrigger("live_events", "INSERT", `NEW.entity_id = '${source.id}'`, async () => {
      await expect(archiveSource({ archiveId }, firstRun())).rejects.toThrow();
    });
    expect(await status()).toBe("pending");
    expect(await eventsAfter(claim.articleId, before)).toEqual([]);

    // Once both can be written, the next delivery does both.
    await archiveSource({ archiveId }, firstRun());
    expect(await status()).toBe("archived");
    expect(await eventsAfter(claim.articleId, before)).toEqual([{ kind: "archive.archived", entityId: source.id, claimId: claim.id }]);
  });
});

describe("what open pages are told", () => {
  it("tells the author's pages of their draft's copy, and nobody else, live or catching up", async () => {
    const author = await makeUser("reviewer", "Ada Author");
    const other = await makeUser("reviewer", "Oli Other");
    const claim = await makeClaim(author);
    const [mine, theirs] = await openStreamsFromNow(claim.articleId, author, other);

    const draft = await makeSource(author, claim.id, { url: `${server.origin}/survey`, title: "Secret draft source" });
    await mine.nextOf("change");
    // Where a page of the other reviewer's opened now would start.
    const { liveEventId: created } = await getArticle({ actor: other, id: claim.articleId });
    // The page's open claim, read with its tag before the copy is done.
    const { etag } = await readClaim({ actor: author, claimId: claim.id, ifNoneMatch: null });

    await archiveSource({ archiveId: await pendingArchiveOf(draft.id) }, firstRun());
    const seenByAuthor = changeOf((await mine.nextOf("change")).data);
    expect(seenByAuthor.types).toEqual(["archive.archived"]);
    expect(seenByAuthor.ids).toEqual([draft.id]);
    const listed = seenByAuthor.claims[0]!.annotations.find((annotation) => annotation.id === draft.id);
    expect(listed?.kind === "source" && listed.archive).toMatchObject({ status: "archived", httpStatus: 200 });
    // The open claim, read again with its tag, is not answered "unchanged": it carries the copy.
    const reread = await readClaim({ actor: author, claimId: claim.id, ifNoneMatch: etag });
    expect(reread.etag).not.toBe(etag);
    const card = reread.claim?.annotations.find((annotation) => annotation.id === draft.id);
    expect(card?.kind === "source" && card.archive?.status).toBe("archived");

    // A page that reconnects after the draft's copy was taken is told nothing of it either.
    const late = await openStream(other, claim.articleId, String(created));
    expect((await late.next()).event).toBe("ready");
    expect(late.pending()).toEqual([]);
    await late.close();

    // The other reviewer's next event is the submission: the draft's copy never reached them.
    await submitAnnotation({ actor: author, annotationId: draft.id, input: { version: draft.version } });
    const next = changeOf((await theirs.nextOf("change")).data);
    expect(next.types).toEqual(["annotation.submitted"]);
    // Submitted, the source shows with its copy, as a fresh read of the article shows it.
    const shown = next.claims[0]!.annotations.find((annotation) => annotation.id === draft.id);
    expect(shown?.kind === "source" && shown.archive?.status).toBe("archived");
    const fresh = await getArticle({ actor: other, id: claim.articleId });
    const { can: _can, ...summary } = fresh.claims.find((item) => item.id === claim.id)!;
    expect(next.claims[0]).toEqual(summary);
    await mine.close();
    await theirs.close();
  });

  it("tells everyone who may see a submitted source that its copy failed, and tells it once", async () => {
    const author = await makeUser("reviewer");
    const other = await makeUser("reviewer");
    const claim = await makeClaim(author);
    const source = await makeSource(author, claim.id, { url: `${server.origin}/gone`, title: "Withdrawn statistics page" });
    await submitAnnotation({ actor: author, annotationId: source.id, input: { version: source.version } });
    const { liveEventId } = await getArticle({ actor: other, id: claim.articleId });
    const theirs = await openStream(other, claim.articleId, String(liveEventId));
    await theirs.nextOf("ready");

    await archiveSource({ archiveId: await pendingArchiveOf(source.id) }, firstRun());
    const seen = changeOf((await theirs.nextOf("change")).data);
    expect(seen.types).toEqual(["archive.failed"]);
    expect(seen.totals).toBeNull();
    const listed = seen.claims[0]!.annotations.find((annotation) => annotation.id === source.id);
    expect(listed?.kind === "source" && listed.archive).toMatchObject({ status: "failed", httpStatus: 404, url: null });
    expect(listed?.kind === "source" && listed.archive?.error).toContain("HTTP 404");
    await expect(theirs.nextOf("change", 500)).rejects.toThrow("No event arrived in time");
    await theirs.close();
  });
});

describe("asking for a copy again", () => {
  it("announces the new attempt once, in the transaction that makes it: neither without the other", async () => {
    const reviewer = await makeUser("reviewer");
    const claim = await makeClaim(reviewer);
    const source = await makeSource(reviewer, claim.id, { url: `${server.origin}/gone` });
    await archiveSource({ archiveId: await pendingArchiveOf(source.id) }, firstRun());
    const before = await headOf(claim.articleId);
    const attempts = () => db.sourceArchive.count({ where: { annotationId: source.id } });

    // The change cannot be written: no new attempt is made either.
    await withFailingTrigger("live_events", "INSERT", `NEW.entity_id = '${source.id}'`, async () => {
      await expect(retryArchive({ actor: reviewer, annotationId: source.id })).rejects.toThrow();
    });
    expect(await attempts()).toBe(1);
    expect(await eventsAfter(claim.articleId, before)).toEqual([]);

    // The attempt cannot be made: nothing is announced.
    await withFailingTrigger("source_archives", "INSERT", `NEW.annotation_id = '${source.id}'`, async () => {
      await expect(retryArchive({ actor: reviewer, annotationId: source.id })).rejects.toThrow();
    });
    expect(await attempts()).toBe(1);
    expect(await eventsAfter(claim.articleId, before)).toEqual([]);

    expect(await retryArchive({ actor: reviewer, annotationId: source.id })).toMatchObject({ status: "pending" });
    expect(await attempts()).toBe(2);
    expect(await eventsAfter(claim.articleId, before)).toEqual([{ kind: "archive.requested", entityId: source.id, claimId: claim.id }]);

    // Asked again while the new attempt is fresh: nothing changes, nothing more is announced.
    await retryArchive({ actor: reviewer, annotationId: source.id });
    expect(await attempts()).toBe(2);
    expect(await eventsAfter(claim.articleId, before)).toHaveLength(1);
  });

  it("tells every page that may see the source that it is being archived again, and a draft's only to its author", async () => {
    const author = await makeUser("reviewer");
    const other = await makeUser("reviewer");
    const claim = await makeClaim(author);
    const submitted = await makeSource(author, claim.id, { url: `${server.origin}/gone`, title: "Moved statistics page" });
    await submitAnnotation({ actor: author, annotationId: submitted.id, input: { version: submitted.version } });
    const draft = await makeSource(author, claim.id, { url: `${server.origin}/gone`, title: "Secret retried draft" });
    await archiveSource({ archiveId: await pendingArchiveOf(submitted.id) }, firstRun());
    await archiveSource({ archiveId: await pendingArchiveOf(draft.id) }, firstRun());
    const [mine, theirs] = await openStreamsFromNow(claim.articleId, author, other);

    // The other reviewer retries the submitted source: both pages show it being archived.
    await retryArchive({ actor: other, annotationId: submitted.id });
    for (const stream of [mine, theirs]) {
      const seen = changeOf((await stream.nextOf("change")).data);
      expect(seen.types).toEqual(["archive.requested"]);
      expect(seen.ids).toEqual([submitted.id]);
      expect(seen.totals).toBeNull();
      const listed = seen.claims[0]!.annotations.find((annotation) => annotation.id === submitted.id);
      expect(listed?.kind === "source" && listed.archive).toMatchObject({ status: "pending", error: null });
    }

    // The author retries the draft: only the author's page hears of it.
    await retryArchive({ actor: author, annotationId: draft.id });
    const seenByAuthor = changeOf((await mine.nextOf("change")).data);
    expect(seenByAuthor.types).toEqual(["archive.requested"]);
    expect(seenByAuthor.ids).toEqual([draft.id]);
    const listed = seenByAuthor.claims[0]!.annotations.find((annotation) => annotation.id === draft.id);
    expect(listed?.kind === "source" && listed.archive?.status).toBe("pending");
    await expect(theirs.nextOf("change", 500)).rejects.toThrow("No event arrived in time");
    await mine.close();
    await theirs.close();
  });
});
