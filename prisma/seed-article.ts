/**
 * The seed article: its text (prisma/seed-article.txt, headline on the first line) and which
 * of its blocks are subheadings. Plain data and file reading only, so that the seed, the unit
 * fixtures and the end-to-end fixtures (which import fresh copies of it) read it alike.
 */
import fs from "node:fs";
import path from "node:path";

// The seed article's subheadings; every other block is a paragraph (photo captions included).
export const SEED_HEADINGS: ReadonlySet<string> = new Set([
  "NATO has no plans to send troops",
  "The US and Canada make it clear that they will not send them",
  "Scholz: neither European nor NATO soldiers.",
  "Spain prefers the delivery of material",
  "Russia warns",
]);

/** The seed article's headline and body text (blocks separated by blank lines). */
export function readSeedArticle(): { title: string; text: string } {
  const raw = fs.readFileSync(path.join(import.meta.dirname, "seed-article.txt"), "utf8").replace(/\r\n?/g, "\n");
  const [headline = "", ...rest] = raw.split("\n");
  return { title: headline.trim(), text: rest.join("\n").trim() };
}
