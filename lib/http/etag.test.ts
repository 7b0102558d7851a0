import { describe, expect, it } from "vitest";
import { entityTag, tagMatches } from "@/lib/http/etag";

const alice = { id: "alice", role: "reviewer" as const };
const bob = { id: "bob", role: "reviewer" as const };

describe("entity tags", () => {
  it("differ by caller and by fingerprint, and are the same for the same both", () => {
    const tag = entityTag("rows-v1", alice);
    expect(tag).toMatch(/^W\/"[A-Za-z0-9_-]+"$/);
    expect(entityTag("rows-v1", alice)).toBe(tag);
    expect(entityTag("rows-v1", bob)).not.toBe(tag);
    expect(entityTag("rows-v1", { ...alice, role: "editor" })).not.toBe(tag);
    expect(entityTag("rows-v2", alice)).not.toBe(tag);
  });

  it("match If-None-Match weakly, in a list, or as *", () => {
    const tag = entityTag("rows", alice);
    const opaque = tag.slice(2);
    expect(tagMatches(tag, tag)).toBe(true);
    expect(tagMatches(opaque, tag)).toBe(true);
    expect(tagMatches(`"other", ${tag}`, tag)).toBe(true);
    expect(tagMatches("*", tag)).toBe(true);
    expect(tagMatches('"other"', tag)).toBe(false);
    expect(tagMatches(null, tag)).toBe(false);
    expect(tagMatches("", tag)).toBe(false);
  });
});
