/** Response schemas shared by every area: people, rich-text documents, timestamps, lists. */
import type { JSONContent } from "@tiptap/core";
import { z } from "zod";
import type { PersonDTO } from "@/lib/claims/present";
import { sameType } from "@/lib/openapi/same-type";

/** An instant as ISO 8601 in UTC (`2026-03-01T09:30:00.000Z`). */
export const Timestamp = z.string().meta({ format: "date-time" });

export const Person = z.object({ id: z.string(), name: z.string() }).meta({ id: "Person", description: "A user, by id and display name." });
sameType<z.output<typeof Person>, PersonDTO>(true);

/**
 * A rich-text document (ProseMirror/Tiptap JSON: `{type: "doc", content: [...]}`). Its nodes
 * are checked by the editor's schema on the server, not described node by node here.
 */
export const RichTextDocument = z
  .custom<JSONContent>((value) => typeof value === "object" && value !== null && !Array.isArray(value))
  .meta({
    id: "RichTextDocument",
    description: "A ProseMirror (Tiptap) JSON document: `{type: \"doc\", content: [...]}`.",
    override: { type: "object", properties: { type: { type: "string" }, content: { type: "array", items: { type: "object" } } } },
  });

/** A page of a list: its items and the cursor of the next page (null on the last one). */
export function page<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

/** A whole list in one page: `nextCursor` is always null. */
export function wholeList<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.null() });
}
