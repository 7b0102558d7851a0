/**
 * The `markdown` export: the article as CommonMark with GitHub-style footnotes. Each claim
 * gets a reference (`[^1]`) where it ends; the footnote holds its finding (verdict), the
 * quoted claim, the rationale and the sources. All snapshot text is escaped
 * (lib/exports/escape.ts), links are http(s) only.
 *
 * Pure: a function of the snapshot and the context (D5).
 */
import type { SnapshotClaim, VersionSnapshot } from "@/lib/versions/snapshot";
import { VERDICTS } from "@/lib/claims/present";
import { PUBLISHED_STATUS_INFO, STANCE_LABELS, VERDICT_SCALE } from "@/lib/verdicts";
import { annotateDocument, type Block, type InlineMark, type Piece } from "@/lib/exports/annotated-document";
import { snapshotUrl, type ExportContext } from "@/lib/exports/context";
import { utcDate, utcDateTime } from "@/lib/exports/dates";
import { escapeMarkdownInline, escapeMarkdownLineStart, markdownHref } from "@/lib/exports/escape";
import { findingOf, noteNumbers } from "@/lib/exports/findings";

const md = escapeMarkdownInline;

type MarkKey = "link" | "bold" | "italic";
const MARK_ORDER: MarkKey[] = ["link", "bold", "italic"];

/** The open delimiters of a set of marks, outermost first. */
function markStack(marks: readonly InlineMark[]): { key: MarkKey; href: string | null }[] {
  const stack: { key: MarkKey; href: string | null }[] = [];
  for (const key of MARK_ORDER) {
    const mark = marks.find((candidate) => candidate.type === key);
    if (!mark) continue;
    if (mark.type === "link") {
      const href = markdownHref(mark.href, { allowMailto: true });
      if (href) stack.push({ key, href });
    } else stack.push({ key, href: null });
  }
  return stack;
}

const OPEN: Record<MarkKey, string> = { link: "[", bold: "**", italic: "_" };
function close(entry: { key: MarkKey; href: string | null }): string {
  return entry.key === "link" ? `](${entry.href})` : OPEN[entry.key];
}

/**
 * Inline Markdown of a textblock. Marks open and close only where they change, so a bold run
 * cut by a claim boundary stays one `**…**`; whitespace is kept outside delimiters, where
 * CommonMark needs it for them to count.
 */
function inlineMarkdown(pieces: readonly Piece[], numbers: ReadonlyMap<string, number>): string {
  let out = "";
  let open: { key: MarkKey; href: string | null }[] = [];
  const closeTo = (depth: number) => {
    while (open.length > depth) {
      const trailing = /\s+$/.exec(out)?.[0] ?? "";
      out = out.slice(0, out.length - trailing.length) + close(open.pop()!) + trailing;
    }
  };
  for (const piece of pieces) {
    const wanted = piece.kind === "break" ? open : markStack(piece.marks);
    let shared = 0;
    while (shared < open.length && shared < wanted.length && open[shared]!.key === wanted[shared]!.key && open[shared]!.href === wanted[shared]!.href) {
      shared += 1;
    }
    closeTo(shared);
    let text = piece.kind === "break" ? "\\\n" : md(piece.text);
    for (const id of piece.empty) text = `${references([id], numbers)}${text}`;
    if (shared < wanted.length) {
      const leading = /^\s+/.exec(text)?.[0] ?? "";
      out += leading;
      text = text.slice(leading.length);
      for (const entry of wanted.slice(shared)) {
        out += OPEN[entry.key];
        open.push(entry);
      }
    }
    out += text;
    if (piece.closes.length > 0) out += references(piece.closes, numbers);
  }
  closeTo(0);
  open = [];
  // Line starts inside the paragraph (after hard breaks) must not become blocks either.
  return out
    .split("\n")
    .map((line) => escapeMarkdownLineStart(line))
    .join("\n");
}

function references(ids: readonly string[], numbers: ReadonlyMap<string, number>): string {
  return ids.map((id) => (numbers.has(id) ? `[^${numbers.get(id)}]` : "")).join("");
}

function indent(text: string, prefix: string, first = prefix): string {
  return text
    .split("\n")
    .map((line, index) => (line === "" ? line : `${index === 0 ? first : prefix}${line}`))
    .join("\n");
}

