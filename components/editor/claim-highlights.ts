/**
 * Draws claims as ProseMirror decorations (D1): the article document is never marked.
 *
 * The decoration set lives in plugin state. `setClaimHighlights` replaces it when the claims
 * change; every other transaction maps it, so typing in edit mode never rebuilds it. Each
 * decoration carries its claim id, and a click on highlighted text reports the innermost
 * claim under the pointer (so nested and overlapping claims all stay reachable).
 */
import { Extension } from "@tiptap/core";
import { Plugin, PluginKey, type EditorState } from "@tiptap/pm/state";
import { Decoration, DecorationSet } from "@tiptap/pm/view";
import type { Node as ProseMirrorNode } from "@tiptap/pm/model";
import { canonicalText } from "@/lib/anchoring";
import { CLAIM_STATUS_INFO } from "@/lib/claims/status-labels";
import { CLAIM_STATUSES, type ClaimStatus } from "@/lib/claims/present";

/** A claim as the highlighter needs it: where it is and how to colour it. */
export interface ClaimHighlight {
  id: string;
  start: number;
  end: number;
  status: ClaimStatus;
}

interface HighlightState {
  decorations: DecorationSet;
  ranges: Array<{ id: string; from: number; to: number }>;
  activeId: string | null;
}

interface HighlightMeta {
  claims: ClaimHighlight[];
  activeId: string | null;
}

export interface ClaimHighlightsOptions {
  /**
   * Called with the id of the claim whose highlight was clicked.
   * @default () => {}
   */
  onClaimClick: (claimId: string) => void;
  /**
   * The claims drawn from the start, in the editor's first render: a long article is then
   * drawn once, not drawn and then redrawn with its highlights.
   * @default []
   */
  initialClaims: ClaimHighlight[];
}

declare module "@tiptap/core" {
  interface Commands<ReturnType> {
    claimHighlights: {
      /** Replaces the highlighted claims (offsets in the canonical text of the current document). */
      setClaimHighlights: (claims: ClaimHighlight[], activeId: string | null) => ReturnType;
    };
  }
}

/**
 * The highlight colours of every status (lib/claims/status-labels.ts) as CSS variables, set
 * once on an element around the text: `.claim-<status>` (app/globals.css) picks its pair, so a
 * thousand highlights do not each carry their colours in a style attribute.
 */
export const CLAIM_COLOUR_VARIABLES: Readonly<Record<string, string>> = Object.fromEntries(
  CLAIM_STATUSES.flatMap((status) => [
    [`--claim-fill-${status}`, CLAIM_STATUS_INFO[status].highlight],
    [`--claim-line-${status}`, CLAIM_STATUS_INFO[status].underline],
  ]),
);

export const claimHighlightsKey = new PluginKey<HighlightState>("claimHighlights");

function build(doc: ProseMirrorNode, { claims, activeId }: HighlightMeta): HighlightState {
  const map = canonicalText(doc);
  const ranges: HighlightState["ranges"] = [];
  const decorations: Decoration[] = [];
  for (const claim of claims) {
    if (claim.start < 0 || claim.end > map.text.length || claim.start >= claim.end) continue;
    const { from, to } = map.rangeToPositions(claim.start, claim.end);
    ranges.push({ id: claim.id, from, to });
    const active = claim.id === activeId;
    decorations.push(
      Decoration.inline(
        from,
        to,
        {
          class: `claim-highlight claim-${claim.status}${active ? " claim-active" : ""}`,
          "data-claim-id": claim.id,
        },
        { claimId: claim.id },
      ),
    );
  }
  return { decorations: DecorationSet.create(doc, decorations), ranges, activeId };
}

/**
 * The innermost claim covering `pos`, if any. Claims on the very same span tie; then the one
 * drawn under the pointer (`preferId`, from the clicked element) wins.
 */
export function claimAt(state: EditorState, pos: number, preferId?: string | null): string | null {
  const highlight = claimHighlightsKey.getState(state);
  if (!highlight) return null;
  let best: { id: string; size: number } | null = null;
  for (const range of highlight.decorations.find(pos, pos)) {
    const id = (range.spec as { claimId?: string }).claimId;
    if (!id || pos < range.from || pos > range.to) continue;
    const size = range.to - range.from;
    if (!best || size < best.size || (size === best.size && id === preferId)) best = { id, size };
  }
  return best?.id ?? null;
}

/** Document positions of a highlighted claim, mapped through any edits since it was drawn. */
export function claimRange(state: EditorState, claimId: string): { from: number; to: number } | null {
  const highlight = claimHighlightsKey.getState(state);
  const found = highlight?.decorations.find(undefined, undefined, (spec: { claimId?: string }) => spec.claimId === claimId);
  const first = found?.[0];
  return first ? { from: first.from, to: first.to } : null;
}

export const ClaimHighlights = Extension.create<ClaimHighlightsOptions>({
  name: "claimHighlights",

  addOptions() {
    return { onClaimClick: () => {}, initialClaims: [] };
  },

  addCommands() {
    return {
      setClaimHighlights:
        (claims, activeId) =>
        ({ tr, dispatch }) => {
          if (dispatch) tr.setMeta(claimHighlightsKey, { claims, activeId } satisfies HighlightMeta);
          return true;
        },
    };
  },

  addProseMirrorPlugins() {
    const options = this.options;
    return [
      new Plugin<HighlightState>({
        key: claimHighlightsKey,
        state: {
          init: (_, state) =>
            options.initialClaims.length > 0
              ? build(state.doc, { claims: options.initialClaims, activeId: null })
              : { decorations: DecorationSet.empty, ranges: [], activeId: null },
          apply(tr, previous) {
            const meta = tr.getMeta(claimHighlightsKey) as HighlightMeta | undefined;
            if (meta) return build(tr.doc, meta);
            if (!tr.docChanged) return previous;
            return { ...previous, decorations: previous.decorations.map(tr.mapping, tr.doc) };
          },
        },
        props: {
          decorations(state) {
            return claimHighlightsKey.getState(state)?.decorations;
          },
          handleClick(view, pos, event) {
            const target = event.target instanceof Element ? event.target.closest("[data-claim-id]") : null;
            const id = claimAt(view.state, pos, target?.getAttribute("data-claim-id"));
            if (id) options.onClaimClick(id);
            return false;
          },
        },
      }),
    ];
  },
});
