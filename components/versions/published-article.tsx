import * as React from "react";
import type { SnapshotClaim, VersionSnapshot } from "@/lib/versions/snapshot";
import { annotateDocument, type Piece } from "@/lib/exports/annotated-document";
import { AnnotatedBlocks, markedText } from "@/components/articles/annotated-blocks";
import { findingOf } from "@/lib/exports/findings";
import { claimAnchor } from "@/lib/versions/urls";

/** The colours of a finding as CSS variables, for the mark and its tag. */
function findingStyle(claim: SnapshotClaim | undefined): React.CSSProperties {
  if (!claim) return {};
  const finding = findingOf(claim);
  return { "--c": finding.color, "--t": finding.tint } as React.CSSProperties;
}

const MARK =
  "scroll-mt-24 rounded-[1px] bg-[var(--t)] px-px text-inherit shadow-[inset_0_-2px_0_var(--c)] target:outline-2 target:outline-offset-2 target:outline-[var(--c)]";
const MARK_UNVERIFIED =
  "scroll-mt-24 border-b-2 border-dotted border-[var(--c)] bg-transparent px-px text-inherit target:outline-2 target:outline-offset-2 target:outline-[var(--c)]";

interface RenderContext {
  claims: ReadonlyMap<string, SnapshotClaim>;
  numbers: ReadonlyMap<string, number>;
}

function Reference({ id, context }: { id: string; context: RenderContext }) {
  const claim = context.claims.get(id);
  const number = context.numbers.get(id);
  if (!claim || number === undefined) return null;
  const finding = findingOf(claim);
  return (
    <a
      href={`#note-${id}`}
      className="whitespace-nowrap font-sans text-xs"
      // Inline, because the article stylesheet underlines every link in .article-body.
      style={{ ...findingStyle(claim), textDecoration: "none" }}
      aria-label={`Note ${number}: ${finding.label}`}
    >
      {/* The label and the number are CSS generated content, named by the link's aria-label:
          the page's text stays the published text, which the W3C export's quotes describe. */}
      {claim.status === "unverified" ? null : (
        <span
          data-label={finding.label}
          className="ml-0.5 rounded-sm bg-[var(--t)] px-1 py-px font-semibold text-[var(--c)] before:content-[attr(data-label)]"
        />
      )}
      <sup data-note={number} className="ml-0.5 font-semibold text-accent before:content-[attr(data-note)]" />
    </a>
  );
}

function PieceView({ piece, context }: { piece: Piece; context: RenderContext }) {
  let content = markedText(piece);
  for (const id of [...piece.claims].reverse()) {
    const claim = context.claims.get(id);
    const finding = claim ? findingOf(claim) : null;
    content = (
      <mark
        id={piece.opens.includes(id) ? claimAnchor(id) : undefined}
        data-claim-id={id}
        data-finding={finding?.key}
        title={finding?.label}
        className={claim?.status === "unverified" ? MARK_UNVERIFIED : MARK}
        style={findingStyle(claim)}
      >
        {content}
      </mark>
    );
  }
  return (
    <>
      {piece.empty.map((id) => (
        <React.Fragment key={`empty-${id}`}>
          <mark id={claimAnchor(id)} data-claim-id={id} className={MARK} style={findingStyle(context.claims.get(id))} />
          <Reference id={id} context={context} />
        </React.Fragment>
      ))}
      {content}
      {piece.closes.map((id) => (
        <Reference key={`ref-${id}`} id={id} context={context} />
      ))}
    </>
  );
}

function Pieces({ pieces, context }: { pieces: readonly Piece[]; context: RenderContext }) {
  return pieces.map((piece) => <PieceView key={piece.start} piece={piece} context={context} />);
}

/**
 * The article of a published version, rendered from its document as React elements (no HTML
 * strings), with every claim highlighted in its finding's colour, anchored as `#claim-<id>`
 * and followed by its note number. The same structure as the HTML export
 * (lib/exports/annotated-document.ts), so page and download highlight the same words.
 */
export function PublishedArticle({ snapshot, numbers }: { snapshot: VersionSnapshot; numbers: ReadonlyMap<string, number> }) {
  const document = annotateDocument(snapshot.revision.doc, snapshot.claims, snapshot.revision.text);
  const context: RenderContext = { claims: new Map(snapshot.claims.map((claim) => [claim.id, claim])), numbers };
  return (
    <div className="article-body" data-testid="published-article">
      <AnnotatedBlocks blocks={document.blocks} renderPieces={(pieces) => <Pieces pieces={pieces} context={context} />} />
    </div>
  );
}
