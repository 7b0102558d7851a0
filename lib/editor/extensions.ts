/**
 * The article schema, shared by the browser editor and the server.
 *
 * The server builds its ProseMirror schema from this list to turn stored JSON into
 * documents and canonical text (D2), so anything the editor can hold must be declared here
 * and nowhere else. No React and no DOM: this module also runs in Node.
 */
import type { AnyExtension } from "@tiptap/core";
import { getSchema } from "@tiptap/core";
import StarterKit from "@tiptap/starter-kit";
import type { Schema } from "@tiptap/pm/model";

/** Link protocols an article may carry; anything else is refused on the server. */
export const ALLOWED_LINK_PROTOCOLS = ["http", "https", "mailto"] as const;

/** The block and inline vocabulary of an article: the parts of a news report, nothing more. */
export const articleExtensions: AnyExtension[] = [
  StarterKit.configure({
    heading: { levels: [2, 3] },
    code: false,
    codeBlock: false,
    horizontalRule: false,
    strike: false,
    underline: false,
    // An empty trailing paragraph would change the canonical text of every revision.
    trailingNode: false,
    link: {
      openOnClick: false,
      autolink: false,
      linkOnPaste: false,
      protocols: [...ALLOWED_LINK_PROTOCOLS],
      HTMLAttributes: { rel: "noopener noreferrer nofollow", target: null },
    },
  }),
];

let cachedSchema: Schema | undefined;

/** The ProseMirror schema of an article document. */
export function articleSchema(): Schema {
  cachedSchema ??= getSchema(articleExtensions);
  return cachedSchema;
}
