/**
 * The keyset cursor of search results, ordered by rank (highest first), then type and id. A
 * rank depends only on the row and the query, never on other rows, so a page boundary stays
 * where it was when other rows are added: no result is repeated or skipped between pages.
 */
import { AppError } from "@/lib/errors";
import { SEARCH_TYPES, type SearchType } from "@/lib/search/schemas";

export interface SearchCursor {
  rank: number;
  type: SearchType;
  id: string;
}

export function encodeSearchCursor(cursor: SearchCursor): string {
  return Buffer.from(JSON.stringify([cursor.rank, cursor.type, cursor.id]), "utf8").toString("base64url");
}

export function decodeSearchCursor(value: string): SearchCursor {
  const invalid = new AppError("invalid_input", "Unknown cursor: pass back the nextCursor of the previous page.", {
    fields: { cursor: "Unknown cursor." },
  });
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(value, "base64url").toString("utf8"));
  } catch {
    throw invalid;
  }
  if (!Array.isArray(parsed) || parsed.length !== 3) throw invalid;
  const [rank, type, id] = parsed as unknown[];
  if (typeof rank !== "number" || !Number.isFinite(rank) || rank < 0) throw invalid;
  if (typeof type !== "string" || !(SEARCH_TYPES as readonly string[]).includes(type)) throw invalid;
  if (typeof id !== "string" || id.length === 0 || id.length > 100) throw invalid;
  return { rank, type: type as SearchType, id };
}
