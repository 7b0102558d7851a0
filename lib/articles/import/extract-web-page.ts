/**
 * A news page's article, from its HTML: the body with Mozilla's Readability on a server-side DOM
 * (linkedom), after the usual clutter is taken out (navigation, cookie and consent banners,
 * related links, comments, share bars, newsletter boxes); and its metadata from JSON-LD
 * (`NewsArticle` and kin), Open Graph and the usual meta tags, in that order of trust, with
 * Readability's own guesses last. Pure: no fetch, no database.
 */
import { parseHTML } from "linkedom";
import { Readability } from "@mozilla/readability";

export interface WebArticle {
  title: string | null;
  author: string | null;
  outlet: string | null;
  /** ISO 8601, as the page states it, when it parses as a date. */
  publishedAt: string | null;
  /** The page's canonical address when it names one (http/https). */
  canonicalUrl: string | null;
  /** The article's body as HTML, for the import path (which keeps only its safe subset). */
  contentHtml: string;
  /** Its text, for length checks and archives. */
  text: string;
}

/** Fewer characters of body text than this is not an article (a home page, a log-in wall). */
export const MIN_ARTICLE_CHARS = 250;

const CLUTTER_TAGS = ["nav", "footer", "aside", "form", "dialog", "noscript", "iframe", "button", "script", "style", "template"];
const CLUTTER_ROLES = new Set(["navigation", "dialog", "alertdialog", "banner", "complementary", "contentinfo", "search"]);
const CLUTTER_NAME =
  /(^|[-_\s])(cookie|cookies|consent|gdpr|cmp|newsletter|subscribe|subscription|paywall|related|recommend|recommended|more-stories|most-read|mostread|popular|trending|comment|comments|disqus|share|sharing|social|promo|advert|ads|ad-slot|sponsor|outbrain|taboola|breadcrumb|breadcrumbs|menu|sidebar|skip-link|read-next|readnext|tags|byline|entry-meta|post-meta|article-meta|dateline)([-_\s]|$)/i;

const ARTICLE_TYPES = new Set(["newsarticle", "article", "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle", "backgroundnewsarticle", "blogposting", "liveblogposting", "scholarlyarticle", "techarticle", "report"]);

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

