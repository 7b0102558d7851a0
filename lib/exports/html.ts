/**
 * The `html` export: one standalone, printable page of a version. Styles are inline (one
 * `<style>` element), there are no scripts (a Content-Security-Policy says so to the browser
 * too), and the only `<script>` is the ClaimReview JSON-LD, which browsers never run.
 *
 * Every piece of snapshot text goes through `escapeHtml`; every href through `safeHref`
 * (http(s) only; mailto as well inside rationales); no element gets an `on*` attribute or a
 * `style` built from user input: verdict colours come from the verdict scale as classes.
 *
 * Pure: a function of the snapshot and the context (D5).
 */
import type { JSONContent } from "@tiptap/core";
import type { SnapshotClaim, VersionSnapshot } from "@/lib/versions/snapshot";
import { VERDICTS } from "@/lib/claims/present";
import { PUBLISHED_STATUS_INFO, STANCE_LABELS, VERDICT_SCALE } from "@/lib/verdicts";
import { annotateDocument, type Block, type Piece } from "@/lib/exports/annotated-document";
import { claimReviews } from "@/lib/exports/claimreview";
import { snapshotUrl, type ExportContext } from "@/lib/exports/context";
import { utcDate, utcDateTime } from "@/lib/exports/dates";
import { archivedCopyLabel } from "@/lib/archives/present-archive";
import { escapeHtml, jsonForScript, safeHref } from "@/lib/exports/escape";
import { findingOf, noteNumbers } from "@/lib/exports/findings";
import { claimAnchor } from "@/lib/versions/urls";

const e = escapeHtml;

/** The page's styles: the verdict colours as classes, from the one verdict scale. */
function styles(): string {
  const colours: string[] = [];
  for (const verdict of VERDICTS) {
    const info = VERDICT_SCALE[verdict];
    colours.push(`.f-${verdict}{--c:${info.color};--t:${info.tint}}`);
  }
  for (const [status, info] of Object.entries(PUBLISHED_STATUS_INFO)) {
    colours.push(`.f-${status}{--c:${info.color};--t:${info.tint}}`);
  }
  return [
    "*{box-sizing:border-box}",
    "body{margin:0;background:#fff;color:#1c1d1f;font:17px/1.7 Charter,'Iowan Old Style',Georgia,'Times New Roman',serif}",
    "main{max-width:44rem;margin:0 auto;padding:2rem 1.25rem 4rem}",
    ".sans,h1,h2,h3,.banner,.meta,.notes,.scale,footer{font-family:system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif}",
    ".banner{border:1px solid #c9c9c2;border-left:4px solid #1f4e8c;background:#f7f7f5;padding:.75rem 1rem;font-size:.9rem;line-height:1.5}",
    ".banner p{margin:.2rem 0}",
    "h1{font-size:2rem;line-height:1.2;margin:1.5rem 0 .5rem}",
    "h2{font-size:1.2rem;margin:2rem 0 .5rem}",
    "h3{font-size:1.05rem;margin:1.5rem 0 .5rem}",
    ".meta{color:#5d6068;font-size:.9rem;margin:0 0 1.5rem}",
    "a{color:#1f4e8c}",
    "blockquote{margin:1rem 0;padding-left:1rem;border-left:4px solid #c9c9c2;color:#5d6068}",
    "mark{background:var(--t);box-shadow:inset 0 -2px 0 var(--c);color:inherit;padding:0 1px}",
    "mark.f-unverified{background:transparent;box-shadow:none;border-bottom:2px dotted var(--c)}",
    ".ref{font-family:system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;font-size:.72rem;text-decoration:none;white-space:nowrap}",
    ".tag{display:inline-block;border-radius:3px;padding:0 .3rem;margin-left:.15rem;font-weight:600;color:var(--c);background:var(--t);line-height:1.45}",
    // Labels and note numbers are drawn, not written, so the article's text is the published text.
    ".tag::before{content:attr(data-label)}.ref sup::before{content:attr(data-note)}",
    ".notes ol{padding-left:1.5rem}",
    ".notes>ol>li{margin:0 0 1.25rem;font-size:.95rem;line-height:1.55}",
    ".notes q{font-family:Charter,'Iowan Old Style',Georgia,serif}",
    ".notes .sources{margin:.4rem 0 0;padding-left:1.2rem}",
    ".muted{color:#5d6068}",
    ".rationale p{margin:.3rem 0}",
    ".scale dt{font-weight:600;margin-top:.5rem}",
    ".scale dd{margin:0 0 0 1rem}",
    "footer{margin-top:3rem;border-top:1px solid #e2e2dd;padding-top:1rem;color:#5d6068;font-size:.8rem;word-break:break-all}",
    "@media print{body{font-size:11pt}main{max-width:none;padding:0}a{color:inherit}mark,.tag{-webkit-print-color-adjust:exact;print-color-adjust:exact}.notes>ol>li{break-inside:avoid}}",
    ...colours,
  ].join("\n");
}

