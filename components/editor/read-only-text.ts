/**
 * Keeps the article text unchangeable while leaving it focusable, so readers can move a caret
 * and select with the keyboard (Shift+arrows) to mark a claim. Transactions that would change
 * the document are dropped; selection changes pass. `aria-readonly` tells assistive technology.
 */
import { Extension } from "@tiptap/core";
import { Plugin, PluginKey } from "@tiptap/pm/state";

export interface ReadOnlyTextOptions {
  /**
   * Whether the document is locked.
   * @default true
   */
  locked: boolean;
}

export const readOnlyTextKey = new PluginKey("readOnlyText");

export const ReadOnlyText = Extension.create<ReadOnlyTextOptions>({
  name: "readOnlyText",

  addOptions() {
    return { locked: true };
  },

  addProseMirrorPlugins() {
    const options = this.options;
    return [
      new Plugin({
        key: readOnlyTextKey,
        filterTransaction: (tr) => !(options.locked && tr.docChanged),
        props: {
          attributes: (): Record<string, string> => (options.locked ? { "aria-readonly": "true" } : {}),
          // Nothing is dropped or pasted into a locked article.
          handleDrop: () => options.locked,
          handlePaste: () => options.locked,
        },
      }),
    ];
  },
});
