import { describe, expect, it } from "vitest";
import { VersionedCache } from "@/lib/cache/versioned-cache";

describe("VersionedCache", () => {
  it("builds once per key and version, and again when the version changes", async () => {
    const cache = new VersionedCache<string>(4);
    const builds: string[] = [];
    const build = (value: string) => async () => {
      builds.push(value);
      return value;
    };
    expect(await cache.get("a", "1", build("a@1"))).toBe("a@1");
    expect(await cache.get("a", "1", build("a@1 again"))).toBe("a@1");
    expect(await cache.get("a", "2", build("a@2"))).toBe("a@2");
    expect(await cache.get("a", "1", build("a@1 rebuilt"))).toBe("a@1 rebuilt");
    expect(builds).toEqual(["a@1", "a@2", "a@1 rebuilt"]);
  });

  it("shares one build among readers who ask while it runs", async () => {
    const cache = new VersionedCache<number>(4);
    let builds = 0;
    let finish: (value: number) => void = () => {};
    const build = () => {
      builds += 1;
      return new Promise<number>((resolve) => (finish = resolve));
    };
    const first = cache.get("a", "1", build);
    const second = cache.get("a", "1", build);
    finish(42);
    expect(await Promise.all([first, second])).toEqual([42, 42]);
    expect(builds).toBe(1);
  });

  it("forgets a failed build, so the next reader tries again", async () => {
    const cache = new VersionedCache<string>(4);
    await expect(cache.get("a", "1", () => Promise.reject(new Error("database down")))).rejects.toThrow("database down");
    expect(cache.size).toBe(0);
    expect(await cache.get("a", "1", async () => "built")).toBe("built");
  });

  it("drops the least recently used keys beyond its capacity", async () => {
    const cache = new VersionedCache<string>(2);
    await cache.get("a", "1", async () => "a");
    await cache.get("b", "1", async () => "b");
    await cache.get("a", "1", async () => "a rebuilt"); // a is now the most recent
    await cache.get("c", "1", async () => "c");
    expect(cache.size).toBe(2);
    expect(await cache.get("a", "1", async () => "a rebuilt")).toBe("a");
    expect(await cache.get("b", "1", async () => "b rebuilt")).toBe("b rebuilt");
  });
});