/** What the article text needs of each claim, escaped once (a version may have a thousand). */
interface ClaimMarkup {
  /** Attributes of its `<mark>` without the id: class and title. */
  attributes: string;
  /** The note reference after its last piece. */
  reference: string;
}

function claimMarkup(snapshot: VersionSnapshot, numbers: ReadonlyMap<string, number>): Map<string, ClaimMarkup> {
  const markup = new Map<string, ClaimMarkup>();
  for (const claim of snapshot.claims) {
    const finding = findingOf(claim);
    const number = numbers.get(claim.id) ?? 0;
    // A claim not yet verified shows only its number: the dotted underline says the rest. The
    // label and the number are CSS generated content (the link's aria-label names both), so the
    // page's text stays the published text that the W3C selectors quote.
    const tag = claim.status === "unverified" ? "" : `<span class="tag" data-label="${e(finding.label)}"></span>`;
    markup.set(claim.id, {
      attributes: ` class="f-${finding.key}" title="${e(finding.label)}"`,
      reference: `<a class="ref f-${finding.key}" href="#note-${e(claim.id)}" aria-label="Note ${number}: ${e(finding.label)}">${tag}<sup data-note="${number}"></sup></a>`,
    });
  }
  return markup;
}

const NO_MARKUP: ClaimMarkup = { attributes: ' class="f-unverified"', reference: "" };

/** Inline content of a textblock, with claim highlights and note references. */
function piecesHtml(pieces: readonly Piece[], markup: ReadonlyMap<string, ClaimMarkup>): string {
  let html = "";
  for (const piece of pieces) {
    for (const id of piece.empty) {
      const claim = markup.get(id) ?? NO_MARKUP;
      html += `<mark id="${e(claimAnchor(id))}"${claim.attributes}></mark>${claim.reference}`;
    }
    let content = piece.kind === "break" ? "<br>" : e(piece.text);
    for (let index = piece.marks.length - 1; index >= 0; index -= 1) {
      const mark = piece.marks[index]!;
      if (mark.type === "bold") content = `<strong>${content}</strong>`;
      else if (mark.type === "italic") content = `<em>${content}</em>`;
      else {
        const href = safeHref(mark.href);
        if (href) content = `<a href="${e(href)}" rel="nofollow noopener noreferrer">${content}</a>`;
      }
    }
    // Innermost claim last, so its mark wraps the text directly.
    for (let index = piece.claims.length - 1; index >= 0; index -= 1) {
      const id = piece.claims[index]!;
      const anchor = piece.opens.includes(id) ? ` id="${e(claimAnchor(id))}"` : "";
      content = `<mark${anchor}${(markup.get(id) ?? NO_MARKUP).attributes}>${content}</mark>`;
    }
    html += content;
    for (const id of piece.closes) html += markup.get(id)?.reference ?? "";
  }
  return html;
}

