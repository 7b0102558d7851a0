/**
 * Archiving cited sources, with the real job queue and worker on the run's database and pages
 * served by a fixture server on 127.0.0.1: a source's page is copied in the background (WARC
 * record, sha256, text), the copy never changes when the live page does, a failure is reported
 * in words and can be retried, and a new address is archived anew.
 */
import crypto from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { appQueue } from "@/lib/jobs";
import { JOB_HANDLERS } from "@/lib/jobs/handlers";
import type { WorkerHandle } from "@/lib/jobs/queue";
import { getAnnotation } from "@/lib/annotations/get-annotation";
import { updateAnnotation } from "@/lib/annotations/update-annotation";
import { retryArchive } from "@/lib/archives/request-archive";
import { getArchiveCopy } from "@/lib/archives/get-archive-copy";
import { readArticle } from "@/lib/articles/get-article";
import type { SourceArchiveDTO } from "@/lib/archives/present-archive";
import type { Actor } from "@/lib/auth/actor";
import { html, startFixtureServer, type FixtureServer } from "@/tests/fixtures/web/server";
import { makeClaim, makeSource } from "./claim-factories";
import { makeUser } from "./factories";

let server: FixtureServer;
let worker: WorkerHandle;
let livePage = "";
let flakyStatus = 404;

const paragraph = (words: string) =>
  `<p>${words} The ministry's own labour force survey, published on Thursday, shows the figure rising over the year rather than falling, with the largest increase among workers under 25.</p>`;

beforeAll(async () => {
  server = await startFixtureServer();
  livePage = `<html><head><title>Labour force survey</title></head><body><article><h1>Labour force survey</h1>${paragraph("First version.")}${paragraph("Second paragraph.")}<script>document.title='pwned'</script></article></body></html>`;
  server.route("/survey", (_request, response) => {
    response.writeHead(200, { "content-type": "text/html; charset=utf-8", "x-fixture": "survey" });
    response.end(livePage);
  });
  server.route("/flaky", (_request, response) => {
    response.writeHead(flakyStatus, { "content-type": "text/html" });
    response.end(flakyStatus === 200 ? `<html><body><article>${paragraph("Recovered.")}</article></body></html>` : "<h1>Not found</h1>");
  });
  server.route("/other", html(`<html><body><article>${paragraph("Another page.")}</article></body></html>`));
  // Jobs left by earlier test files name hosts these tests never fetch: start from an empty queue.
  // Their jobs would be worked first, ahead of these tests' own, so drop them too.
  await db.sourceArchive.updateMany({ where: { status: "pending" }, data: { status: "failed", error: "left by an earlier test" } });
  await appQueue().dropQueued("archive-source");
  worker = await appQueue().work(JOB_HANDLERS);
});

afterAll(async () => {
  await worker.stop({ graceful: false });
  await server.close();
});

