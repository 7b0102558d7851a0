import * as React from "react";
import type { Block, Piece } from "@/lib/exports/annotated-document";

/**
 * The blocks of an annotated document (lib/exports/annotated-document.ts) as the article's
 * elements, with each textblock's pieces drawn by `renderPieces`: the published page draws
 * findings and notes, the workspace its claims by status. Styled by `.article-body`.
 */
export function AnnotatedBlocks({
  blocks,
  renderPieces,
}: {
  blocks: readonly Block[];
  renderPieces: (pieces: readonly Piece[]) => React.ReactNode;
}): React.ReactNode {
  return blocks.map((block, index) => {
    switch (block.type) {
      case "paragraph":
        return <p key={index}>{renderPieces(block.pieces)}</p>;
      case "heading":
        return block.level >= 3 ? <h3 key={index}>{renderPieces(block.pieces)}</h3> : <h2 key={index}>{renderPieces(block.pieces)}</h2>;
      case "blockquote":
        return (
          <blockquote key={index}>
            <AnnotatedBlocks blocks={block.children} renderPieces={renderPieces} />
          </blockquote>
        );
      case "list": {
        const items = block.items.map((item, itemIndex) => (
          <li key={itemIndex}>
            <AnnotatedBlocks blocks={item} renderPieces={renderPieces} />
          </li>
        ));
        return block.ordered ? (
          <ol key={index} start={block.start}>
            {items}
          </ol>
        ) : (
          <ul key={index}>{items}</ul>
        );
      }
    }
  });
}

/** A piece's text (or hard break) inside its inline marks; links only to http(s) addresses. */
export function markedText(piece: Piece): React.ReactNode {
  let content: React.ReactNode = piece.kind === "break" ? <br /> : piece.text;
  for (const mark of [...piece.marks].reverse()) {
    if (mark.type === "bold") content = <strong>{content}</strong>;
    else if (mark.type === "italic") content = <em>{content}</em>;
    else if (mark.href && /^https?:/i.test(mark.href)) {
      content = (
        <a href={mark.href} rel="nofollow noopener noreferrer">
          {content}
        </a>
      );
    }
  }
  return content;
}
