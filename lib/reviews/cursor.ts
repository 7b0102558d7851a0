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

/** Encodes the position of an item, for `nextCursor`; `at` may be null in lists that order undated items last. */
export function encodeCursor(at: Date | null, id: string): string {
  return Buffer.from(JSON.stringify([at ? at.toISOString() : null, id]), "utf8").toString("base64url");
}

/** Decodes a cursor from `encodeCursor`; `invalid_input` for anything else, a null time included. */
export function decodeCursor(cursor: string): TimeCursor {
  const { at, id } = decodeNullableCursor(cursor);
  if (at === null) throw invalidCursor();
  return { at, id };
}

/** Like `decodeCursor`, for lists whose items may have no time (ordered last). */
export function decodeNullableCursor(cursor: string): { at: Date | null; id: string } {
  const invalid = invalidCursor();
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    throw invalid;
  }
  if (!Array.isArray(parsed) || parsed.length !== 2) throw invalid;
  const [at, id] = parsed as unknown[];
  if (typeof id !== "string" || id.length === 0 || id.length > 100) throw invalid;
  if (at === null) return { at: null, id };
  if (typeof at !== "string") throw invalid;
  const date = new Date(at);
  if (Number.isNaN(date.getTime())) throw invalid;
  return { at: date, id };
}

function invalidCursor(): AppError {
  return new AppError("invalid_input", "Unknown cursor: pass back the nextCursor of the previous page.", {
    fields: { cursor: "Unknown cursor." },
  });
}
