import type { JSONContent } from "@tiptap/core";
import { renderDocument } from "@/components/articles/article-document";
import { cn } from "@/lib/cn";

/** A rationale (rich text of a verdict) rendered as React elements, in the panel's sans style. */
export function RichText({ doc, className }: { doc: JSONContent; className?: string }) {
  return (
    <div
      className={cn(
        "grid gap-2 text-sm leading-relaxed [&_a]:text-accent [&_a]:underline [&_ol]:list-decimal [&_ol]:pl-5 [&_ul]:list-disc [&_ul]:pl-5",
        className,
      )}
    >
      {renderDocument(doc)}
    </div>
  );
}
