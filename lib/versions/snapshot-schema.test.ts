import { describe, expect, it } from "vitest";
import { readStoredSnapshot, UnreadableSnapshotError } from "@/lib/versions/snapshot-schema";
import { seedSnapshot } from "@/lib/exports/__fixtures__/seed-snapshot";

/** The snapshot as the database gives it back: JSON, no shared references. */
const stored = () => JSON.parse(JSON.stringify(seedSnapshot())) as Record<string, unknown>;
const read = (value: unknown) => () => readStoredSnapshot(value, "version 1 of article a1");

describe("readStoredSnapshot", () => {
  it("reads a snapshot of format 1 back exactly as it was published", () => {
    expect(readStoredSnapshot(stored(), "version 1 of article a1")).toEqual(seedSnapshot());
  });

  it("refuses a format it does not know, naming the version and the formats it reads", () => {
    expect(read({ ...stored(), format: 2 })).toThrow(UnreadableSnapshotError);
    expect(read({ ...stored(), format: 2 })).toThrow(
      "The snapshot of version 1 of article a1 has format 2, which this version of Factdesk cannot read (it reads format 1).",
    );
  });

  it("refuses what is not a snapshot at all", () => {
    for (const value of [null, "text", [], 42, { ...stored(), format: "1" }, { ...stored(), format: undefined }]) {
      expect(read(value)).toThrow(/version 1 of article a1 has no format number/);
    }
  });

  it("names where a damaged snapshot is wrong", () => {
    const claims = stored().claims as Record<string, unknown>[];
    const damaged = { ...stored(), claims: claims.map((claim, index) => (index === 2 ? { ...claim, status: "in_review", start: "12" } : claim)) };
    expect(read(damaged)).toThrow(/^The snapshot of version 1 of article a1 is damaged: claims\[2\]\.start: .*; claims\[2\]\.status: /);
    const { revision: _revision, ...withoutRevision } = stored();
    expect(read(withoutRevision)).toThrow(/is damaged: revision: /);
    const noDoc = { ...stored(), revision: { ...(stored().revision as object), doc: "<p>html</p>" } };
    expect(read(noDoc)).toThrow(/is damaged: revision\.doc: Expected a document node/);
  });

  it("reads the archived copy a source was published with, and older snapshots without any copy", () => {
    const snapshot = readStoredSnapshot(stored(), "version 1 of article a1");
    const efe = snapshot.claims.flatMap((claim) => claim.sources).find((source) => source.id === "src-nato-efe");
    expect(efe?.archive).toEqual({
      id: "archive-nato-efe",
      archivedAt: "2024-02-27T18:42:00.000Z",
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      url: "https://desk.example.org/api/archives/archive-nato-efe",
    });
    // A snapshot stored before copies were cited has no `archive` on any source: it still reads.
    const before = stored();
    for (const claim of before.claims as { sources: Record<string, unknown>[] }[]) for (const source of claim.sources) delete source.archive;
    const old = readStoredSnapshot(before, "version 1 of article a1");
    expect(old.claims.flatMap((claim) => claim.sources).every((source) => source.archive === undefined)).toBe(true);
    // A copy without its date or address is damage, not a citation.
    const damaged = stored();
    const first = (damaged.claims as { sources: Record<string, unknown>[] }[]).flatMap((claim) => claim.sources).find((source) => source.archive);
    if (!first) throw new Error("fixture has no archived source");
    first.archive = { id: "x", sha256: null, url: "https://desk.example.org/api/archives/x" };
    expect(read(damaged)).toThrow(/is damaged: claims\[\d+\]\.sources\[\d+\]\.archive\.archivedAt: /);
  });
});
