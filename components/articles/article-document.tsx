import * as React from "react";
import type { JSONContent } from "@tiptap/core";
import { cn } from "@/lib/cn";

/** Addresses rendered as links; the server stores no others, and checking again keeps odd data inert. */
const SAFE_HREF = /^(https?:|mailto:)/i;

function renderText(node: JSONContent, key: number): React.ReactNode {
  let content: React.ReactNode = node.text ?? "";
  for (const mark of node.marks ?? []) {
    if (mark.type === "bold") content = <strong>{content}</strong>;
    else if (mark.type === "italic") content = <em>{content}</em>;
    else if (mark.type === "link") {
      const href = typeof mark.attrs?.href === "string" ? mark.attrs.href.trim() : "";
      if (SAFE_HREF.test(href)) {
        content = (
          <a href={href} rel="noopener noreferrer nofollow" target="_blank">
            {content}
          </a>
        );
      }
    }
  }
  return <React.Fragment key={key}>{content}</React.Fragment>;
}

function renderNode(node: JSONContent, key: number): React.ReactNode {
  const children = (node.content ?? []).map((child, index) => renderNode(child, index));
  switch (node.type) {
    case "doc":
      return <React.Fragment key={key}>{children}</React.Fragment>;
    case "paragraph":
      return <p key={key}>{children}</p>;
    case "heading":
      return node.attrs?.level === 3 ? <h3 key={key}>{children}</h3> : <h2 key={key}>{children}</h2>;
    case "blockquote":
      return <blockquote key={key}>{children}</blockquote>;
    case "bulletList":
      return <ul key={key}>{children}</ul>;
    case "orderedList": {
      const start = typeof node.attrs?.start === "number" ? node.attrs.start : 1;
      return (
        <ol key={key} start={start}>
          {children}
        </ol>
      );
    }
    case "listItem":
      return <li key={key}>{children}</li>;
    case "hardBreak":
      return <br key={key} />;
    case "text":
      return renderText(node, key);
    case "mention":
      // A person named in a rationale; the server fills in their current name as the label.
      return (
        <span key={key} className="mention" data-mention={typeof node.attrs?.id === "string" ? node.attrs.id : undefined}>
          @{typeof node.attrs?.label === "string" ? node.attrs.label : "someone"}
        </span>
      );
    default:
      return null;
  }
}

/**
 * Any document of the article schema, or of the rationale schema (a subset of it), as React
 * elements: no HTML strings, so nothing in a document can inject markup.
 */
export function renderDocument(doc: JSONContent): React.ReactNode {
  return renderNode(doc, 0);
}

/**
 * An article document (lib/editor/extensions.ts) as React elements, styled like the editor:
 * no HTML strings, so nothing in a document can inject markup. Renders on the server too.
 */
export function ArticleDocument({ doc, className, ...props }: { doc: JSONContent } & React.HTMLAttributes<HTMLDivElement>) {
  return (
    <div className={cn("article-body", className)} {...props}>
      {renderDocument(doc)}
    </div>
  );
}