function blocksHtml(blocks: readonly Block[], markup: ReadonlyMap<string, ClaimMarkup>): string {
  return blocks
    .map((block) => {
      switch (block.type) {
        case "paragraph":
          return `<p>${piecesHtml(block.pieces, markup)}</p>`;
        case "heading": {
          // The title is the page's h1; article headings start at h2.
          const level = Math.min(Math.max(block.level, 2), 6);
          return `<h${level}>${piecesHtml(block.pieces, markup)}</h${level}>`;
        }
        case "blockquote":
          return `<blockquote>${blocksHtml(block.children, markup)}</blockquote>`;
        case "list": {
          const items = block.items.map((item) => `<li>${blocksHtml(item, markup)}</li>`).join("");
          if (!block.ordered) return `<ul>${items}</ul>`;
          return block.start === 1 ? `<ol>${items}</ol>` : `<ol start="${block.start}">${items}</ol>`;
        }
      }
    })
    .join("\n");
}

/** A rationale document (paragraphs, emphasis, links, lists, mentioned people) as HTML. */
export function rationaleHtml(doc: JSONContent): string {
  const render = (node: JSONContent): string => {
    const children = (node.content ?? []).map(render).join("");
    switch (node.type) {
      case "doc":
        return children;
      case "paragraph":
        return `<p>${children}</p>`;
      case "bulletList":
        return `<ul>${children}</ul>`;
      case "orderedList":
        return `<ol>${children}</ol>`;
      case "listItem":
        return `<li>${children}</li>`;
      case "hardBreak":
        return "<br>";
      case "mention":
        // The name the person had when the version was published (lib/versions/load-publishable.ts).
        return `<span class="mention">@${e(typeof node.attrs?.label === "string" ? node.attrs.label : "someone")}</span>`;
      case "text": {
        let content = e(node.text ?? "");
        for (const mark of node.marks ?? []) {
          if (mark.type === "bold") content = `<strong>${content}</strong>`;
          else if (mark.type === "italic") content = `<em>${content}</em>`;
          else if (mark.type === "link") {
            const href = safeHref(typeof mark.attrs?.href === "string" ? mark.attrs.href : null, { allowMailto: true });
            if (href) content = `<a href="${e(href)}" rel="nofollow noopener noreferrer">${content}</a>`;
          }
        }
        return content;
      }
      default:
        return "";
    }
  };
  return render(doc);
}

function noteHtml(claim: SnapshotClaim, number: number): string {
  const finding = findingOf(claim);
  const parts: string[] = [];
  parts.push(
    `<p><span class="f-${finding.key}"><span class="tag">${e(finding.label)}</span></span> ` +
      `<q>${e(claim.exact)}</q>${claim.claimant ? ` <span class="muted">— ${e(claim.claimant)}</span>` : ""} ` +
      `<a href="#${e(claimAnchor(claim.id))}" class="muted" aria-label="Back to claim ${number} in the text">↩</a></p>`,
  );
  for (const verification of claim.verifications) {
    const label = VERDICT_SCALE[verification.verdict].label;
    parts.push(
      `<div class="rationale" id="annotation-${e(verification.id)}">${rationaleHtml(verification.rationale)}` +
        `<p class="muted">${claim.status === "disputed" ? `${e(label)}: ` : ""}verdict by ${e(verification.author.name)}</p></div>`,
    );
  }
  if (claim.status === "unverified") parts.push(`<p class="muted">${e(finding.description)}</p>`);
  if (claim.sources.length > 0) {
    const items = claim.sources.map((source) => {
      const href = safeHref(source.url);
      const title = href ? `<a href="${e(href)}" rel="nofollow noopener noreferrer">${e(source.title)}</a>` : e(source.title);
      const publisher = source.publisher ? `, ${e(source.publisher)}` : "";
      const excerpt = source.excerpt ? ` <q>${e(source.excerpt)}</q>` : "";
      const archiveHref = source.archive ? safeHref(source.archive.url) : null;
      const archived =
        source.archive && archiveHref
          ? ` <a class="archived" href="${e(archiveHref)}" rel="nofollow noopener" aria-label="${e(archivedCopyLabel(source.title, utcDate(source.archive.archivedAt)))}">archived copy</a> <span class="muted">(${e(utcDate(source.archive.archivedAt))})</span>`
          : "";
      return `<li id="annotation-${e(source.id)}">${title}${publisher} — ${e(STANCE_LABELS[source.stance])}.${excerpt}${archived} <span class="muted">(source added by ${e(source.author.name)})</span></li>`;
    });
    parts.push(`<ol class="sources">${items.join("")}</ol>`);
  }
  return `<li id="note-${e(claim.id)}">${parts.join("\n")}</li>`;
}

