/**
 * Mentions in plain text (replies): `<@userId>` where a person is named. The text keeps the
 * reference, never the name, so a renamed person is shown by their current name; the reply's
 * mention rows (reply_mentions) say whom it names.
 */

/** A mention token; its group is the user's id. */
export const MENTION_TOKEN = /<@([A-Za-z0-9_-]{1,64})>/g;

/** The distinct user ids `text` mentions, in order of first appearance. */
export function mentionedIds(text: string): string[] {
  return [...new Set(Array.from(text.matchAll(MENTION_TOKEN), (match) => match[1]!))];
}

/** The token for a person, as the reply box writes it. */
export function mentionToken(userId: string): string {
  return `<@${userId}>`;
}

/** A piece of text with mentions: plain text, or a person by id (named from `names`). */
export type MentionPart = { text: string } | { mention: string; name: string | null };

/** Splits `text` into plain runs and mentions; `names` maps ids to current names. */
export function splitMentions(text: string, names: ReadonlyMap<string, string>): MentionPart[] {
  const parts: MentionPart[] = [];
  let last = 0;
  for (const match of text.matchAll(MENTION_TOKEN)) {
    if (match.index > last) parts.push({ text: text.slice(last, match.index) });
    parts.push({ mention: match[1]!, name: names.get(match[1]!) ?? null });
    last = match.index + match[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last) });
  return parts;
}

/** `text` with each mention written as `@Name` (or `@someone` when unknown): for summaries and email. */
export function mentionsAsText(text: string, names: ReadonlyMap<string, string>): string {
  return splitMentions(text, names)
    .map((part) => ("text" in part ? part.text : `@${part.name ?? "someone"}`))
    .join("");
}
