/**
 * Entity tags for conditional reads (`If-None-Match` → 304). A tag is a hash of the
 * fingerprint a read takes from the database (ids and `xmin` of the rows its answer is built
 * from) together with who asks, since an answer depends on the caller (their drafts, their
 * abilities): a tag is valid for that caller only, and any server computes the same tag for
 * the same rows (D8). Tags are weak: the JSON is the same, byte for byte, only as long as the
 * code that writes it is.
 */
import { createHash } from "node:crypto";
import type { Actor } from "@/lib/auth/actor";

/** The tag of an answer built from `fingerprint` for `actor`. */
export function entityTag(fingerprint: string, actor: Pick<Actor, "id" | "role">): string {
  const hash = createHash("sha256").update(`${fingerprint}\n${actor.id}\n${actor.role}`).digest("base64url").slice(0, 27);
  return `W/"${hash}"`;
}

/** Whether an `If-None-Match` header names `tag` (weak comparison, as RFC 9110 asks for GET). */
export function tagMatches(ifNoneMatch: string | null | undefined, tag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === "*") return true;
  const opaque = (value: string) => value.trim().replace(/^W\//, "");
  const wanted = opaque(tag);
  return ifNoneMatch.split(",").some((candidate) => opaque(candidate) === wanted);
}
