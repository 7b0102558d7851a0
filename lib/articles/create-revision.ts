/** Corrects an article's text: a new revision, with every claim re-anchored on it (D2). */
import { isDeepStrictEqual } from "node:util";
import type { JSONContent } from "@tiptap/core";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { assertCan } from "@/lib/auth/policy";
import type { Actor } from "@/lib/auth/actor";
import { recordEvent } from "@/lib/audit/record-event";
import { publishChange } from "@/lib/live/publish";
import { CreateRevisionInput } from "@/lib/articles/schemas";
import { checkedDocumentFromJSON, checkedDocumentFromText } from "@/lib/articles/document";
import type { CreatedRevisionDTO } from "@/lib/articles/present";
import { reanchorClaims } from "@/lib/claims/reanchor-claims";

export interface CreateRevisionOptions {
  actor: Actor | null;
  articleId: string;
  /** `{text, baseRevision}` or `{doc, baseRevision}`; see `CreateRevisionInput`. */
  input: unknown;
}

/** How long the transaction may take: re-anchoring hundreds of claims on a long text is not instant. */
const TRANSACTION_TIMEOUT_MS = 60_000;

/**
 * Stores the corrected text as revision n+1 of the article and re-anchors its claims there, in
 * one transaction. Refusals (nothing stored): 403 for non-editors; 400 for bad input; 413 over
 * the size limits and 422 for a document outside the article schema (lib/articles/document.ts);
 * 404 for an unknown article; 409 `stale_version` (with `currentRevision`) when `baseRevision`
 * is not the current revision; 422 when nothing changed.
 */
export async function createRevision({ actor, articleId, input }: CreateRevisionOptions): Promise<CreatedRevisionDTO> {
  assertCan(actor, "article.revise");
  const data = parseInput(CreateRevisionInput, input);
  const stored = data.text !== undefined ? checkedDocumentFromText(data.text) : checkedDocumentFromJSON(data.doc);
  if (stored.text.trim() === "") {
    throw new AppError("unprocessable", "An article cannot be emptied; write its text.", { fields: { doc: "The text is empty." } });
  }
  return db.$transaction(
    async (tx) => {
      // FOR UPDATE, taken first: two editors saving at once take turns (the second then finds
      // its base revision superseded), and it conflicts with the FOR SHARE that marking or
      // re-attaching a claim takes, so no claim lands on the old revision after the claims
      // below were re-anchored.
      const articles = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM articles WHERE id = ${articleId} FOR UPDATE`;
      if (articles.length === 0) throw new AppError("not_found", "No such article.");
      const current = await tx.articleRevision.findFirstOrThrow({
        where: { articleId },
        orderBy: { number: "desc" },
        select: { id: true, number: true, text: true, doc: true },
      });
      if (current.number !== data.baseRevision) {
        throw new AppError(
          "stale_version",
          `Someone saved revision ${current.number} while you were editing revision ${data.baseRevision}. Reload the article and make your correction again.`,
          { fields: { baseRevision: `The current revision is ${current.number}.` }, details: { currentRevision: current.number } },
        );
      }
      if (current.text === stored.text && isDeepStrictEqual(current.doc, stored.doc)) {
        throw new AppError("unprocessable", `Nothing changed since revision ${current.number}.`, {
          fields: { doc: "Nothing changed." },
        });
      }
      const revision = await tx.articleRevision.create({
        data: { articleId, number: current.number + 1, doc: stored.doc, text: stored.text, createdById: actor.id },
        select: { id: true, number: true, text: true, doc: true, createdAt: true, createdBy: { select: { id: true, name: true } } },
      });
      const claims = await reanchorClaims(tx, { actor, articleId, from: current, to: revision });
      await recordEvent(tx, {
        actor,
        action: "revision.created",
        targetType: "article",
        targetId: articleId,
        before: { revision: current.number, characters: current.text.length },
        after: { revision: revision.number, characters: stored.text.length, blocks: stored.blocks, claims: { ...claims } },
      });
      await publishChange(tx, { articleId, type: "revision.created", id: revision.id, claimId: null });
      return {
        id: revision.id,
        articleId,
        number: revision.number,
        text: revision.text,
        doc: revision.doc as JSONContent,
        createdAt: revision.createdAt.toISOString(),
        createdBy: revision.createdBy,
        claims,
      };
    },
    { timeout: TRANSACTION_TIMEOUT_MS },
  );
}
