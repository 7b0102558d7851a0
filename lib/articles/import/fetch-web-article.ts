/**
 * Import from a URL: fetches the page through the SSRF-safe fetcher and extracts its article.
 * Every way this can fail is a 422 with a `reason` a client can act on and a message a person can
 * read: the address was refused, the page took too long or was too large, was not a web page,
 * answered an HTTP error, or held no article.
 */
import { AppError } from "@/lib/errors";
import { FetchError, safeFetch, type SafeFetchOptions } from "@/lib/net/safe-fetch";
import { decodeHtml, extractWebArticle, MIN_ARTICLE_CHARS, type WebArticle } from "@/lib/articles/import/extract-web-page";

export type ImportFailureReason =
  | "invalid_url"
  | "refused_address"
  | "unresolvable"
  | "timeout"
  | "too_large"
  | "content_type"
  | "too_many_redirects"
  | "network"
  | "http_status"
  | "not_an_article";

export interface FetchedWebArticle extends WebArticle {
  /** The address the page came from, after redirects. */
  finalUrl: string;
}

/** Largest page read for an import. */
export const MAX_IMPORT_PAGE_BYTES = 5_000_000;

function unprocessable(reason: ImportFailureReason, message: string, extra: Record<string, unknown> = {}): AppError {
  return new AppError("unprocessable", message, { fields: { url: message }, details: { reason, ...extra } });
}

export async function fetchWebArticle(url: string, options: Pick<SafeFetchOptions, "resolver"> = {}): Promise<FetchedWebArticle> {
  let page;
  try {
    page = await safeFetch(url, { maxBytes: MAX_IMPORT_PAGE_BYTES, timeoutMs: 15_000, resolver: options.resolver });
  } catch (error) {
    if (error instanceof FetchError) throw unprocessable(error.reason, error.message);
    throw error;
  }
  if (page.status < 200 || page.status >= 300) {
    throw unprocessable("http_status", `The page answered HTTP ${page.status}${page.statusText ? ` ${page.statusText}` : ""}.`, { httpStatus: page.status });
  }
  const article = extractWebArticle(decodeHtml(page.body, page.charset), page.url);
  if (article.text.length < MIN_ARTICLE_CHARS) {
    throw unprocessable("not_an_article", "No article was found on this page: it holds too little running text (a home page, a list or a log-in wall?).");
  }
  return { ...article, finalUrl: page.url };
}
