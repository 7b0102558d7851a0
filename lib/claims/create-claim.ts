/** Marks a claim: a span of the current revision of an article, anchored by W3C selectors (D2). */
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { assertCan } from "@/lib/auth/policy";
import type { Actor } from "@/lib/auth/actor";
import { recordEvent } from "@/lib/audit/record-event";
import { publishChange } from "@/lib/live/publish";
import { DEFAULT_CONTEXT_LENGTH, describeRange, verifyPosition } from "@/lib/anchoring";
import { CreateClaimInput } from "@/lib/claims/schemas";
import type { ClaimDTO } from "@/lib/claims/present";
import { claimSelect, presentClaim } from "@/lib/claims/present-claim";

export interface CreateClaimOptions {
  actor: Actor | null;
  articleId: string;
  /** `{exact, prefix?, suffix?, start, end, revision, claimant?}`; see `CreateClaimInput`. */
  input: unknown;
}

/**
 * Creates a claim on revision `input.revision` of an article. The quote must be exactly the
 * text at [start, end) of that revision (422 otherwise, nothing stored), and the revision
 * must be the current one (409): a claim on a superseded text would never be re-anchored.
 */
export async function createClaim({ actor, articleId, input }: CreateClaimOptions): Promise<ClaimDTO> {
  assertCan(actor, "claim.create");
  const data = parseInput(CreateClaimInput, input);
  return db.$transaction(async (tx) => {
    // FOR SHARE keeps a new revision from being added (which updates or locks the article
    // row) between the check below that this revision is current and the insert.
    const articles = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM articles WHERE id = ${articleId} FOR SHARE`;
    if (articles.length === 0) throw new AppError("not_found", "No such article.");
    const current = await tx.articleRevision.findFirst({
      where: { articleId },
      orderBy: { number: "desc" },
      select: { id: true, number: true, text: true },
    });
    if (!current || current.number < data.revision) {
      throw new AppError("not_found", `This article has no revision ${data.revision}.`, { fields: { revision: "No such revision." } });
    }
    if (current.number !== data.revision) {
      throw new AppError("conflict", `The article has changed since revision ${data.revision}. Reload it and mark the claim again.`, {
        fields: { revision: `The current revision is ${current.number}.` },
        details: { currentRevision: current.number },
      });
    }
    const selectors = checkSelectors(current.text, data);
    const claim = await tx.claim.create({
      data: {
        articleId,
        revisionId: current.id,
        ...selectors,
        claimant: data.claimant ?? null,
        createdById: actor.id,
      },
      select: claimSelect(actor),
    });
    await recordEvent(tx, {
      actor,
      action: "claim.created",
      targetType: "claim",
      targetId: claim.id,
      after: { articleId, revision: current.number, ...selectors, claimant: claim.claimant, status: claim.status },
    });
    await publishChange(tx, { articleId, type: "claim.created", id: claim.id });
    return presentClaim(claim, actor);
  });
}

type Selectors = { exact: string; prefix: string; suffix: string; start: number; end: number };

/** The selectors to store, checked against the revision's text; `unprocessable` when they do not fit it. */
function checkSelectors(
  text: string,
  data: { exact: string; prefix?: string; suffix?: string; start: number; end: number },
): Selectors {
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
