/** The session-signing secret: required in production, generated once for the local demo. */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

export const MIN_SECRET_LENGTH = 32;

/**
 * Returns NEXTAUTH_SECRET. Without one, the local embedded setup generates a random secret
 * into `.data/` (kept across restarts so sessions survive); an external database means a
 * real deployment, where a missing or short secret stops the start.
 */
export function resolveSecret({ embedded, dataDir }: { embedded: boolean; dataDir: string }): string {
  const configured = process.env.NEXTAUTH_SECRET;
  if (configured !== undefined && configured !== "") {
    if (configured.length < MIN_SECRET_LENGTH) {
      throw new Error(`NEXTAUTH_SECRET is too short: use at least ${MIN_SECRET_LENGTH} characters (e.g. \`openssl rand -base64 32\`).`);
    }
    return configured;
  }
  if (!embedded) {
    throw new Error("NEXTAUTH_SECRET is not set. Set it to a random string of 32+ characters (e.g. `openssl rand -base64 32`).");
  }
  const file = path.join(dataDir, "nextauth-secret");
  if (fs.existsSync(file)) return fs.readFileSync(file, "utf8").trim();
  const secret = crypto.randomBytes(32).toString("base64url");
  fs.mkdirSync(dataDir, { recursive: true });
  fs.writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}
