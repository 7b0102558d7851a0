/**
 * Draws suggested sentences (lib/triage) as quiet decorations: a dotted underline, distinct
 * from claim highlights (a fill and a solid underline in the status colour). Like
 * claims, they are decorations only; the document is never marked (D1).
 *
 * The set is replaced by `setSuggestionMarks` and mapped through every other transaction.
 */
import { Extension } from "@tiptap/core";
import { Plugin, PluginKey } from "@tiptap/pm/state";
import { Decoration, DecorationSet } from "@tiptap/pm/view";
import { canonicalText } from "@/lib/anchoring";

/** A suggestion as the editor draws it: offsets in the canonical text of the current document. */
export interface SuggestionMark {
  start: number;
  end: number;
  /** Rank in the list, 1 = best; shown to screen readers and on hover. */
  rank: number;
}

declare module "@tiptap/core" {
  interface Commands<ReturnType> {
    suggestionMarks: {
      /** Replaces the drawn suggestions; an empty list removes them. */
      setSuggestionMarks: (marks: SuggestionMark[]) => ReturnType;
    };
  }
}

export const suggestionMarksKey = new PluginKey<DecorationSet>("suggestionMarks");

export const SuggestionMarks = Extension.create({
  name: "suggestionMarks",

  addCommands() {
    return {
      setSuggestionMarks:
        (marks) =>
        ({ tr, dispatch }) => {
          if (dispatch) tr.setMeta(suggestionMarksKey, marks);
          return true;
        },
    };
  },

  addProseMirrorPlugins() {
    return [
      new Plugin<DecorationSet>({
        key: suggestionMarksKey,
        state: {
          init: () => DecorationSet.empty,
          apply(tr, previous) {
            const marks = tr.getMeta(suggestionMarksKey) as SuggestionMark[] | undefined;
            if (marks) {
              if (marks.length === 0) return DecorationSet.empty;
              const map = canonicalText(tr.doc);
              const decorations = marks.flatMap((mark) => {
                if (mark.start < 0 || mark.end > map.text.length || mark.start >= mark.end) return [];
                const { from, to } = map.rangeToPositions(mark.start, mark.end);
                return [
                  Decoration.inline(from, to, {
                    class: "suggestion-mark",
                    "data-suggestion-start": String(mark.start),
                    title: `Suggested claim #${mark.rank}: see Suggestions in the panel`,
                  }),
                ];
              });
              return DecorationSet.create(tr.doc, decorations);
            }
            return tr.docChanged ? previous.map(tr.mapping, tr.doc) : previous;
          },
        },
        props: {
          decorations(state) {
            return suggestionMarksKey.getState(state);
          },
        },
      }),
    ];
  },
});
