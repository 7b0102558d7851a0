"use client";

import type { Editor } from "@tiptap/react";
import { useEditorState } from "@tiptap/react";
import { Bold, Heading2, Heading3, Italic, List, ListOrdered, Pilcrow, Quote, Redo2, Undo2 } from "lucide-react";
import { cn } from "@/lib/cn";

interface ToolState {
  bold: boolean;
  italic: boolean;
  h2: boolean;
  h3: boolean;
  paragraph: boolean;
  quote: boolean;
  bullets: boolean;
  numbers: boolean;
  canUndo: boolean;
  canRedo: boolean;
}

/**
 * Formatting for the article's edit mode: only what the article schema holds
 * (lib/editor/extensions.ts). Buttons keep the editor's focus and selection.
 */
export function EditToolbar({ editor }: { editor: Editor }) {
  const state = useEditorState<ToolState>({
    editor,
    selector: ({ editor: current }) => ({
      bold: current.isActive("bold"),
      italic: current.isActive("italic"),
      h2: current.isActive("heading", { level: 2 }),
      h3: current.isActive("heading", { level: 3 }),
      paragraph: current.isActive("paragraph"),
      quote: current.isActive("blockquote"),
      bullets: current.isActive("bulletList"),
      numbers: current.isActive("orderedList"),
      canUndo: current.can().undo(),
      canRedo: current.can().redo(),
    }),
  });
  const chain = () => editor.chain().focus();
  const tools = [
    { label: "Bold", icon: Bold, active: state.bold, run: () => chain().toggleBold().run(), shortcut: "Control+B" },
    { label: "Italic", icon: Italic, active: state.italic, run: () => chain().toggleItalic().run(), shortcut: "Control+I" },
    { label: "Paragraph", icon: Pilcrow, active: state.paragraph, run: () => chain().setParagraph().run() },
    { label: "Heading", icon: Heading2, active: state.h2, run: () => chain().toggleHeading({ level: 2 }).run() },
    { label: "Subheading", icon: Heading3, active: state.h3, run: () => chain().toggleHeading({ level: 3 }).run() },
    { label: "Quote", icon: Quote, active: state.quote, run: () => chain().toggleBlockquote().run() },
    { label: "Bulleted list", icon: List, active: state.bullets, run: () => chain().toggleBulletList().run() },
    { label: "Numbered list", icon: ListOrdered, active: state.numbers, run: () => chain().toggleOrderedList().run() },
  ];
  return (
    <div role="toolbar" aria-label="Formatting" className="flex flex-wrap items-center gap-0.5 rounded-md border border-border bg-canvas p-1">
      {tools.map(({ label, icon: Icon, active, run, shortcut }) => (
        <button
          key={label}
          type="button"
          title={label}
          aria-label={label}
          aria-pressed={active}
          aria-keyshortcuts={shortcut}
          onMouseDown={(event) => event.preventDefault()}
          onClick={run}
          className={cn(
            "grid size-8 place-items-center rounded text-muted hover:bg-surface hover:text-ink focus-visible:outline-2 focus-visible:outline-focus",
            active && "bg-surface text-ink shadow-xs",
          )}
        >
          <Icon aria-hidden className="size-4" />
        </button>
      ))}
      <span aria-hidden className="mx-1 h-5 w-px bg-border" />
      <button
        type="button"
        title="Undo"
        aria-label="Undo"
        disabled={!state.canUndo}
        onMouseDown={(event) => event.preventDefault()}
        onClick={() => chain().undo().run()}
        className="grid size-8 place-items-center rounded text-muted hover:bg-surface hover:text-ink disabled:opacity-40"
      >
        <Undo2 aria-hidden className="size-4" />
      </button>
      <button
        type="button"
        title="Redo"
        aria-label="Redo"
        disabled={!state.canRedo}
        onMouseDown={(event) => event.preventDefault()}
        onClick={() => chain().redo().run()}
        className="grid size-8 place-items-center rounded text-muted hover:bg-surface hover:text-ink disabled:opacity-40"
      >
        <Redo2 aria-hidden className="size-4" />
      </button>
    </div>
  );
}
