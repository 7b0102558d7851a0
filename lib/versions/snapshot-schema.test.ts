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
});