function blocksMarkdown(blocks: readonly Block[], numbers: ReadonlyMap<string, number>): string {
  return blocks
    .map((block) => {
      switch (block.type) {
        case "paragraph": {
          const text = inlineMarkdown(block.pieces, numbers);
          return text === "" ? "" : text;
        }
        case "heading":
          return `${"#".repeat(Math.min(Math.max(block.level, 2), 6))} ${inlineMarkdown(block.pieces, numbers).replace(/\n/g, " ")}`;
        case "blockquote":
          return blocksMarkdown(block.children, numbers)
            .split("\n")
            .map((line) => (line === "" ? ">" : `> ${line}`))
            .join("\n");
        case "list":
          return block.items
            .map((item, index) => {
              const marker = block.ordered ? `${block.start + index}. ` : "- ";
              return indent(blocksMarkdown(item, numbers), " ".repeat(marker.length), marker);
            })
            .join("\n");
      }
    })
    .filter((text) => text !== "")
    .join("\n\n");
}

function footnote(claim: SnapshotClaim, number: number): string {
  const finding = findingOf(claim);
  const lines: string[] = [];
  lines.push(`**${md(finding.label)}**: “${md(claim.exact.replace(/\s+/g, " "))}”${claim.claimant ? ` (${md(claim.claimant)})` : ""}`);
  for (const verification of claim.verifications) {
    const prefix = claim.status === "disputed" ? `${VERDICT_SCALE[verification.verdict].label}, ` : "";
    lines.push("");
    for (const paragraph of verification.rationaleText.split(/\n{2,}/)) {
      lines.push(paragraph.split("\n").map((line) => escapeMarkdownLineStart(md(line))).join("\\\n"));
      lines.push("");
    }
    lines.push(`_${md(prefix)}verdict by ${md(verification.author.name)}_`);
  }
  if (claim.status === "unverified") {
    lines.push("");
    lines.push(`_${md(finding.description)}_`);
  }
  if (claim.sources.length > 0) {
    lines.push("");
    lines.push("Sources:");
    lines.push("");
    claim.sources.forEach((source, index) => {
      const href = markdownHref(source.url);
      const title = href ? `[${md(source.title)}](${href})` : md(source.title);
      const publisher = source.publisher ? `, ${md(source.publisher)}` : "";
      const excerpt = source.excerpt ? ` “${md(source.excerpt.replace(/\s+/g, " "))}”` : "";
      const archiveHref = source.archive ? markdownHref(source.archive.url) : null;
      const archived = source.archive && archiveHref ? ` [archived copy](${archiveHref}) (${md(utcDate(source.archive.archivedAt))})` : "";
      lines.push(`${index + 1}. ${title}${publisher}: ${md(STANCE_LABELS[source.stance])}.${excerpt}${archived} (added by ${md(source.author.name)})`);
    });
  }
  // Continuation lines of a footnote are indented by four spaces.
  return indent(lines.join("\n"), "    ", `[^${number}]: `);
}

/** The `markdown` export of a version, ending in a newline. */
export function exportMarkdown(snapshot: VersionSnapshot, context: ExportContext): string {
  const url = snapshotUrl(snapshot, context);
  const numbers = noteNumbers(snapshot.claims);
  const document = annotateDocument(snapshot.revision.doc, snapshot.claims, snapshot.revision.text);
  const original = markdownHref(snapshot.article.url);
  const meta = [
    snapshot.article.author ? md(snapshot.article.author) : null,
    snapshot.article.outlet ? md(snapshot.article.outlet) : null,
    snapshot.article.publishedAt ? utcDate(snapshot.article.publishedAt) : null,
    original ? `[Original article](${original})` : null,
  ].filter(Boolean);
  const sections: string[] = [];
  sections.push(`# ${md(snapshot.article.title)}`);
  sections.push(
    `_Verified version ${snapshot.number}, published ${utcDateTime(snapshot.publishedAt)} by ${md(snapshot.publishedBy.name)} for ${md(context.organization.name)}. ` +
      `Online, with every published version and the corrections log: <${markdownHref(url) ?? url}>_`,
  );
  if (snapshot.note) sections.push(`> Editor’s note: ${md(snapshot.note).split("\n").join("\n> ")}`);
  if (meta.length > 0) sections.push(meta.join(" · "));
  sections.push("---");
  sections.push(blocksMarkdown(document.blocks, numbers));
  sections.push("---");
  sections.push("## How we rate claims");
  const scale = VERDICTS.map((verdict) => `- **${md(VERDICT_SCALE[verdict].label)}**: ${md(VERDICT_SCALE[verdict].definition)}`);
  for (const status of ["disputed", "unverified"] as const) {
    scale.push(`- **${md(PUBLISHED_STATUS_INFO[status].label)}**: ${md(PUBLISHED_STATUS_INFO[status].description)}`);
  }
  sections.push(scale.join("\n"));
  if (snapshot.claims.length > 0) {
    sections.push(snapshot.claims.map((claim) => footnote(claim, numbers.get(claim.id) ?? 0)).join("\n\n"));
  }
  return `${sections.join("\n\n")}\n`;
}