function scaleHtml(): string {
  const rows = VERDICTS.map((verdict) => {
    const info = VERDICT_SCALE[verdict];
    return `<dt class="f-${verdict}"><span class="tag">${e(info.label)}</span></dt><dd>${e(info.definition)}</dd>`;
  });
  for (const status of ["disputed", "unverified"] as const) {
    const info = PUBLISHED_STATUS_INFO[status];
    rows.push(`<dt class="f-${status}"><span class="tag">${e(info.label)}</span></dt><dd>${e(info.description)}</dd>`);
  }
  return rows.join("\n");
}

/** The `html` export of a version: a complete HTML document, ending in a newline. */
export function exportHtml(snapshot: VersionSnapshot, context: ExportContext): string {
  const url = snapshotUrl(snapshot, context);
  const numbers = noteNumbers(snapshot.claims);
  const document = annotateDocument(snapshot.revision.doc, snapshot.claims, snapshot.revision.text);
  const reviews = claimReviews(snapshot, context);
  const original = safeHref(snapshot.article.url);
  const meta = [
    snapshot.article.author ? e(snapshot.article.author) : null,
    snapshot.article.outlet ? e(snapshot.article.outlet) : null,
    snapshot.article.publishedAt ? e(utcDate(snapshot.article.publishedAt)) : null,
    original ? `<a href="${e(original)}" rel="nofollow noopener noreferrer">Original article</a>` : null,
  ].filter(Boolean);
  const title = `${snapshot.article.title} — verified version ${snapshot.number}`;
  const lines = [
    "<!DOCTYPE html>",
    '<html lang="en">',
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    '<meta name="referrer" content="no-referrer">',
    `<title>${e(title)}</title>`,
    `<link rel="canonical" href="${e(url)}">`,
    `<style>\n${styles()}\n</style>`,
    ...(reviews.length > 0 ? [`<script type="application/ld+json">\n${jsonForScript(reviews)}\n</script>`] : []),
    "</head>",
    "<body>",
    "<main>",
    '<header class="banner">',
    `<p><strong>Verified version ${snapshot.number}</strong> · published ${e(utcDateTime(snapshot.publishedAt))} by ${e(snapshot.publishedBy.name)} for ${e(context.organization.name)}</p>`,
    ...(snapshot.note ? [`<p>Editor’s note: ${e(snapshot.note)}</p>`] : []),
    `<p>Online, with every published version and the corrections log: <a href="${e(url)}">${e(url)}</a></p>`,
    "</header>",
    "<article>",
    `<h1>${e(snapshot.article.title)}</h1>`,
    ...(meta.length > 0 ? [`<p class="meta">${meta.join(" · ")}</p>`] : []),
    blocksHtml(document.blocks, claimMarkup(snapshot, numbers)),
    "</article>",
    ...(snapshot.claims.length > 0
      ? [
          '<section class="notes" aria-labelledby="notes-title">',
          '<h2 id="notes-title">Claims checked: verdicts and sources</h2>',
          `<ol>\n${snapshot.claims.map((claim) => noteHtml(claim, numbers.get(claim.id) ?? 0)).join("\n")}\n</ol>`,
          "</section>",
        ]
      : []),
    '<section class="scale" aria-labelledby="scale-title">',
    '<h2 id="scale-title">How we rate claims</h2>',
    `<dl>\n${scaleHtml()}\n</dl>`,
    "</section>",
    `<footer>Verified version ${snapshot.number} (article revision ${snapshot.revision.number}) of ${e(url)} · exported by Factdesk</footer>`,
    "</main>",
    "</body>",
    "</html>",
  ];
  return `${lines.join("\n")}\n`;
}
