/**
 * The rich-text schema of a verification's rationale: paragraphs, line breaks, bold, italic,
 * links and lists, nothing else. Shared by the browser (the rationale editor) and the server
 * (which validates submitted documents against it), so anything the editor can produce is
 * declared here once. No React and no DOM: this module also runs in Node.
 */
import type { AnyExtension } from "@tiptap/core";
import { getSchema } from "@tiptap/core";
import StarterKit from "@tiptap/starter-kit";
import type { Schema } from "@tiptap/pm/model";
import { ALLOWED_LINK_PROTOCOLS } from "@/lib/editor/extensions";

/** Extensions of the rationale editor: StarterKit limited to prose, emphasis, links and lists. */
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
];

let cachedSchema: Schema | undefined;

/** The ProseMirror schema of a rationale document. */
export function rationaleSchema(): Schema {
  cachedSchema ??= getSchema(rationaleExtensions);
  return cachedSchema;
}
