import { describe, expect, it } from "vitest";
import { canonicalJson, snapshotSha256 } from "@/lib/versions/hash";
import { diffVersions, isEmptyDiff } from "@/lib/versions/diff-versions";
import { corrections } from "@/lib/versions/corrections";
import { claimCounts, type VersionSnapshot } from "@/lib/versions/snapshot";
import { parseVersionNumber } from "@/lib/versions/schemas";
import { fixtureClaims, seedArticle, seedSnapshot } from "@/lib/exports/__fixtures__/seed-snapshot";

describe("buildSnapshot", () => {
  const snapshot = seedSnapshot();
  const byId = new Map(snapshot.claims.map((claim) => [claim.id, claim]));

  it("keeps the claims of this revision in document order, without orphans or claims of other revisions", () => {
    const starts = snapshot.claims.map((claim) => claim.start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    expect(byId.has("c-orphan")).toBe(false);
    expect(byId.has("c-old-revision")).toBe(false);
    expect(claimCounts(snapshot.claims)).toEqual({ verified: 4, disputed: 1, unverified: 4 });
  });

  it("carries approved annotations only", () => {
    const kremlin = byId.get("c-kremlin")!;
    expect(kremlin.verifications.map((item) => item.id)).toEqual(["ver-kremlin"]);
    expect(kremlin.sources.map((item) => item.id)).toEqual(["src-kremlin-reuters"]);
    const json = JSON.stringify(snapshot);
    for (const id of ["ver-kremlin-draft", "ver-kremlin-rejected", "src-kremlin-submitted", "Draft only."]) expect(json).not.toContain(id);
  });

  it("publishes verdicts only for verified and disputed claims", () => {
    expect(byId.get("c-kremlin")).toMatchObject({ status: "verified", verdict: "true", verdicts: ["true"] });
    expect(byId.get("c-biden")).toMatchObject({ status: "disputed", verdict: null, verdicts: ["true", "misleading"] });
    // Approved verdict, but the text changed under it: not a published finding.
    expect(byId.get("c-scholz")).toMatchObject({ status: "unverified", verdict: null, verdicts: [], verifications: [] });
    expect(byId.get("c-scholz")?.sources).toHaveLength(1);
  });

  it("derives the status from the annotations it carries, not the stored one", () => {
    const claims = fixtureClaims(seedArticle().text).map((claim) =>
      claim.id === "c-kremlin" ? { ...claim, status: "unchecked" as const } : claim,
    );
    expect(seedSnapshot({ claims }).claims.find((claim) => claim.id === "c-kremlin")?.status).toBe("verified");
  });
});

describe("the snapshot hash", () => {
  it("does not depend on key order or whitespace (jsonb keeps neither)", () => {
    const snapshot = seedSnapshot();
    const reordered = JSON.parse(JSON.stringify(snapshot, null, 3)) as VersionSnapshot;
    const shuffled = Object.fromEntries(Object.entries(reordered).reverse());
    expect(snapshotSha256(shuffled)).toBe(snapshotSha256(snapshot));
    expect(snapshotSha256({ ...snapshot, note: "changed" })).not.toBe(snapshotSha256(snapshot));
  });

  it("writes canonical JSON with sorted keys", () => {
    expect(canonicalJson({ b: [1, { d: null, c: "x" }], a: true, u: undefined })).toBe('{"a":true,"b":[1,{"c":"x","d":null}]}');
    // Integer-like keys sort as strings too, although JS objects enumerate them first.
    expect(canonicalJson({ a: { "9": 1, "10": 2, b: [{ "2": null }] } })).toBe('{"a":{"10":2,"9":1,"b":[{"2":null}]}}');
  });
});

describe("diffVersions and corrections", () => {
  const v1 = seedSnapshot({ number: 1 });
  const text = seedArticle().text;
  const claims2 = fixtureClaims(text)
    // The Macron claim is withdrawn, the Kremlin verdict changes, the NATO claim loses a source.
    .filter((claim) => claim.id !== "c-macron")
    .map((claim) => {
      if (claim.id === "c-kremlin") {
        return {
          ...claim,
          annotations: claim.annotations.map((annotation) =>
            annotation.id === "ver-kremlin" ? { ...annotation, verdict: "mostly_true" as const } : annotation,
          ),
        };
      }
      if (claim.id === "c-nato") return { ...claim, annotations: claim.annotations.filter((annotation) => annotation.id !== "src-nato-context") };
      return claim;
    });
  const v2 = { ...seedSnapshot({ number: 2, note: "Corrected the Kremlin verdict.", claims: claims2 }), publishedAt: "2024-03-01T08:00:00.000Z" };

  it("lists claims removed, verdict changes and sources removed", () => {
    const diff = diffVersions(v1, v2);
    expect(diff.claimsAdded).toEqual([]);
    expect(diff.claimsRemoved.map((claim) => claim.id)).toEqual(["c-macron"]);
    expect(diff.verdictChanges.map((change) => [change.claim.id, change.before.verdicts, change.after.verdicts])).toEqual([
      ["c-kremlin", ["true"], ["mostly_true"]],
    ]);
    expect(diff.sourcesRemoved.map((change) => change.source.id).sort()).toEqual(["src-macron-bad-link", "src-macron-elysee", "src-nato-context"]);
    expect(diffVersions(v2, v1).claimsAdded.map((claim) => claim.id)).toEqual(["c-macron"]);
    expect(isEmptyDiff(diffVersions(v1, seedSnapshot({ number: 3 })))).toBe(true);
  });

  it("logs corrections with the date and note of the correcting version", () => {
    const log = corrections([v2, v1]);
    expect(log.map((entry) => [entry.kind, entry.claim.id, entry.version, entry.previousVersion])).toEqual([
      ["claim_withdrawn", "c-macron", 2, 1],
      ["verdict_changed", "c-kremlin", 2, 1],
    ]);
    expect(log[1]).toMatchObject({ publishedAt: "2024-03-01T08:00:00.000Z", note: "Corrected the Kremlin verdict.", after: { verdicts: ["mostly_true"] } });
    expect(corrections([v1])).toEqual([]);
  });
});

describe("parseVersionNumber", () => {
  it.each(["1", "42", 7])("accepts %j", (raw) => expect(parseVersionNumber(raw)).toBe(Number(raw)));
  it.each(["0", "-1", "1.5", "01", "abc", "9999999999", ""])("refuses %j as not found", (raw) => {
    expect(() => parseVersionNumber(raw)).toThrow(expect.objectContaining({ code: "not_found" }));
  });
});
