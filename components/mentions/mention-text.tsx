import type { PersonDTO } from "@/lib/claims/present";
import { splitMentions } from "@/lib/mentions/tokens";

/** Plain text with its mentions drawn as the people's current names. */
export function MentionText({ text, mentions }: { text: string; mentions: PersonDTO[] }) {
  const names = new Map(mentions.map((person) => [person.id, person.name]));
  return (
    <>
      {splitMentions(text, names).map((part, index) =>
        "text" in part ? (
          <span key={index}>{part.text}</span>
        ) : (
          <span key={index} className="rounded bg-accent-soft px-0.5 font-medium text-accent" data-mention={part.mention}>
            @{part.name ?? "someone"}
          </span>
        ),
      )}
    </>
  );
}
