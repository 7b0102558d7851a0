import { describe, expect, it } from "vitest";
import { displayPrefix, generateTokenSecret, hashTokenSecret, isWellFormedTokenSecret } from "@/lib/tokens/secret";

describe("token secrets", () => {
  it("are fd_ plus 32 random bytes in base64url, different every time", () => {
    const first = generateTokenSecret();
    const second = generateTokenSecret();
    expect(first).toMatch(/^fd_[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(first.slice(3), "base64url")).toHaveLength(32);
    expect(first).not.toBe(second);
    expect(isWellFormedTokenSecret(first)).toBe(true);
  });

  it("hash to sha256 hex and show only their first characters", () => {
    expect(hashTokenSecret("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    const secret = generateTokenSecret();
    expect(displayPrefix(secret)).toBe(secret.slice(0, 10));
    expect(displayPrefix(secret).startsWith("fd_")).toBe(true);
  });

  it.each(["", "fd_", "fd_short", `gh_${"a".repeat(43)}`, `fd_${"a".repeat(42)}!`, `fd_${"a".repeat(44)}`, ` fd_${"a".repeat(43)}`])(
    "refuse the malformed value %#",
    (value) => {
      expect(isWellFormedTokenSecret(value)).toBe(false);
    },
  );
});
