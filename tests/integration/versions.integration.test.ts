/**
 * Published versions (D5) through the use cases against a real PostgreSQL: who may publish,
 * what a snapshot holds, numbering under concurrency, immutability, the public reads, and the
 * corrections log.
 */
import { describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { errorResponse } from "@/lib/http/respond";
import { publishVersion } from "@/lib/versions/publish-version";
import { previewPublish } from "@/lib/versions/preview-publish";
import { getVersion } from "@/lib/versions/get-version";
import { getVersionHistory, listVersions } from "@/lib/versions/version-history";
import { snapshotSha256 } from "@/lib/versions/hash";
import { renderExport, EXPORT_FORMATS } from "@/lib/exports";
import { updateAnnotation } from "@/lib/annotations/update-annotation";
import { createClaim } from "@/lib/claims/create-claim";
import { getArchiveCopy } from "@/lib/archives/get-archive-copy";
import { makeUser } from "./factories";
import { claimInput, makeClaim, makeClaimArticle, makeSource, makeVerification } from "./claim-factories";
import { annotationIn, review, submitted } from "./review-factories";

const CONTEXT = { baseUrl: "https://desk.example.org", organization: { name: "Desk", url: "https://desk.example.org" } };

/** An article with one verified claim (approved verdict and source) and one claim still unchecked. */
async function verifiedArticle() {
  const author = await makeUser("reviewer", "Alice Author");
  const reviewer = await makeUser("reviewer", "Rita Reviewer");
  const editor = await makeUser("editor", "Erin Editor");
  const articleId = await makeClaimArticle();
  const claim = await makeClaim(author, "unemployment fell by 3% last year", articleId);
  const verdict = await annotationIn("approved", author, reviewer, claim.id, "verification");
  const source = await annotationIn("approved", author, reviewer, claim.id, "source");
  const other = await createClaim({ actor: author, articleId, input: claimInput("the figure leaves out part-time work") });
  return { author, reviewer, editor, articleId, claim, verdict, source, other };
}

async function publish(actor: Actor | null, articleId: string, note?: string) {
  return publishVersion({ actor, articleId, input: note === undefined ? {} : { note } });
}

describe("who may publish", () => {
  it("refuses the anonymous (401) and reviewers (403), and writes nothing", async () => {
    const { author, articleId } = await verifiedArticle();
    const before = await db.publishedVersion.count();
    for (const [actor, code, status] of [
      [null, "unauthenticated", 401],
      [author, "forbidden", 403],
    ] as const) {
      const error = await publish(actor, articleId).catch((caught: unknown) => caught);
      expect(error).toMatchObject({ code });
      expect(errorResponse(error).status).toBe(status);
      await expect(previewPublish({ actor, articleId })).rejects.toMatchObject({ code });
    }
    expect(await db.publishedVersion.count()).toBe(before);
  });

  it("answers 404 for an unknown article and 400 for a bad note", async () => {
    const editor = await makeUser("editor");
    await expect(publish(editor, "no-such-article")).rejects.toMatchObject({ code: "not_found" });
    const { articleId } = await verifiedArticle();
    await expect(publishVersion({ actor: editor, articleId, input: { note: "x".repeat(2001) } })).rejects.toMatchObject({
      code: "invalid_input",
      fields: { note: expect.any(String) },
    });
    await expect(publishVersion({ actor: editor, articleId, input: { number: 7 } })).rejects.toMatchObject({
      code: "invalid_input",
      fields: { number: expect.any(String) },
    });
  });
});

describe("publishing", () => {
  it("numbers versions 1 and 2, stamps the editor, the time and the sha256, and leaves an audit event", async () => {
    const { editor, articleId } = await verifiedArticle();
    const first = await publish(editor, articleId, "  First check.  ");
    const second = await publish(editor, articleId);
    expect([first.number, second.number]).toEqual([1, 2]);
    expect(first).toMatchObject({ publishedBy: { id: editor.id, name: "Erin Editor" }, note: "First check.", revisionNumber: 1 });
    expect(second.note).toBeNull();
    const stored = await db.publishedVersion.findUniqueOrThrow({ where: { id: first.id } });
    expect(stored.sha256).toBe(first.sha256);
    expect(stored.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(stored.publishedById).toBe(editor.id);
    expect(stored.publishedAt.toISOString()).toBe(first.publishedAt);
    const events = await db.auditEvent.findMany({ where: { targetId: first.id } });
    expect(events).toMatchObject([{ action: "version.published", actorId: editor.id, targetType: "published_version" }]);
  });

  it("never gives two concurrent publishes the same number", async () => {
    const { editor, articleId } = await verifiedArticle();
    const other = await makeUser("editor");
    const results = await Promise.all([publish(editor, articleId), publish(other, articleId), publish(editor, articleId)]);
    expect(results.map((version) => version.number).sort()).toEqual([1, 2, 3]);
  });

  it("includes only approved annotations, and verdicts only of verified claims", async () => {
    const { author, reviewer, editor, articleId, claim, verdict, source, other } = await verifiedArticle();
    // Work that must stay out: a draft, a submission, a rejected and a sent-back annotation.
    const draft = await makeSource(author, claim.id, { url: "https://example.org/draft" });
    const waiting = await submitted(author, claim.id, "source");
    const rejected = await annotationIn("rejected", author, reviewer, claim.id, "source");
    const sentBack = await annotationIn("changes_requested", author, reviewer, claim.id, "verification");
    // An approved verdict on the other claim, with no approved source yet: not a finding.
    const lone = await annotationIn("approved", author, reviewer, other.id, "verification");
    const version = await publish(editor, articleId);
    const { snapshot } = await getVersion({ articleId, number: version.number });
    const [first, second] = snapshot.claims;
    expect(snapshot.claims.map((item) => item.id)).toEqual([claim.id, other.id]);
    expect(first).toMatchObject({ status: "verified", verdict: "misleading", verdicts: ["misleading"] });
    expect(first!.verifications.map((item) => item.id)).toEqual([verdict.id]);
    expect(first!.sources.map((item) => item.id)).toEqual([source.id]);
    expect(second).toMatchObject({ status: "unverified", verdict: null, verifications: [], sources: [] });
    const json = JSON.stringify(snapshot);
    for (const hidden of [draft, waiting, rejected, sentBack, lone]) expect(json).not.toContain(hidden.id);
    expect(version.counts).toEqual({ verified: 1, disputed: 0, unverified: 1 });
  });

  it("never changes a published snapshot when annotations change later", async () => {
    const { author, reviewer, editor, articleId, verdict } = await verifiedArticle();
    const version = await publish(editor, articleId);
    const before = await getVersion({ articleId, number: 1 });
    const exportsBefore = EXPORT_FORMATS.map((format) => renderExport(before.snapshot, format, CONTEXT).body);
    // The verdict is edited (back to review), then approved again with another verdict.
    const edited = await updateAnnotation({
      actor: author,
      annotationId: verdict.id,
      input: { verdict: "false", rationale: "On second look, false.", version: verdict.version },
    });
    await review(reviewer, edited);
    const after = await getVersion({ articleId, number: 1 });
    expect(after.snapshot).toEqual(before.snapshot);
    expect(after.sha256).toBe(version.sha256);
    expect(snapshotSha256(after.snapshot)).toBe(version.sha256);
    expect(EXPORT_FORMATS.map((format) => renderExport(after.snapshot, format, CONTEXT).body)).toEqual(exportsBefore);
    // The next version has the new verdict, and the log says version 2 corrected version 1.
    await publish(editor, articleId, "Verdict corrected after review.");
    const v2 = await getVersion({ articleId, number: 2 });
    expect(v2.snapshot.claims[0]).toMatchObject({ verdict: "false" });
    const history = await getVersionHistory({ articleId });
    expect(history.versions.map((item) => item.number)).toEqual([1, 2]);
    expect(history.corrections).toMatchObject([
      {
        kind: "verdict_changed",
        version: 2,
        previousVersion: 1,
        note: "Verdict corrected after review.",
        before: { verdicts: ["misleading"] },
        after: { verdicts: ["false"] },
      },
    ]);
  });
});

describe("archived copies of sources", () => {
  /** A finished copy of the source's current address, taken now (newer than the attempt its creation queued). */
  async function archiveOf(annotationId: string, digit: number) {
    const { url } = await db.annotation.findUniqueOrThrow({ where: { id: annotationId }, select: { url: true } });
    const at = new Date();
    return db.sourceArchive.create({
      data: { annotationId, url: url ?? "", status: "archived", requestedAt: at, archivedAt: at, httpStatus: 200, sha256: "a".repeat(63) + String(digit), title: "Copy", text: "Copied." },
    });
  }

  it("publishes the copy a source has, on the configured public origin, and keeps it when the source is archived again", async () => {
    vi.stubEnv("FACTDESK_PUBLIC_URL", "https://facts.example.net");
    try {
      const { author, reviewer, editor, articleId, claim, source } = await verifiedArticle();
      // A second approved source whose copy was never taken.
      const uncopied = await annotationIn("approved", author, reviewer, claim.id, "source");
      const first = await archiveOf(source.id, 1);
      await publish(editor, articleId);
      const v1 = await getVersion({ articleId, number: 1 });
      const sources = v1.snapshot.claims.find((item) => item.id === claim.id)?.sources ?? [];
      expect(sources.find((item) => item.id === source.id)?.archive).toEqual({
        id: first.id,
        archivedAt: first.archivedAt?.toISOString(),
        sha256: first.sha256,
        url: `https://facts.example.net/api/archives/${first.id}`,
      });
      expect(sources.find((item) => item.id === uncopied.id)?.archive).toBeUndefined();
      const html = renderExport(v1.snapshot, "html", CONTEXT).body;
      expect(html).toContain(`href="https://facts.example.net/api/archives/${first.id}"`);
      expect(html.match(/archived copy<\/a>/g)).toHaveLength(1);
      const w3c = renderExport(v1.snapshot, "w3c", CONTEXT).body;
      expect(w3c).toContain(`"cached": "https://facts.example.net/api/archives/${first.id}"`);
      expect(w3c.match(/"TimeState"/g)).toHaveLength(1);
      const exportsBefore = EXPORT_FORMATS.map((format) => renderExport(v1.snapshot, format, CONTEXT).body);

      // The source is copied again later: version 1 still cites the copy it was published with.
      const second = await archiveOf(source.id, 2);
      const again = await getVersion({ articleId, number: 1 });
      expect(again.snapshot).toEqual(v1.snapshot);
      expect(snapshotSha256(again.snapshot)).toBe(v1.sha256);
      expect(EXPORT_FORMATS.map((format) => renderExport(again.snapshot, format, CONTEXT).body)).toEqual(exportsBefore);
      // The next version cites the newer copy.
      await publish(editor, articleId, "Newer copy of the source.");
      const v2 = await getVersion({ articleId, number: 2 });
      const cited = v2.snapshot.claims.find((item) => item.id === claim.id)?.sources.find((item) => item.id === source.id);
      expect(cited?.archive?.id).toBe(second.id);
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it("lets anyone open a copy a published version cites, and keeps other copies to signed-in people", async () => {
    const { author, reviewer, editor, articleId, claim, source } = await verifiedArticle();
    const uncopied = await annotationIn("approved", author, reviewer, claim.id, "source");
    const cited = await archiveOf(source.id, 3);
    // Before publishing, the copy is the desk's own: a signed-out reader gets the same 404 as for an unknown id.
    await expect(getArchiveCopy({ actor: null, archiveId: cited.id })).rejects.toMatchObject({ code: "not_found" });
    await publish(editor, articleId);
    expect(await getArchiveCopy({ actor: null, archiveId: cited.id })).toContain("Archived copy");
    // A copy taken after publishing is cited by no version: still signed-in only.
    const later = await archiveOf(uncopied.id, 4);
    await expect(getArchiveCopy({ actor: null, archiveId: later.id })).rejects.toMatchObject({ code: "not_found" });
    expect(await getArchiveCopy({ actor: author, archiveId: later.id })).toContain("Archived copy");
    await expect(getArchiveCopy({ actor: null, archiveId: "no-such-copy" })).rejects.toMatchObject({ code: "not_found" });
  });

  it("cites no copy while it is still being taken, or when it failed", async () => {
    const { editor, articleId, claim, source } = await verifiedArticle();
    const { url } = await db.annotation.findUniqueOrThrow({ where: { id: source.id }, select: { url: true } });
    await db.sourceArchive.create({ data: { annotationId: source.id, url: url ?? "", status: "failed", error: "The page answered 404." } });
    await publish(editor, articleId);
    const v1 = await getVersion({ articleId, number: 1 });
    const cited = v1.snapshot.claims.find((item) => item.id === claim.id)?.sources.find((item) => item.id === source.id);
    expect(cited).toBeDefined();
    expect(cited?.archive).toBeUndefined();
  });
});

describe("public reads", () => {
  it("read versions without an actor, and answer 404 for versions never published", async () => {
    const { editor, articleId } = await verifiedArticle();
    await publish(editor, articleId);
    expect((await getVersion({ articleId, number: 1 })).number).toBe(1);
    await expect(getVersion({ articleId, number: 2 })).rejects.toMatchObject({ code: "not_found" });
    await expect(getVersion({ articleId: "no-such-article", number: 1 })).rejects.toMatchObject({ code: "not_found" });
    expect((await listVersions({ actor: null, articleId })).map((item) => item.number)).toEqual([1]);
    // Without versions: 404 to the anonymous whether the article exists or not; [] to readers.
    const unpublished = await makeClaimArticle();
    const reader = await makeUser();
    await expect(listVersions({ actor: null, articleId: unpublished })).rejects.toMatchObject({ code: "not_found" });
    await expect(listVersions({ actor: null, articleId: "no-such-article" })).rejects.toMatchObject({ code: "not_found" });
    expect(await listVersions({ actor: reader, articleId: unpublished })).toEqual([]);
    await expect(listVersions({ actor: reader, articleId: "no-such-article" })).rejects.toMatchObject({ code: "not_found" });
  });

  it("read a stored snapshot by its format: an unknown format or a damaged snapshot is a clear error, and the API answers 500", async () => {
    const { editor, articleId } = await verifiedArticle();
    const published = await publish(editor, articleId);
    const stored = await db.publishedVersion.findUniqueOrThrow({ where: { articleId_number: { articleId, number: 1 } } });
    const good = (await getVersion({ articleId, number: 1 })).snapshot;
    // Rows written by other code (an older or newer app, a hand edit), beside the real one.
    const { id: _id, ...row } = stored;
    const { claims: _claims, ...withoutClaims } = good;
    for (const [number, snapshot, reason] of [
      [2, { ...good, number: 2, format: 99 }, /has format 99, which this version of Factdesk cannot read \(it reads format 1\)/],
      [3, { ...withoutClaims, number: 3 }, /version 3 of article .* is damaged: claims: /],
      [4, { ...good, number: 4, format: undefined }, /has no format number/],
    ] as const) {
      await db.publishedVersion.create({ data: { ...row, number, snapshot: JSON.parse(JSON.stringify(snapshot)) } });
      const error = await getVersion({ articleId, number }).catch((caught: unknown) => caught);
      expect(error).toMatchObject({ name: "UnreadableSnapshotError", message: expect.stringMatching(reason) });
      // The API answers 500 with an error id, and the server log has the reason under that id.
      const log = vi.spyOn(console, "error").mockImplementation(() => undefined);
      expect(errorResponse(error).status).toBe(500);
      expect(log).toHaveBeenCalledWith(expect.stringContaining("unexpected error"), error);
      log.mockRestore();
    }
    // The readable version still reads, unchanged.
    expect((await getVersion({ articleId, number: 1 })).sha256).toBe(published.sha256);
  });

  it("previews what publishing would include, for editors", async () => {
    const { editor, articleId, claim, other, author } = await verifiedArticle();
    await makeVerification(author, other.id);
    const preview = await previewPublish({ actor: editor, articleId });
    expect(preview).toMatchObject({ nextNumber: 1, latest: null, changes: null });
    expect(preview.verified.map((item) => item.id)).toEqual([claim.id]);
    expect(preview.unverified.map((item) => item.id)).toEqual([other.id]);
    await publish(editor, articleId);
    const next = await previewPublish({ actor: editor, articleId });
    expect(next).toMatchObject({ nextNumber: 2, latest: { number: 1 }, changes: { verdictChanges: [], claimsAdded: [] } });
  });
});
