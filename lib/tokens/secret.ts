/**
 * The secret of a personal access token: its format, its hash and its display prefix.
 * Only the hash is stored; the secret exists in the create response and the client's hands.
 */
import { createHash, randomBytes } from "node:crypto";

/** Every token starts with this, so leaked tokens are easy to recognise and scan for. */
export const TOKEN_PREFIX = "fd_";

/** Characters of the secret kept for display: the marker plus 7 random characters (42 bits). */
const DISPLAY_PREFIX_LENGTH = 10;

// 32 random bytes are 43 base64url characters without padding.
const TOKEN_PATTERN = /^fd_[A-Za-z0-9_-]{43}$/;

/** A new random secret, `fd_` + 32 random bytes in base64url. */
export function generateTokenSecret(): string {
  return TOKEN_PREFIX + randomBytes(32).toString("base64url");
}

/**
 * The stored form of a secret: sha256 in hex. A fast hash is enough here (unlike passwords):
 * the secret carries 256 random bits, so there is nothing to guess, and lookups stay cheap.
 */
export function hashTokenSecret(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("hex");
}

/** The start of a secret shown in the token list so its owner can tell tokens apart. */
export function displayPrefix(secret: string): string {
  return secret.slice(0, DISPLAY_PREFIX_LENGTH);
}

/** Whether `value` has the shape of a token secret (says nothing about whether it exists). */
export function isWellFormedTokenSecret(value: string): boolean {
  return TOKEN_PATTERN.test(value);
}
