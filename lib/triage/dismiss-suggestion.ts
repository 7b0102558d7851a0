/**
 * Dismissing a suggested sentence for the whole desk, and undoing it. A dismissal is kept per
 * sentence text: it holds on later revisions while the sentence reads the same. Both are
 * audited and announced to everyone with the article open.
 */
import { db, Prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { assertCan } from "@/lib/auth/policy";
import type { Actor } from "@/lib/auth/actor";
import { parseInput } from "@/lib/validation";
import { recordEvent } from "@/lib/audit/record-event";
import { publishChange } from "@/lib/live/publish";
import { lockCurrentRevision } from "@/lib/claims/anchor-on-revision";
import { SuggestionSpanInput } from "@/lib/triage/schemas";
import { revisionSentences } from "@/lib/triage/revision-sentences";
import type { DismissalDTO } from "@/lib/triage/present";

export interface SuggestionActionOptions {
  actor: Actor | null;
  articleId: string;
  /** `{start, end, exact, revision}`: a sentence of the current revision. */
  input: unknown;
}

/** Checks that the span is one of the revision's sentences, exactly: 422 otherwise. */
async function checkSentence(revision: { id: string; text: string }, span: { start: number; end: number; exact: string }): Promise<void> {
  if (revision.text.slice(span.start, span.end) !== span.exact) {
    throw new AppError("unprocessable", "The text does not match the article at the given start and end.", {
      fields: { exact: "The text does not match the article at the given start and end." },
    });
  }
  const sentences = await revisionSentences(revision.id, revision.text);
  if (!sentences.some((sentence) => sentence.start === span.start && sentence.end === span.end)) {
    throw new AppError("unprocessable", "There is no suggested sentence at the given start and end.", {
      fields: { start: "There is no suggested sentence at the given start and end." },
    });
  }
}

/** Hides a suggested sentence for everyone; dismissing it again changes nothing. */
export async function dismissSuggestion({ actor, articleId, input }: SuggestionActionOptions): Promise<DismissalDTO> {
  assertCan(actor, "suggestion.dismiss");
  const span = parseInput(SuggestionSpanInput, input);
  return db.$transaction(async (tx) => {
    const current = await lockCurrentRevision(tx, articleId, span.revision);
    await checkSentence(current, span);
    const existing = await tx.suggestionDismissal.findFirst({ where: { articleId, exact: span.exact }, select: { id: true } });
    if (!existing) {
      const created = await tx.suggestionDismissal.create({
        data: { articleId, revisionId: current.id, start: span.start, end: span.end, exact: span.exact, dismissedById: actor.id },
        select: { id: true },
      });
      const after: Prisma.InputJsonValue = { revision: current.number, start: span.start, end: span.end, exact: span.exact };
      await recordEvent(tx, { actor, action: "suggestion.dismissed", targetType: "article", targetId: articleId, after });
      await publishChange(tx, { articleId, type: "suggestion.dismissed", id: created.id, claimId: null });
    }
    return { revision: current.number, start: span.start, end: span.end, exact: span.exact, status: "dismissed" };
  });
}

/** Brings a dismissed sentence back for everyone: 404 when it is not dismissed. */
export async function restoreSuggestion({ actor, articleId, input }: SuggestionActionOptions): Promise<DismissalDTO> {
  assertCan(actor, "suggestion.dismiss");
  const span = parseInput(SuggestionSpanInput, input);
  return db.$transaction(async (tx) => {
    const current = await lockCurrentRevision(tx, articleId, span.revision);
    await checkSentence(current, span);
    const removed = await tx.suggestionDismissal.deleteMany({ where: { articleId, exact: span.exact } });
    if (removed.count === 0) throw new AppError("not_found", "This suggestion is not dismissed.");
    const before: Prisma.InputJsonValue = { revision: current.number, start: span.start, end: span.end, exact: span.exact };
    await recordEvent(tx, { actor, action: "suggestion.restored", targetType: "article", targetId: articleId, before });
    await publishChange(tx, { articleId, type: "suggestion.restored", id: articleId, claimId: null });
    return { revision: current.number, start: span.start, end: span.end, exact: span.exact, status: "open" };
  });
}
