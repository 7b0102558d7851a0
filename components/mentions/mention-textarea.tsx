"use client";

import { useId, useRef, useState } from "react";
import { loadMembers } from "@/components/mentions/members";
import type { MemberDTO } from "@/lib/users/list-members";
import { mentionToken } from "@/lib/mentions/tokens";
import { Textarea } from "@/components/ui/textarea";
import { cn } from "@/lib/cn";

/** The `@query` being typed just before the caret, if any. */
function queryAt(text: string, caret: number): { start: number; query: string } | null {
  const match = /(^|\s)@([^\s@<>]{0,30})$/.exec(text.slice(0, caret));
  if (!match) return null;
  return { start: caret - match[2]!.length - 1, query: match[2]! };
}

/**
 * Turns the text as typed (`@Alice Martin`) into the text as stored (`<@id>`) for the people
 * picked from the list; anything else typed after an `@` stays as it is.
 */
export function withMentionTokens(text: string, picked: ReadonlyMap<string, string>): string {
  const byLongestName = [...picked.entries()].sort((a, b) => b[1].length - a[1].length);
  let result = text;
  for (const [id, name] of byLongestName) result = result.split(`@${name}`).join(mentionToken(id));
  return result;
}

/**
 * A plain-text box where `@` offers the desk's members: arrow keys move, Enter or Tab picks,
 * Escape closes. `onChange` gets the text as typed; `toStored()` (via `onPicked`) the text with
 * mentions as references.
 */
export function MentionTextarea({
  value,
  onChange,
  onPickedChange,
  className,
  ...props
}: Omit<React.TextareaHTMLAttributes<HTMLTextAreaElement>, "value" | "onChange"> & {
  value: string;
  onChange: (value: string) => void;
  /** The people picked so far, by id → name. */
  onPickedChange: (picked: Map<string, string>) => void;
}) {
  const listId = useId();
  const ref = useRef<HTMLTextAreaElement>(null);
  const picked = useRef(new Map<string, string>());
  const [members, setMembers] = useState<MemberDTO[]>([]);
  const [open, setOpen] = useState<{ start: number; query: string } | null>(null);
  const [active, setActive] = useState(0);

  const matches = open
    ? members.filter((member) => member.name.toLowerCase().includes(open.query.toLowerCase())).slice(0, 6)
    : [];
  const showing = open !== null && matches.length > 0;

  function update(text: string, caret: number) {
    onChange(text);
    const found = queryAt(text, caret);
    setOpen(found);
    setActive(0);
    if (found) void loadMembers().then(setMembers, () => setMembers([]));
  }

  function pick(member: MemberDTO) {
    if (!open) return;
    const caret = ref.current?.selectionStart ?? value.length;
    const inserted = `@${member.name} `;
    const text = value.slice(0, open.start) + inserted + value.slice(caret);
    picked.current.set(member.id, member.name);
    onPickedChange(new Map(picked.current));
    onChange(text);
    setOpen(null);
    const position = open.start + inserted.length;
    requestAnimationFrame(() => {
      ref.current?.focus();
      ref.current?.setSelectionRange(position, position);
    });
  }

  return (
    <div className="relative">
      <Textarea
        ref={ref}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={showing}
        aria-controls={listId}
        aria-activedescendant={showing ? `${listId}-${active}` : undefined}
        value={value}
        className={className}
        onChange={(event) => update(event.target.value, event.target.selectionStart)}
        onKeyDown={(event) => {
          if (!showing) return;
          if (event.key === "ArrowDown" || event.key === "ArrowUp") {
            event.preventDefault();
            const step = event.key === "ArrowDown" ? 1 : -1;
            setActive((current) => (current + step + matches.length) % matches.length);
          } else if (event.key === "Enter" || event.key === "Tab") {
            event.preventDefault();
            pick(matches[active]!);
          } else if (event.key === "Escape") {
            event.preventDefault();
            setOpen(null);
          }
        }}
        onBlur={() => setTimeout(() => setOpen(null), 150)}
        {...props}
      />
      <ul
        id={listId}
        role="listbox"
        aria-label="Mention a colleague"
        hidden={!showing}
        className="absolute bottom-full left-0 z-20 mb-1 max-h-56 w-64 overflow-auto rounded-md border border-border bg-surface py-1 text-sm shadow-lg"
      >
        {matches.map((member, index) => (
          <li
            key={member.id}
            id={`${listId}-${index}`}
            role="option"
            aria-selected={index === active}
            className={cn("cursor-pointer px-3 py-1.5", index === active ? "bg-accent-soft text-accent" : "text-ink")}
            onMouseDown={(event) => {
              event.preventDefault();
              pick(member);
            }}
          >
            {member.name} <span className="text-xs text-muted">{member.role}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
