import * as React from "react";
import type { JSONContent } from "@tiptap/core";

const SAFE_HREF = /^(https?:|mailto:)/i;

function renderText(node: JSONContent, key: number): React.ReactNode {
  let content: React.ReactNode = node.text ?? "";
  for (const mark of node.marks ?? []) {
    if (mark.type === "bold") content = <strong>{content}</strong>;
    else if (mark.type === "italic") content = <em>{content}</em>;
    else if (mark.type === "link") {
      const href = typeof mark.attrs?.href === "string" ? mark.attrs.href.trim() : "";
      // The server accepts only these protocols; checking again keeps old or foreign data harmless.
      if (SAFE_HREF.test(href)) {
        content = (
          <a href={href} rel="noopener noreferrer nofollow" target="_blank" className="text-accent underline">
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
    case "bulletList":
      return (
        <ul key={key} className="list-disc pl-5">
          {children}
        </ul>
      );
    case "orderedList":
      return (
        <ol key={key} className="list-decimal pl-5">
          {children}
        </ol>
      );
    case "listItem":
      return <li key={key}>{children}</li>;
    case "hardBreak":
      return <br key={key} />;
    case "text":
      return renderText(node, key);
    default:
      return null;
  }
}

/** Renders a rationale document as React elements: no HTML strings, so nothing can inject markup. */
export function RichText({ doc, className }: { doc: JSONContent; className?: string }) {
  return <div className={className ?? "grid gap-2 text-sm leading-relaxed"}>{renderNode(doc, 0)}</div>;
}
