/**
 * The Internet Archive's Save Page Now, asked by the archive job for a public copy of a cited
 * page beside the desk's own (`FACTDESK_WAYBACK=on`; off by default). The request goes through
 * the one fetcher (lib/net/safe-fetch.ts) like every other, to `FACTDESK_WAYBACK_URL` followed by
 * the page's address (default `https://web.archive.org/save/`; tests point it at a fixture
 * server on 127.0.0.1). The link kept is where the service says the copy is: its
 * `Content-Location` header, else the address its redirects ended on. A failure never fails the
 * desk's own copy: it is kept in words beside it.
 */
import { FetchError, safeFetch } from "@/lib/net/safe-fetch";

export const DEFAULT_WAYBACK_URL = "https://web.archive.org/save/";

export interface WaybackSettings {
  enabled: boolean;
  /** The Save Page Now endpoint; the page's address is appended to it. */
  endpoint: string;
}

/** `FACTDESK_WAYBACK` (`on` or `off`, default off) and `FACTDESK_WAYBACK_URL`; a bad value throws, naming the variable. */
export function waybackSettings(): WaybackSettings {
  const raw = (process.env.FACTDESK_WAYBACK ?? "off").trim().toLowerCase();
  if (raw !== "on" && raw !== "off" && raw !== "") throw new Error(`FACTDESK_WAYBACK must be "on" or "off" (got "${raw}").`);
  const endpoint = process.env.FACTDESK_WAYBACK_URL?.trim() || DEFAULT_WAYBACK_URL;
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    throw new Error(`FACTDESK_WAYBACK_URL must be an absolute http(s) URL (got "${endpoint}").`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new Error(`FACTDESK_WAYBACK_URL must be an http(s) URL (got "${endpoint}").`);
  return { enabled: raw === "on", endpoint };
}

export interface WaybackResult {
  /** The public copy's address; null when none was made. */
  url: string | null;
  /** Why there is none, in words; null when there is one. */
  error: string | null;
}

/** The copy's address the service named, as an absolute http(s) URL, or null. */
function copyAddress(contentLocation: string | undefined, finalUrl: string, requested: string): string | null {
  const candidates = [contentLocation, finalUrl !== requested ? finalUrl : undefined];
  for (const candidate of candidates) {
    if (!candidate) continue;
    try {
      const url = new URL(candidate, finalUrl);
      if (url.protocol === "http:" || url.protocol === "https:") return url.toString();
    } catch {
      // Not an address: try the next one.
    }
  }
  return null;
}

/** Asks Save Page Now for a copy of `address`; never throws. */
export async function saveToWayback(address: string, { endpoint, signal }: { endpoint: string; signal?: AbortSignal }): Promise<WaybackResult> {
  const requested = `${endpoint}${address}`;
  try {
    const response = await safeFetch(requested, { maxBytes: 5_000_000, timeoutMs: 60_000, contentTypes: ["text/", "application/"], signal });
    if (response.status < 200 || response.status >= 300) {
      return { url: null, error: `The Internet Archive answered HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ""}.` };
    }
    const contentLocation = response.headers.find(([name]) => name.toLowerCase() === "content-location")?.[1];
    const url = copyAddress(contentLocation, response.url, new URL(requested).toString());
    return url ? { url, error: null } : { url: null, error: "The Internet Archive did not say where its copy is." };
  } catch (error) {
    if (error instanceof FetchError) return { url: null, error: `The Internet Archive could not be reached: ${error.message}` };
    return { url: null, error: "The Internet Archive could not be asked for a copy." };
  }
}
