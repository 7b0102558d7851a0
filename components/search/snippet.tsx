import type { SearchResultDTO } from "@/lib/search/schemas";

/** A snippet's parts as text; matched words in <mark>. React renders every part as text. */
export function Snippet({ parts }: { parts: SearchResultDTO["snippet"] }) {
  return (
    <>
      {parts.map((part, index) =>
        part.highlight ? (
          <mark key={index} className="rounded-sm bg-warning-soft px-0.5 font-medium text-ink">
            {part.text}
          </mark>
        ) : (
          <span key={index}>{part.text}</span>
        ),
      )}
    </>
  );
}