function asArray(value: Json | undefined): Json[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

function isObject(value: Json | undefined): value is { [key: string]: Json } {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function text(value: Json | undefined): string | null {
  if (typeof value === "string") return clean(value);
  if (isObject(value)) return text(value.name ?? value["@value"]);
  if (Array.isArray(value)) {
    const names = value.map((entry) => text(entry)).filter((entry): entry is string => Boolean(entry));
    return names.length ? names.join(", ") : null;
  }
  return null;
}

function clean(value: string | null | undefined): string | null {
  if (!value) return null;
  const cleaned = value.replace(/\s+/g, " ").trim();
  return cleaned === "" ? null : cleaned;
}

/** Every JSON-LD node of the page, @graph and arrays flattened. */
function jsonLdNodes(document: Document): { [key: string]: Json }[] {
  const nodes: { [key: string]: Json }[] = [];
  const visit = (value: Json) => {
    for (const entry of asArray(value)) {
      if (!isObject(entry)) continue;
      nodes.push(entry);
      if (entry["@graph"] !== undefined) visit(entry["@graph"]);
    }
  };
  for (const script of Array.from(document.querySelectorAll('script[type="application/ld+json"]'))) {
    try {
      visit(JSON.parse(script.textContent ?? "") as Json);
    } catch {
      // A page's broken JSON-LD is its own problem: the other sources still apply.
    }
  }
  return nodes;
}

function articleNode(document: Document): { [key: string]: Json } | null {
  return (
    jsonLdNodes(document).find((node) =>
      asArray(node["@type"]).some((type) => typeof type === "string" && ARTICLE_TYPES.has(type.toLowerCase())),
    ) ?? null
  );
}

function meta(document: Document, ...keys: string[]): string | null {
  for (const key of keys) {
    for (const element of Array.from(document.querySelectorAll("meta"))) {
      const name = (element.getAttribute("property") ?? element.getAttribute("name") ?? element.getAttribute("itemprop") ?? "").toLowerCase();
      if (name === key) {
        const value = clean(element.getAttribute("content"));
        if (value) return value;
      }
    }
  }
  return null;
}

function isoDate(value: string | null): string | null {
  if (!value) return null;
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

/** "By Jane Roe and John Doe" → "Jane Roe and John Doe"; addresses are not names. */
function authorName(value: string | null): string | null {
  if (!value || /^https?:\/\//i.test(value)) return null;
  return clean(value.replace(/^\s*(by|von|par|por)\s+/i, ""));
}

function httpUrl(value: string | null, base: string): string | null {
  if (!value) return null;
  try {
    const url = new URL(value, base);
    return url.protocol === "http:" || url.protocol === "https:" ? url.toString() : null;
  } catch {
    return null;
  }
}

/** "Headline | The Outlet" or "Headline - The Outlet" → "Headline", when the outlet is known. */
function withoutOutletSuffix(title: string | null, outlet: string | null): string | null {
  if (!title || !outlet) return title;
  const suffix = new RegExp(`\\s*[|\\-–—:·]\\s*${outlet.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\s*$`, "i");
  return clean(title.replace(suffix, "")) ?? title;
}

function removeClutter(document: Document): void {
  const pageChars = (document.body?.textContent ?? "").length;
  for (const tag of CLUTTER_TAGS) {
    for (const element of Array.from(document.querySelectorAll(tag))) element.remove();
  }
  for (const element of Array.from(document.querySelectorAll("body *"))) {
    if (!element.isConnected) continue;
    const role = (element.getAttribute("role") ?? "").toLowerCase();
    const names = `${element.getAttribute("id") ?? ""} ${element.getAttribute("class") ?? ""}`;
    const tag = element.tagName.toLowerCase();
    if (tag === "article" || tag === "main" || tag === "body") continue;
    if (!(CLUTTER_ROLES.has(role) || element.getAttribute("aria-modal") === "true" || CLUTTER_NAME.test(names))) continue;
    // A wrapper whose name happens to match ("story has-comments") holds the article: keep it.
    // (Checked only for elements named as clutter: it reads the whole subtree.)
    if (element.querySelector("article, main, h1") || (element.textContent ?? "").length > pageChars * 0.4) continue;
    element.remove();
  }
}

/** Extracts a page's article; `pageUrl` resolves relative addresses. */
export function extractWebArticle(html: string, pageUrl: string): WebArticle {
  const { document } = parseHTML(html);
  const node = articleNode(document);

  const outlet =
    text(node?.publisher) ?? meta(document, "og:site_name", "application-name", "publisher", "twitter:site")?.replace(/^@/, "") ?? null;
  const jsonAuthor = node ? text(node.author) : null;
  const metaAuthor = authorName(meta(document, "author", "article:author", "parsely-author", "sailthru.author", "dc.creator", "byl"));
  const publishedAt = isoDate(
    (node ? text(node.datePublished) ?? text(node.dateCreated) : null) ??
      meta(document, "article:published_time", "datepublished", "date", "dc.date", "dc.date.issued", "dcterms.created", "parsely-pub-date", "sailthru.date", "pubdate", "publishdate") ??
      clean(document.querySelector("time[datetime]")?.getAttribute("datetime")),
  );
  const canonicalUrl = httpUrl(document.querySelector('link[rel="canonical"]')?.getAttribute("href") ?? meta(document, "og:url"), pageUrl);
  const declaredTitle = (node ? text(node.headline) ?? text(node.name) : null) ?? meta(document, "og:title", "twitter:title");

  // The byline block is clutter in the body but names the author: read it first.
  const byline = authorName(clean(document.querySelector('[itemprop~="author"], [rel~="author"], [class*="byline"]')?.textContent));
  removeClutter(document);
  const parsed = new Readability(document, { charThreshold: MIN_ARTICLE_CHARS, keepClasses: false }).parse();
  const content = parsed?.content ?? "";
  const bodyText = clean(parsed?.textContent) ?? "";

  const title = withoutOutletSuffix(declaredTitle ?? clean(parsed?.title) ?? clean(document.querySelector("title")?.textContent), outlet);
  return {
    title,
    author: authorName(jsonAuthor) ?? metaAuthor ?? byline ?? authorName(clean(parsed?.byline)),
    outlet: outlet ?? clean(parsed?.siteName),
    publishedAt: publishedAt ?? isoDate(clean(parsed?.publishedTime)),
    canonicalUrl,
    contentHtml: content,
    text: bodyText,
  };
}

/** Decodes a page's bytes: the charset of the Content-Type header, else of a meta tag, else UTF-8. */
export function decodeHtml(body: Buffer, headerCharset: string | null): string {
  const head = body.subarray(0, 2048).toString("latin1");
  const declared = headerCharset ?? /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head)?.[1] ?? "utf-8";
  try {
    return new TextDecoder(declared.toLowerCase()).decode(body);
  } catch {
    return new TextDecoder("utf-8").decode(body);
  }
}
