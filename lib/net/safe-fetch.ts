/**
 * The one way the server fetches a page from an address a user gave (import from a URL,
 * archiving a cited source). Safe against server-side request forgery:
 *
 * - http and https only, default or explicit port, no credentials in the URL;
 * - the host name is resolved once, by the connection's own `lookup`, and every address it
 *   resolves to is checked (`address-policy.ts`) before the socket connects: the connection goes
 *   to an address that was checked, so a name that answers differently on a second query (DNS
 *   rebinding) gains nothing. IP literals are checked as written; numeric hosts in unusual forms
 *   (`2130706433`, `0x7f.1`) are refused outright;
 * - redirects are followed by hand, at most 5, each new address checked the same way;
 * - caps: connect time, total time, body size (the stream is cut at the cap), and content types;
 * - a user agent that names Factdesk; no cookies, no compression (the bytes kept are the bytes sent).
 *
 * Hosts named in `FACTDESK_FETCH_ALLOW` skip the address check (an operator's internal wiki);
 * nothing else does. Built on node:http/node:https, not `fetch`, whose connections cannot be
 * given a filtering lookup.
 */
import http from "node:http";
import https from "node:https";
import dns from "node:dns";
import type { LookupFunction } from "node:net";
import { allowedHosts, ipLiteral, isPublicAddress, publicFetchAllowed } from "@/lib/net/address-policy";

export const FACTDESK_USER_AGENT = "Factdesk/1.0 (fact-checking desk; fetches pages editors import and sources reviewers cite)";

export type FetchFailure =
  | "invalid_url" // not an absolute http(s) URL, or credentials in it
  | "refused_address" // the host is or resolves to an address the server may not reach
  | "unresolvable" // the name has no address
  | "timeout"
  | "too_large"
  | "content_type"
  | "too_many_redirects"
  | "network"; // refused connection, reset, TLS failure…

/** Why a fetch did not happen or did not complete, in words a user can act on. */
export class FetchError extends Error {
  readonly reason: FetchFailure;
  constructor(reason: FetchFailure, message: string, options: { cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = "FetchError";
    this.reason = reason;
  }
}

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}
/** Resolves a host name to all its addresses; `dns.lookup` unless a test stubs it. */
export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

export interface SafeFetchOptions {
  /** Largest body accepted, in bytes (default 5 MB). */
  maxBytes?: number;
  /** Time to establish each connection, in ms (default 5 s). */
  connectTimeoutMs?: number;
  /** Time for everything, redirects included, in ms (default 15 s). */
  timeoutMs?: number;
  /** Accepted media types (`text/html`), or prefixes ending in `/` (`text/`); default HTML. */
  contentTypes?: readonly string[];
  /** Redirects followed (default 5). */
  maxRedirects?: number;
  /** Stands in for DNS in tests, so refusals are proven without any connection. */
  resolver?: Resolver;
  /** Aborts the fetch (a job that expired, a server shutting down). */
  signal?: AbortSignal;
}

export interface FetchedPage {
  /** The URL the body came from, after redirects. */
  url: string;
  /** Each URL asked for, in order: the first, then each redirect's target. */
  chain: string[];
  status: number;
  statusText: string;
  httpVersion: string;
  /** The response headers as received (name, value pairs, original case). */
  headers: [string, string][];
  /** The media type, lower case, without parameters; "" when absent. */
  contentType: string;
  /** The charset parameter of Content-Type, when present. */
  charset: string | null;
  body: Buffer;
  /** The address the body came from (after the checks). */
  remoteAddress: string | null;
  fetchedAt: Date;
}

export const HTML_TYPES = ["text/html", "application/xhtml+xml"] as const;
const DEFAULTS = { maxBytes: 5_000_000, connectTimeoutMs: 5_000, timeoutMs: 15_000, maxRedirects: 5 };

const systemResolver: Resolver = (hostname) =>
  dns.promises.lookup(hostname, { all: true, verbatim: true }).then((addresses) =>
    addresses.map((entry) => ({ address: entry.address, family: entry.family === 6 ? 6 : 4 })),
  );

