/**
 * Keeps the article text unchangeable while leaving it focusable, so readers can move a caret
 * and select with the keyboard (Shift+arrows) to mark a claim. Transactions that would change
 * the document are dropped; selection changes pass. `aria-readonly` tells assistive technology.
 *
 * An editor unlocks the text to correct it (`setTextLocked(false)`, the article page's edit
 * mode) and locks it again when the correction is saved or dropped. Loading another revision
 * into a locked editor is a change on purpose: `replaceLockedDocument` lets that one through.
 */
import { Extension } from "@tiptap/core";
import { Plugin, PluginKey, type Transaction } from "@tiptap/pm/state";

export interface ReadOnlyTextOptions {
  /**
   * Whether the document is locked when the editor starts.
   * @default true
   */
  locked: boolean;
}

interface ReadOnlyState {
  locked: boolean;
}

type ReadOnlyMeta = { locked: boolean } | { replaceDocument: true };

declare module "@tiptap/core" {
  interface Commands<ReturnType> {
    readOnlyText: {
      /** Locks or unlocks the text for changes. */
      setTextLocked: (locked: boolean) => ReturnType;
      /** Marks the transaction as a deliberate replacement of the document (e.g. a newer revision), allowed while locked. */
      replaceLockedDocument: () => ReturnType;
    };
  }
}

export const readOnlyTextKey = new PluginKey<ReadOnlyState>("readOnlyText");

/** Whether the editor's text is locked now. */
export function isTextLocked(state: Parameters<typeof readOnlyTextKey.getState>[0]): boolean {
  return readOnlyTextKey.getState(state)?.locked ?? true;
}

function meta(tr: Transaction): ReadOnlyMeta | undefined {
  return tr.getMeta(readOnlyTextKey) as ReadOnlyMeta | undefined;
}

export const ReadOnlyText = Extension.create<ReadOnlyTextOptions>({
  name: "readOnlyText",

  addOptions() {
    return { locked: true };
  },

  addCommands() {
    return {
      setTextLocked:
        (locked) =>
        ({ tr, dispatch }) => {
          if (dispatch) tr.setMeta(readOnlyTextKey, { locked } satisfies ReadOnlyMeta);
          return true;
        },
      replaceLockedDocument:
        () =>
        ({ tr, dispatch }) => {
          if (dispatch) {
            tr.setMeta(readOnlyTextKey, { replaceDocument: true } satisfies ReadOnlyMeta);
            // Undo must not bring back the previous revision.
            tr.setMeta("addToHistory", false);
          }
          return true;
        },
    };
  },

  addProseMirrorPlugins() {
    const initial = this.options.locked;
    return [
      new Plugin<ReadOnlyState>({
        key: readOnlyTextKey,
        state: {
          init: () => ({ locked: initial }),
          apply(tr, previous) {
            const change = meta(tr);
            return change && "locked" in change ? { locked: change.locked } : previous;
          },
        },
        filterTransaction: (tr, state) => {
          if (!tr.docChanged || !isTextLocked(state)) return true;
          const change = meta(tr);
          return change !== undefined && "replaceDocument" in change;
        },
        props: {
          attributes: (state): Record<string, string> => (isTextLocked(state) ? { "aria-readonly": "true" } : {}),
          // Nothing is dropped or pasted into a locked article.
          handleDrop: (view) => isTextLocked(view.state),
          handlePaste: (view) => isTextLocked(view.state),
        },
      }),
    ];
  },
});
