"use client";

import * as React from "react";
import type { JSONContent } from "@tiptap/core";
import { annotateDocument, type Piece } from "@/lib/exports/annotated-document";
import { AnnotatedBlocks, markedText } from "@/components/articles/annotated-blocks";
import type { ClaimStatus } from "@/lib/claims/present";

/** A claim as the preview draws it: where it is and its status. */
export interface PreviewClaim {
  id: string;
  start: number;
  end: number;
  status: ClaimStatus;
}

function Pieces({ pieces, statuses }: { pieces: readonly Piece[]; statuses: ReadonlyMap<string, ClaimStatus> }) {
  return pieces.map((piece) => {
    let content = markedText(piece);
    for (const id of [...piece.claims].reverse()) {
      const status = statuses.get(id) ?? "unchecked";
      content = (
        <span className={`claim-highlight claim-${status}`} data-claim-id={id}>
          {content}
        </span>
      );
    }
    return <React.Fragment key={piece.start}>{content}</React.Fragment>;
  });
}

/**
 * The article text with its claims highlighted, as plain elements: what the page shows from
 * its first paint (it is in the server's HTML) until the editor has loaded the same text, a
 * second or so later on a long article. Claims are laid over the text as on the published
 * page (lib/exports/annotated-document.ts, the same canonical offsets the editor maps), drawn
 * as the editor's highlights draw them, and clicking one opens its claim already.
 */
export function ArticlePreview({
  doc,
  claims,
  onClaimClick,
}: {
  doc: JSONContent;
  claims: readonly PreviewClaim[];
  onClaimClick: (claimId: string) => void;
}) {
  const blocks = React.useMemo(() => annotateDocument(doc, claims).blocks, [doc, claims]);
  const statuses = React.useMemo(() => new Map(claims.map((claim) => [claim.id, claim.status])), [claims]);
  return (
    <div
      className="article-body whitespace-pre-wrap break-words"
      // Tiptap keeps white space as typed (pre-wrap, above); the same here, so nothing moves on the switch.
      role="region"
      aria-label="Article text"
      aria-busy="true"
      data-testid="article-preview"
      onClick={(event) => {
        const id = (event.target as HTMLElement).closest("[data-claim-id]")?.getAttribute("data-claim-id");
        if (id) onClaimClick(id);
      }}
    >
      <AnnotatedBlocks blocks={blocks} renderPieces={(pieces) => <Pieces pieces={pieces} statuses={statuses} />} />
    </div>
  );
}
