"use client";

import { EditorContent, useEditor } from "@tiptap/react";
import type { JSONContent } from "@tiptap/core";
import { articleExtensions } from "@/lib/editor/extensions";

/**
 * The article in a read-only Tiptap editor: reviewers select text but never change it
 * (D1: annotating never writes the article document).
 */
export function ArticleEditor({ doc }: { doc: JSONContent }) {
  const editor = useEditor({
    extensions: articleExtensions,
    content: doc,
    editable: false,
    immediatelyRender: false,
    editorProps: {
      attributes: {
        class: "article-body",
        "aria-label": "Article text",
        role: "document",
        "data-testid": "article-text",
      },
    },
  });
  if (!editor) {
    return (
      <div className="grid gap-3 py-4" aria-busy="true">
        <span className="sr-only">Loading the article…</span>
        {[0, 1, 2, 3].map((line) => (
          <div key={line} className="h-4 animate-pulse rounded bg-border/70" style={{ width: `${92 - line * 9}%` }} />
        ))}
      </div>
    );
  }
  return <EditorContent editor={editor} />;
}
