/**
 * Opaque cursors for lists ordered by a time and an id (the id breaks ties). A cursor names
 * the last item of a page; the next page starts after it. Clients pass it back unchanged.
 */
import { AppError } from "@/lib/errors";

/** A position in a (time, id) ordering. */
export interface TimeCursor {
  at: Date;
  id: string;
}

/** Encodes the position of an item, for `nextCursor`. */
export function encodeCursor(at: Date, id: string): string {
  return Buffer.from(JSON.stringify([at.toISOString(), id]), "utf8").toString("base64url");
}

/** Decodes a cursor from `encodeCursor`; `invalid_input` for anything else. */
export function decodeCursor(cursor: string): TimeCursor {
  const invalid = new AppError("invalid_input", "Unknown cursor: pass back the nextCursor of the previous page.", {
    fields: { cursor: "Unknown cursor." },
  });
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    throw invalid;
  }
  if (!Array.isArray(parsed) || parsed.length !== 2) throw invalid;
  const [at, id] = parsed as unknown[];
  if (typeof at !== "string" || typeof id !== "string" || id.length === 0 || id.length > 100) throw invalid;
  const date = new Date(at);
  if (Number.isNaN(date.getTime())) throw invalid;
  return { at: date, id };
}
