/** `Mod-Shift-C`: mark the selected text as a claim. */
import { Extension, type Editor } from "@tiptap/core";

export interface MarkClaimShortcutOptions {
  /**
   * Called, with the editor, when the shortcut is pressed with a non-empty selection.
   * @default () => {}
   */
  onMarkClaim: (editor: Editor) => void;
}

export const MarkClaimShortcut = Extension.create<MarkClaimShortcutOptions>({
  name: "markClaimShortcut",

  addOptions() {
    return { onMarkClaim: () => {} };
  },

  addKeyboardShortcuts() {
    return {
      "Mod-Shift-c": () => {
        if (this.editor.state.selection.empty) return false;
        this.options.onMarkClaim(this.editor);
        return true;
      },
    };
  },
});
