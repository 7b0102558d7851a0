/**
 * Canonical JSON and the sha256 of a snapshot (D5). The snapshot is stored as PostgreSQL
 * `jsonb`, which keeps neither key order nor whitespace, so the hash is taken over a form
 * that does not depend on either: object keys sorted by UTF-16 code units at every depth
 * (as RFC 8785 does), no whitespace, strings and numbers as `JSON.stringify` writes them.
 * Recomputing the hash of a stored snapshot therefore gives the stored hash back.
 */
import { createHash } from "node:crypto";

const INTEGER_KEY = /^(0|[1-9]\d*)$/;

class IntegerKeyFound extends Error {}

/** Sorts an object's keys for JSON.stringify; bails out on integer-like keys, which JS objects always put first. */
function sortKeys(_key: string, value: unknown): unknown {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return value;
  const keys = Object.keys(value).sort();
  const sorted: Record<string, unknown> = {};
  for (const key of keys) {
    if (INTEGER_KEY.test(key)) throw new IntegerKeyFound();
    sorted[key] = (value as Record<string, unknown>)[key];
  }
  return sorted;
}

/** JSON with object keys sorted at every depth; `undefined` members are left out as JSON.stringify does. */
export function canonicalJson(value: unknown): string {
  // Fast path: the native serializer with sorted objects. An object with integer-like keys
  // cannot hold them in sorted order (JS enumerates those first, numerically), so such a
  // value takes the slow path below, which writes keys in sorted order itself.
  try {
    const text = JSON.stringify(value, sortKeys);
    if (text === undefined) throw new TypeError(`Cannot write ${typeof value} as JSON`);
    return text;
  } catch (error) {
    if (!(error instanceof IntegerKeyFound)) throw error;
  }
  return slowCanonicalJson(value);
}

function slowCanonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") {
    const text = JSON.stringify(value);
    if (text === undefined) throw new TypeError(`Cannot write ${typeof value} as JSON`);
    return text;
  }
  if (Array.isArray(value)) {
    return `[${value.map((item) => (item === undefined || typeof item === "function" ? "null" : slowCanonicalJson(item))).join(",")}]`;
  }
  const entries = Object.keys(value)
    .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
    .sort()
    .map((key) => `${JSON.stringify(key)}:${slowCanonicalJson((value as Record<string, unknown>)[key])}`);
  return `{${entries.join(",")}}`;
}

/** The sha256 (hex) of a string's UTF-8 bytes. */
export function sha256Hex(text: string | Uint8Array): string {
  return createHash("sha256").update(text).digest("hex");
}

/** The sha256 of a snapshot: over its canonical JSON. */
export function snapshotSha256(snapshot: unknown): string {
  return sha256Hex(canonicalJson(snapshot));
}