/** The host of an absolute URL exactly as written (lower case), before WHATWG URL normalises it. */
function hostAsWritten(input: string): string | null {
  const authority = /^[a-z][a-z0-9+.-]*:\/\/([^/?#\\]*)/i.exec(input.trim())?.[1];
  if (authority === undefined) return null;
  const hostPort = authority.slice(authority.lastIndexOf("@") + 1);
  if (hostPort.startsWith("[")) return hostPort.slice(0, hostPort.indexOf("]") + 1).toLowerCase();
  return hostPort.replace(/:\d*$/, "").toLowerCase();
}

/** Parses and checks a URL before anything is resolved. */
export function checkUrl(input: string, base?: URL): URL {
  let url: URL;
  try {
    url = new URL(input, base);
  } catch {
    throw new FetchError("invalid_url", "This is not a web address.");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new FetchError("invalid_url", "Only http and https addresses can be fetched.");
  }
  if (url.username || url.password) {
    throw new FetchError("invalid_url", "Addresses with a user name or password are not fetched.");
  }
  const literal = ipLiteral(url.hostname);
  const written = hostAsWritten(input);
  if (literal !== null && written !== null && written !== url.hostname) {
    throw new FetchError("refused_address", "This address is written in an unusual numeric form and is not fetched.");
  }
  const allowed = allowedHosts().has(literal ?? url.hostname.toLowerCase());
  if (!allowed && !publicFetchAllowed()) {
    throw new FetchError("refused_address", "This desk fetches pages only from the hosts its administrators allow.");
  }
  if (literal !== null && !allowed && !isPublicAddress(literal)) {
    throw new FetchError("refused_address", "This address belongs to a private or reserved network and is not fetched.");
  }
  return url;
}

/**
 * A `lookup` for node:net that resolves once and hands the socket only checked addresses.
 * A name with any disallowed address is refused whole: a mixed answer is a rebinding trick.
 */
function filteringLookup(resolver: Resolver, allowed: boolean, onRefused: (error: FetchError) => void): LookupFunction {
  return (hostname, options, callback) => {
    resolver(hostname).then(
      (addresses) => {
        if (addresses.length === 0) {
          const error = new FetchError("unresolvable", `The name ${hostname} has no address.`);
          onRefused(error);
          callback(error, "", 4);
          return;
        }
        if (!allowed && addresses.some((entry) => !isPublicAddress(entry.address))) {
          const error = new FetchError("refused_address", `${hostname} points to a private or reserved network and is not fetched.`);
          onRefused(error);
          callback(error, "", 4);
          return;
        }
        const family = typeof options.family === "number" ? options.family : 0;
        const usable = addresses.filter((entry) => family === 0 || entry.family === family);
        if (options.all) {
          callback(null, usable);
        } else {
          const first = usable[0] ?? addresses[0];
          callback(null, first?.address ?? "", first?.family ?? 4);
        }
      },
      (cause: unknown) => {
        const error = new FetchError("unresolvable", `The name ${hostname} could not be resolved.`, { cause });
        onRefused(error);
        callback(error, "", 4);
      },
    );
  };
}

function mediaTypeOf(header: string | undefined): { type: string; charset: string | null } {
  if (!header) return { type: "", charset: null };
  const [type = "", ...params] = header.split(";");
  const charset = params.map((param) => /^\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(param)?.[1]).find(Boolean) ?? null;
  return { type: type.trim().toLowerCase(), charset: charset ? charset.toLowerCase() : null };
}

function acceptedType(type: string, accepted: readonly string[]): boolean {
  return accepted.some((entry) => (entry.endsWith("/") ? type.startsWith(entry) : type === entry));
}

interface OneResponse {
  status: number;
  statusText: string;
  httpVersion: string;
  headers: [string, string][];
  location: string | null;
  body: Buffer;
  contentType: string;
  charset: string | null;
  remoteAddress: string | null;
}

function pairs(raw: string[]): [string, string][] {
  const out: [string, string][] = [];
  for (let i = 0; i + 1 < raw.length; i += 2) out.push([raw[i] ?? "", raw[i + 1] ?? ""]);
  return out;
}

function requestOnce(url: URL, options: Required<Omit<SafeFetchOptions, "signal" | "resolver">> & { resolver: Resolver; signal: AbortSignal }): Promise<OneResponse> {
  return new Promise<OneResponse>((resolve, reject) => {
    let refusal: FetchError | null = null;
    let settled = false;
    const finish = (error: Error | null, value?: OneResponse) => {
      if (settled) return;
      settled = true;
      clearTimeout(connectTimer);
      options.signal.removeEventListener("abort", onAbort);
      if (error) reject(error);
      else if (value) resolve(value);
    };
    const allowed = allowedHosts().has(ipLiteral(url.hostname) ?? url.hostname.toLowerCase());
    const lookup = filteringLookup(options.resolver, allowed, (error) => {
      refusal = error;
    });
    const transport = url.protocol === "https:" ? https : http;
    const request = transport.request(url, {
      method: "GET",
      lookup,
      agent: false,
      headers: {
        "user-agent": FACTDESK_USER_AGENT,
        accept: options.contentTypes.map((type) => (type.endsWith("/") ? `${type}*` : type)).join(", ") + ", */*;q=0.1",
        "accept-encoding": "identity",
        "accept-language": "en, *;q=0.5",
      },
    });
    const connectTimer = setTimeout(() => {
      refusal ??= new FetchError("timeout", `The server at ${url.host} did not accept a connection within ${Math.round(options.connectTimeoutMs / 1000)} s.`);
      request.destroy(refusal);
    }, options.connectTimeoutMs);
    request.on("socket", (socket) => {
      socket.once("connect", () => clearTimeout(connectTimer));
      socket.once("secureConnect", () => clearTimeout(connectTimer));
    });
    const onAbort = () => {
      const reason: unknown = options.signal.reason;
      request.destroy(reason instanceof FetchError ? reason : new FetchError("timeout", "The fetch was stopped."));
    };
    if (options.signal.aborted) return onAbort();
    options.signal.addEventListener("abort", onAbort, { once: true });

    request.on("error", (error) => {
      if (refusal) return finish(refusal);
      if (error instanceof FetchError) return finish(error);
      finish(new FetchError("network", `The server at ${url.host} could not be reached (${(error as NodeJS.ErrnoException).code ?? error.message}).`, { cause: error }));
    });
    request.on("response", (response) => {
      const status = response.statusCode ?? 0;
      const headers = pairs(response.rawHeaders);
      const location = status >= 300 && status < 400 ? (response.headers.location ?? null) : null;
      const { type, charset } = mediaTypeOf(response.headers["content-type"]);
      const base = {
        status,
        statusText: response.statusMessage ?? "",
        httpVersion: response.httpVersion,
        headers,
        location,
        contentType: type,
        charset,
        remoteAddress: response.socket.remoteAddress ?? null,
      };
      if (location !== null) {
        response.resume();
        return finish(null, { ...base, body: Buffer.alloc(0) });
      }
      if (status >= 200 && status < 300 && !acceptedType(type, options.contentTypes)) {
        finish(new FetchError("content_type", `The address answered with ${type || "an unnamed type of content"}, not a web page.`));
        request.destroy();
        return;
      }
      const declared = Number(response.headers["content-length"] ?? NaN);
      const tooLarge = () => new FetchError("too_large", `The page is larger than ${Math.round(options.maxBytes / 1_000_000)} MB.`);
      if (Number.isFinite(declared) && declared > options.maxBytes) {
        finish(tooLarge());
        request.destroy();
        return;
      }
      const chunks: Buffer[] = [];
      let received = 0;
      response.on("data", (chunk: Buffer) => {
        received += chunk.length;
        if (received > options.maxBytes) {
          finish(tooLarge());
          request.destroy();
          return;
        }
        chunks.push(chunk);
      });
      response.on("end", () => finish(null, { ...base, body: Buffer.concat(chunks) }));
      response.on("error", (error) => finish(error instanceof FetchError ? error : new FetchError("network", "The connection broke off before the page arrived.", { cause: error })));
      response.on("aborted", () => finish(new FetchError("network", "The connection broke off before the page arrived.")));
    });
    request.end();
  });
}

/**
 * Fetches `input` under the rules above. Resolves with the final response whatever its status
 * (callers decide what a 404 means); rejects with a `FetchError` for everything refused or failed.
 */
export async function safeFetch(input: string, options: SafeFetchOptions = {}): Promise<FetchedPage> {
  const settings = {
    maxBytes: options.maxBytes ?? DEFAULTS.maxBytes,
    connectTimeoutMs: options.connectTimeoutMs ?? DEFAULTS.connectTimeoutMs,
    timeoutMs: options.timeoutMs ?? DEFAULTS.timeoutMs,
    contentTypes: options.contentTypes ?? HTML_TYPES,
    maxRedirects: options.maxRedirects ?? DEFAULTS.maxRedirects,
    resolver: options.resolver ?? systemResolver,
  };
  const total = new AbortController();
  const timer = setTimeout(
    () => total.abort(new FetchError("timeout", `The page did not arrive within ${Math.round(settings.timeoutMs / 1000)} s.`)),
    settings.timeoutMs,
  );
  const onOuterAbort = () => total.abort(new FetchError("timeout", "The fetch was stopped."));
  options.signal?.addEventListener("abort", onOuterAbort, { once: true });
  try {
    let url = checkUrl(input);
    const chain = [url.toString()];
    for (let redirects = 0; ; redirects++) {
      const response = await requestOnce(url, { ...settings, signal: total.signal });
      if (response.location === null) {
        const { location: _location, ...rest } = response;
        return { ...rest, url: url.toString(), chain, fetchedAt: new Date() };
      }
      if (redirects >= settings.maxRedirects) {
        throw new FetchError("too_many_redirects", `The address redirected more than ${settings.maxRedirects} times.`);
      }
      url = checkRedirect(response.location, url);
      chain.push(url.toString());
    }
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener("abort", onOuterAbort);
  }
}

function checkRedirect(location: string, from: URL): URL {
  try {
    return checkUrl(location, from);
  } catch (error) {
    if (error instanceof FetchError && error.reason !== "invalid_url") throw error;
    throw new FetchError("invalid_url", "The page redirected to an address that cannot be fetched.");
  }
}
