/**
 * The rich-text schema of a verification's rationale: paragraphs, line breaks, bold, italic,
 * links, lists and mentions of people, nothing else. Shared by the browser (the rationale editor) and the server
 * (which validates submitted documents against it), so anything the editor can produce is
 * declared here once. No React and no DOM: this module also runs in Node.
 */
import type { AnyExtension } from "@tiptap/core";
import { getSchema } from "@tiptap/core";
import StarterKit from "@tiptap/starter-kit";
import Mention from "@tiptap/extension-mention";
import type { Schema } from "@tiptap/pm/model";
import { ALLOWED_LINK_PROTOCOLS } from "@/lib/editor/extensions";

/**
 * A person named in a rationale: an inline atom whose `id` is the user's id (what is stored)
 * and whose `label` is their name as the reader's copy was presented (filled in by the server
 * on every read, never trusted or kept from a client), so a renamed person shows by their
 * current name. The editor adds its `@` suggestion list to this same node
 * (components/claims/rationale-editor.tsx).
 */
export const RationaleMention = Mention.configure({
  HTMLAttributes: { class: "mention" },
  renderText: ({ node }) => `@${(node.attrs.label as string | null) ?? "someone"}`,
  renderHTML: ({ options, node }) => [
    "span",
    { ...options.HTMLAttributes, "data-type": "mention", "data-id": node.attrs.id as string },
    `@${(node.attrs.label as string | null) ?? "someone"}`,
  ],
});

/** Extensions of the rationale editor: StarterKit limited to prose, emphasis, links and lists, and mentions. */
export const rationaleExtensions: AnyExtension[] = [
  StarterKit.configure({
    blockquote: false,
    code: false,
    codeBlock: false,
    heading: false,
    horizontalRule: false,
    strike: false,
    underline: false,
    trailingNode: false,
    link: {
      openOnClick: false,
      autolink: true,
      linkOnPaste: true,
      protocols: [...ALLOWED_LINK_PROTOCOLS],
      defaultProtocol: "https",
      HTMLAttributes: { rel: "noopener noreferrer nofollow", target: null },
    },
  }),
  RationaleMention,
];

let cachedSchema: Schema | undefined;

/** The ProseMirror schema of a rationale document. */
export function rationaleSchema(): Schema {
  cachedSchema ??= getSchema(rationaleExtensions);
  return cachedSchema;
}