async function archiveOf(actor: Actor, annotationId: string, until: (archive: SourceArchiveDTO | null) => boolean): Promise<SourceArchiveDTO | null> {
  const deadline = Date.now() + 25_000;
  for (;;) {
    const annotation = await getAnnotation({ actor, annotationId });
    if (annotation.kind !== "source") throw new Error("expected a source");
    if (until(annotation.archive)) return annotation.archive;
    if (Date.now() > deadline) throw new Error(`archive still ${JSON.stringify(annotation.archive)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe("source archives", () => {
  it("copies a cited page in the background and keeps the copy when the live page changes", async () => {
    const reviewer = await makeUser("reviewer");
    const claim = await makeClaim(reviewer);
    const source = await makeSource(reviewer, claim.id, { url: `${server.origin}/survey` });
    expect(source.archive).toMatchObject({ status: "pending", url: null, archivedAt: null });

    const archive = await archiveOf(reviewer, source.id, (value) => value?.status === "archived");
    const servedBody = Buffer.from(livePage);
    expect(archive).toMatchObject({ status: "archived", httpStatus: 200, error: null, sha256: crypto.createHash("sha256").update(servedBody).digest("hex") });
    expect(archive?.url).toMatch(/^\/api\/archives\/\w+$/);
    expect(Date.parse(archive?.archivedAt ?? "")).not.toBeNaN();

    const id = archive?.url?.split("/").pop() ?? "";
    const row = await db.sourceArchive.findUniqueOrThrow({ where: { id } });
    const warc = Buffer.from(row.warc ?? new Uint8Array()).toString("latin1");
    expect(warc).toMatch(/^WARC\/1\.1\r\n/);
    expect(warc).toContain("WARC-Type: response");
    expect(warc).toContain(`WARC-Target-URI: ${server.origin}/survey`);
    expect(warc).toContain(`WARC-Payload-Digest: sha256:${row.sha256}`);
    expect(warc).toMatch(/WARC-Block-Digest: sha256:[0-9a-f]{64}/);
    expect(warc).toContain("HTTP/1.1 200 OK");
    expect(warc).toContain("x-fixture: survey");
    expect(warc.endsWith(`${servedBody.toString("latin1")}\r\n\r\n`)).toBe(true);
    expect(row.title).toBe("Labour force survey");
    expect(row.text).toContain("First version.");

    livePage = livePage.replace("First version.", "Edited later.");
    const copy = await getArchiveCopy({ actor: reviewer, archiveId: id });
    expect(copy).toContain("First version.");
    expect(copy).not.toContain("Edited later.");
    expect(copy).not.toMatch(/<script|pwned|\son\w+=/i);
    // Stored evidence is immutable, even to a direct UPDATE.
    await expect(db.sourceArchive.update({ where: { id }, data: { text: "tampered" } })).rejects.toThrow();
    expect((await db.sourceArchive.findUniqueOrThrow({ where: { id } })).text).toContain("First version.");
  });

  it("reports a failed copy in words, and archives it on retry", async () => {
    const reviewer = await makeUser("reviewer");
    const claim = await makeClaim(reviewer);
    flakyStatus = 404;
    const source = await makeSource(reviewer, claim.id, { url: `${server.origin}/flaky` });
    const failed = await archiveOf(reviewer, source.id, (value) => value?.status === "failed");
    expect(failed).toMatchObject({ status: "failed", httpStatus: 404, url: null });
    expect(failed?.error).toContain("HTTP 404");

    flakyStatus = 200;
    const colleague = await makeUser("reviewer");
    await expect(retryArchive({ actor: colleague, annotationId: source.id })).rejects.toMatchObject({ code: "not_found" });
    expect(await retryArchive({ actor: reviewer, annotationId: source.id })).toMatchObject({ status: "pending" });
    const archived = await archiveOf(reviewer, source.id, (value) => value?.status === "archived");
    expect(archived).toMatchObject({ status: "archived", httpStatus: 200, error: null });
    // Retrying an archived copy changes nothing.
    expect(await retryArchive({ actor: reviewer, annotationId: source.id })).toEqual(archived);
  });

  it("refuses an address the server may not reach, without fetching it", async () => {
    const reviewer = await makeUser("reviewer");
    const claim = await makeClaim(reviewer);
    const requests = server.requests.length;
    const source = await makeSource(reviewer, claim.id, { url: `http://127.0.0.2:${server.port}/survey` });
    const failed = await archiveOf(reviewer, source.id, (value) => value?.status === "failed");
    expect(failed?.error).toMatch(/hosts its administrators allow|private or reserved/);
    expect(server.requests.length).toBe(requests);
  });

  it("archives the new address when a source's address changes", async () => {
    const reviewer = await makeUser("reviewer");
    const claim = await makeClaim(reviewer);
    const source = await makeSource(reviewer, claim.id, { url: `${server.origin}/survey` });
    await archiveOf(reviewer, source.id, (value) => value?.status === "archived");
    const updated = await updateAnnotation({ actor: reviewer, annotationId: source.id, input: { kind: "source", version: source.version, url: `${server.origin}/other` } });
    expect(updated.kind === "source" && updated.archive?.status).toBe("pending");
    await archiveOf(reviewer, source.id, (value) => value?.status === "archived");
    const rows = await db.sourceArchive.findMany({ where: { annotationId: source.id }, orderBy: { requestedAt: "asc" } });
    expect(rows.map((row) => [row.url, row.status])).toEqual([
      [`${server.origin}/survey`, "archived"],
      [`${server.origin}/other`, "archived"],
    ]);
    const unchanged = await updateAnnotation({ actor: reviewer, annotationId: source.id, input: { kind: "source", version: updated.version, title: "Renamed" } });
    expect(unchanged.kind === "source" && unchanged.archive?.status).toBe("archived");
    expect(await db.sourceArchive.count({ where: { annotationId: source.id } })).toBe(2);
  });
  it("carries each source's archive state in the article's claim list, as fresh as the source's own read", async () => {
    const reviewer = await makeUser("reviewer");
    const claim = await makeClaim(reviewer);
    const listed = async (annotationId: string) => {
      const { article } = await readArticle({ actor: reviewer, id: claim.articleId, ifNoneMatch: null });
      const summary = article?.claims.find((item) => item.id === claim.id)?.annotations.find((item) => item.id === annotationId);
      if (summary?.kind !== "source") throw new Error("the source is not in the claim list");
      return summary.archive;
    };
    const own = async (annotationId: string) => {
      const annotation = await getAnnotation({ actor: reviewer, annotationId });
      if (annotation.kind !== "source") throw new Error("expected a source");
      return annotation.archive;
    };

    const archived = await makeSource(reviewer, claim.id, { url: `${server.origin}/survey` });
    await archiveOf(reviewer, archived.id, (value) => value?.status === "archived");
    expect(await listed(archived.id)).toEqual(await own(archived.id));
    expect(await listed(archived.id)).toMatchObject({ status: "archived", url: expect.stringMatching(/^\/api\/archives\//) });

    // A failure, then a retry: the list is read (and kept) in between, and never shows an older state.
    flakyStatus = 404;
    const flaky = await makeSource(reviewer, claim.id, { url: `${server.origin}/flaky` });
    await archiveOf(reviewer, flaky.id, (value) => value?.status === "failed");
    expect(await listed(flaky.id)).toMatchObject({ status: "failed", httpStatus: 404, error: expect.stringContaining("HTTP 404") });
    flakyStatus = 200;
    await retryArchive({ actor: reviewer, annotationId: flaky.id });
    expect((await listed(flaky.id))?.status).toMatch(/^(pending|archived)$/);
    await archiveOf(reviewer, flaky.id, (value) => value?.status === "archived");
    expect(await listed(flaky.id)).toEqual(await own(flaky.id));
  });
});

describe("the Internet Archive's copy (FACTDESK_WAYBACK)", () => {
  afterEach(() => {
    delete process.env.FACTDESK_WAYBACK;
    delete process.env.FACTDESK_WAYBACK_URL;
  });

  it("is not asked for while the setting is off, as it is by default", async () => {
    const reviewer = await makeUser("reviewer");
    const claim = await makeClaim(reviewer);
    process.env.FACTDESK_WAYBACK_URL = `${server.origin}/save/`;
    const source = await makeSource(reviewer, claim.id, { url: `${server.origin}/survey` });
    const archive = await archiveOf(reviewer, source.id, (value) => value?.status === "archived");
    expect(archive?.waybackUrl).toBeNull();
    expect(server.requests.filter((path) => path.startsWith("/save/"))).toEqual([]);
  });

  it("asks Save Page Now for the cited page and keeps the link to its copy", async () => {
    const reviewer = await makeUser("reviewer");
    const claim = await makeClaim(reviewer);
    process.env.FACTDESK_WAYBACK = "on";
    process.env.FACTDESK_WAYBACK_URL = `${server.origin}/save/`;
    const address = `${server.origin}/other`;
    const copy = `/web/20261207103000/${address}`;
    server.route(`/save/${address}`, (_request, response) => {
      response.writeHead(302, { location: copy });
      response.end();
    });
    server.route(copy, html("<html><body><p>The Internet Archive's copy.</p></body></html>"));
    const source = await makeSource(reviewer, claim.id, { url: address });
    const archive = await archiveOf(reviewer, source.id, (value) => value?.status === "archived");
    expect(archive?.waybackUrl).toBe(`${server.origin}${copy}`);
    expect(server.requests).toContain(`/save/${address}`);
    // The desk's own copy is taken all the same.
    expect(archive).toMatchObject({ httpStatus: 200, error: null, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
  });

  it("keeps the desk's copy when the Internet Archive fails, and the reason", async () => {
    const reviewer = await makeUser("reviewer");
    const claim = await makeClaim(reviewer);
    process.env.FACTDESK_WAYBACK = "on";
    process.env.FACTDESK_WAYBACK_URL = `${server.origin}/busy-save/`;
    const address = `${server.origin}/survey`;
    server.route(`/busy-save/${address}`, html("<h1>Busy</h1>", 503));
    const source = await makeSource(reviewer, claim.id, { url: address });
    const archive = await archiveOf(reviewer, source.id, (value) => value?.status === "archived");
    expect(archive).toMatchObject({ status: "archived", waybackUrl: null });
    const row = await db.sourceArchive.findUniqueOrThrow({ where: { id: archive?.url?.split("/").pop() ?? "" } });
    expect(row.waybackError).toContain("HTTP 503");
  });
});
