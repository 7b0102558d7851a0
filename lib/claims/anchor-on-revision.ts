/**
 * The checks a span must pass to be anchored on a revision (D2), shared by marking a claim and
 * re-attaching an orphaned one: the revision is the current one, taken under a lock that keeps
 * a new revision from arriving meanwhile, and the selectors are exactly the text there.
 */
import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { DEFAULT_CONTEXT_LENGTH, describeRange, verifyPosition } from "@/lib/anchoring";

/** The stored selectors of a claim. */
export interface ClaimSelectors {
  exact: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
}

/** The current revision, as anchoring needs it. */
export interface CurrentRevision {
  id: string;
  number: number;
  text: string;
}

/**
 * Locks the article `FOR SHARE` and returns its current revision, which must be `revision`:
 * 404 for an unknown article or a revision it does not have yet, 409 for one that is no
 * longer current (a claim on a superseded text would never be re-anchored).
 *
 * FOR SHARE keeps a new revision from being added (createRevision locks the article row
 * `FOR UPDATE` first) between this check and the caller's write, while claims on the same
 * article can still be made side by side.
 */
export async function lockCurrentRevision(tx: Tx, articleId: string, revision: number): Promise<CurrentRevision> {
  const articles = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM articles WHERE id = ${articleId} FOR SHARE`;
  if (articles.length === 0) throw new AppError("not_found", "No such article.");
  const current = await tx.articleRevision.findFirst({
    where: { articleId },
    orderBy: { number: "desc" },
    select: { id: true, number: true, text: true },
  });
  if (!current || current.number < revision) {
    throw new AppError("not_found", `This article has no revision ${revision}.`, { fields: { revision: "No such revision." } });
  }
  if (current.number !== revision) {
    throw new AppError("conflict", `The article has changed since revision ${revision}. Reload it and select the text again.`, {
      fields: { revision: `The current revision is ${current.number}.` },
      details: { currentRevision: current.number },
    });
  }
  return current;
}

/** The selectors to store, checked against the revision's text; `unprocessable` when they do not fit it. */
export function checkSelectors(
  text: string,
  data: { exact: string; prefix?: string; suffix?: string; start: number; end: number },
): ClaimSelectors {
  const { exact, start, end } = data;
  if (end > text.length) {
    throw unprocessable("end", `The claim ends after the end of the text (${text.length} characters).`);
  }
  if (!verifyPosition(text, { exact, start, end })) {
    throw unprocessable("exact", "The quoted text does not match the article at the given start and end.");
  }
  // Half of a surrogate pair does not survive UTF-8 (PostgreSQL, JSON): the stored quote
  // would no longer be the text it claims to be.
  if (splitsSurrogatePair(text, start) || splitsSurrogatePair(text, end)) {
    throw unprocessable("start", "The claim starts or ends in the middle of a character.");
  }
  const described = describeRange(text, start, end, DEFAULT_CONTEXT_LENGTH);
  const prefix = data.prefix ?? described.quote.prefix;
  const suffix = data.suffix ?? described.quote.suffix;
  if (prefix.length > start || text.slice(start - prefix.length, start) !== prefix) {
    throw unprocessable("prefix", "The prefix does not match the text before the claim.");
  }
  if (text.slice(end, end + suffix.length) !== suffix) {
    throw unprocessable("suffix", "The suffix does not match the text after the claim.");
  }
  return { exact, prefix, suffix, start, end };
}

function splitsSurrogatePair(text: string, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) return false;
  const before = text.charCodeAt(offset - 1);
  const after = text.charCodeAt(offset);
  return before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff;
}

function unprocessable(field: string, message: string): AppError {
  return new AppError("unprocessable", message, { fields: { [field]: message } });
}
