"use client";

import { useEffect, useId, useRef, useState } from "react";
import { EditorContent, useEditor } from "@tiptap/react";
import type { AnyExtension, Editor, JSONContent } from "@tiptap/core";
import type { SuggestionKeyDownProps, SuggestionProps } from "@tiptap/suggestion";
import type { MentionNodeAttrs } from "@tiptap/extension-mention";
import { Bold, Italic, List, ListOrdered } from "lucide-react";
import { RationaleMention, rationaleExtensions } from "@/lib/editor/rationale-extensions";
import type { MemberDTO } from "@/lib/users/list-members";
import { loadMembers, matchingMembers } from "@/components/mentions/members";
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

/** What a mention node is given when a member is picked (Mention's own command inserts it, and a space). */
type MentionPick = MentionNodeAttrs;

/** The open list of people offered after `@`. */
interface MentionMenu {
  items: MemberDTO[];
  active: number;
  command: (pick: MentionPick) => void;
  /** Where the `@query` is, relative to the editor's frame. */
  top: number;
  left: number;
}

/**
 * Between the editor's suggestion callbacks (made once, with the editor) and the component
 * that draws the list: the list as last shown.
 */
class MentionBridge {
  menu: MentionMenu | null = null;
  constructor(private readonly setMenu: (menu: MentionMenu | null) => void) {}
  show(menu: MentionMenu | null) {
    this.menu = menu;
    this.setMenu(menu);
  }
}

/**
 * The rationale's extensions with the `@` list: typing `@` offers the desk's members (arrow
 * keys move, Enter or Tab picks, Escape closes); picking one inserts a mention of them. The
 * list is drawn by the component, fed by these callbacks through `bridge`.
 */
function extensionsWithMentions(bridge: MentionBridge): AnyExtension[] {
  const place = (props: SuggestionProps<MemberDTO, MentionPick>, active: number): MentionMenu => {
    const rect = props.clientRect?.();
    const box = props.editor.view.dom.closest("[data-rationale-frame]")?.getBoundingClientRect();
    return {
      items: props.items,
      active: Math.min(active, Math.max(props.items.length - 1, 0)),
      command: props.command,
      top: rect && box ? rect.bottom - box.top + 4 : 0,
      left: rect && box ? Math.max(0, Math.min(rect.left - box.left, box.width - 256)) : 0,
    };
  };
  const show = (menu: MentionMenu | null) => bridge.show(menu);
  const mention = RationaleMention.configure({
    suggestion: {
      char: "@",
      items: async ({ query }: { query: string }) => {
        try {
          return matchingMembers(await loadMembers(), query);
        } catch {
          return [];
        }
      },
      render: () => ({
        onStart: (props: SuggestionProps<MemberDTO, MentionPick>) => show(place(props, 0)),
        onUpdate: (props: SuggestionProps<MemberDTO, MentionPick>) => show(place(props, 0)),
        onExit: () => show(null),
        onKeyDown: ({ event }: SuggestionKeyDownProps) => {
          const menu = bridge.menu;
          if (!menu || menu.items.length === 0) return false;
          if (event.key === "ArrowDown" || event.key === "ArrowUp") {
            const step = event.key === "ArrowDown" ? 1 : -1;
            show({ ...menu, active: (menu.active + step + menu.items.length) % menu.items.length });
            return true;
          }
          if (event.key === "Enter" || event.key === "Tab") {
            const member = menu.items[menu.active]!;
            menu.command({ id: member.id, label: member.name });
            return true;
          }
          if (event.key === "Escape") {
            show(null);
            return true;
          }
          return false;
        },
      }),
    },
  });
  return [...rationaleExtensions.filter((extension) => extension.name !== "mention"), mention];
}

/**
 * The rationale of a verdict: a small rich-text editor (bold, italic, lists), where `@` offers
 * the desk's members to mention.
 */
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
  const listId = useId();
  const [menu, setMenu] = useState<MentionMenu | null>(null);
  const [bridge] = useState(() => new MentionBridge(setMenu));
  const [extensions] = useState(() => extensionsWithMentions(bridge));

  const editor = useEditor({
    extensions,
    content: initial ?? "",
    immediatelyRender: false,
    // A small editor: re-rendering the toolbar on each transaction keeps its pressed states true.
    shouldRerenderOnTransaction: true,
    editorProps: {
      attributes: {
        id,
        role: "textbox",
        "aria-multiline": "true",
        "aria-autocomplete": "list",
        "aria-controls": listId,
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

  // The option being chosen, announced through the text box as the active descendant.
  const showing = menu !== null && menu.items.length > 0;
  useEffect(() => {
    const dom = editor?.view.dom;
    if (!dom) return;
    if (showing) dom.setAttribute("aria-activedescendant", `${listId}-${menu.active}`);
    else dom.removeAttribute("aria-activedescendant");
  }, [editor, showing, menu, listId]);

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
      data-rationale-frame=""
      className={cn(
        "relative rounded-md border border-border-strong bg-surface shadow-xs focus-within:outline-2 focus-within:outline-offset-1 focus-within:outline-focus",
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
      <ul
        id={listId}
        role="listbox"
        aria-label="Mention a colleague"
        hidden={!showing}
        style={showing ? { top: menu.top, left: menu.left } : undefined}
        className="absolute z-20 max-h-56 w-64 overflow-auto rounded-md border border-border bg-surface py-1 text-sm shadow-lg"
      >
        {showing
          ? menu.items.map((member, index) => (
              <li
                key={member.id}
                id={`${listId}-${index}`}
                role="option"
                aria-selected={index === menu.active}
                className={cn("cursor-pointer px-3 py-1.5", index === menu.active ? "bg-accent-soft text-accent" : "text-ink")}
                onMouseDown={(event) => {
                  event.preventDefault();
                  menu.command({ id: member.id, label: member.name });
                }}
              >
                {member.name} <span className="text-xs text-muted">{member.role}</span>
              </li>
            ))
          : null}
      </ul>
    </div>
  );
}
