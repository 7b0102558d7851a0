"use client";

import { useEffect, useRef } from "react";
import { EditorContent, useEditor } from "@tiptap/react";
import type { Editor, JSONContent } from "@tiptap/core";
import { Bold, Italic, List, ListOrdered } from "lucide-react";
import { rationaleExtensions } from "@/lib/editor/rationale-extensions";
import { cn } from "@/lib/cn";

export interface RationaleValue {
  doc: JSONContent;
  text: string;
}

function ToolbarButton({
  editor,
  label,
  active,
  onClick,
  children,
}: {
  editor: Editor;
  label: string;
  active: boolean;
  onClick: () => void;
  children: React.ReactNode;
}) {
  return (
    <button
      type="button"
      aria-label={label}
      aria-pressed={active}
      title={label}
      disabled={!editor.isEditable}
      onMouseDown={(event) => event.preventDefault()}
      onClick={onClick}
      className={cn(
        "grid size-7 place-items-center rounded text-muted hover:bg-black/5 hover:text-ink [&_svg]:size-3.5",
        active && "bg-accent-soft text-accent",
      )}
    >
      {children}
    </button>
  );
}

/** The rationale of a verdict: a small rich-text editor (bold, italic, lists). */
export function RationaleEditor({
  id,
  initial,
  onChange,
  invalid,
  describedBy,
  labelledBy,
}: {
  id: string;
  labelledBy: string;
  initial: JSONContent | null;
  onChange: (value: RationaleValue) => void;
  invalid?: boolean;
  describedBy?: string;
}) {
  const onChangeRef = useRef(onChange);
  useEffect(() => {
    onChangeRef.current = onChange;
  }, [onChange]);

  const editor = useEditor({
    extensions: rationaleExtensions,
    content: initial ?? "",
    immediatelyRender: false,
    // A small editor: re-rendering the toolbar on each transaction keeps its pressed states true.
    shouldRerenderOnTransaction: true,
    editorProps: {
      attributes: {
        id,
        role: "textbox",
        "aria-multiline": "true",
        "aria-labelledby": labelledBy,
        ...(describedBy ? { "aria-describedby": describedBy } : {}),
        ...(invalid ? { "aria-invalid": "true" } : {}),
        class: "rationale-body min-h-24 px-3 py-2 text-sm leading-relaxed focus:outline-none",
      },
    },
    onUpdate: ({ editor: current }) => {
      onChangeRef.current({ doc: current.getJSON(), text: current.getText({ blockSeparator: "\n\n" }) });
    },
  });

  const state = editor
    ? {
        bold: editor.isActive("bold"),
        italic: editor.isActive("italic"),
        bullet: editor.isActive("bulletList"),
        ordered: editor.isActive("orderedList"),
      }
    : null;

  return (
    <div
      className={cn(
        "rounded-md border border-border-strong bg-surface shadow-xs focus-within:outline-2 focus-within:outline-offset-1 focus-within:outline-focus",
        invalid && "border-danger",
      )}
    >
      {editor && state ? (
        <div role="toolbar" aria-label="Formatting" className="flex gap-0.5 border-b border-border px-1.5 py-1">
          <ToolbarButton editor={editor} label="Bold" active={state.bold} onClick={() => editor.chain().focus().toggleBold().run()}>
            <Bold />
          </ToolbarButton>
          <ToolbarButton editor={editor} label="Italic" active={state.italic} onClick={() => editor.chain().focus().toggleItalic().run()}>
            <Italic />
          </ToolbarButton>
          <ToolbarButton
            editor={editor}
            label="Bulleted list"
            active={state.bullet}
            onClick={() => editor.chain().focus().toggleBulletList().run()}
          >
            <List />
          </ToolbarButton>
          <ToolbarButton
            editor={editor}
            label="Numbered list"
            active={state.ordered}
            onClick={() => editor.chain().focus().toggleOrderedList().run()}
          >
            <ListOrdered />
          </ToolbarButton>
        </div>
      ) : null}
      {editor ? <EditorContent editor={editor} /> : <div className="min-h-24" aria-busy="true" />}
    </div>
  );
}
