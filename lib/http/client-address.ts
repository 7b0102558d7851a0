/**
 * The client address of a request, for the sign-in limits and the audit log.
 *
 * By default it is the address of the TCP connection (stamped by scripts/serve.mjs, see
 * connection-stamp.mjs); `X-Forwarded-For` is ignored, since a client can write anything
 * there. Behind reverse proxies the connection comes from the nearest proxy, so the operator
 * declares them in `FACTDESK_TRUSTED_PROXIES`, and only then is `X-Forwarded-For` read, from
 * the right, and only as far as the declared proxies vouch for it:
 *
 * - a number of hops, e.g. `1` for a single reverse proxy: the address that many hops before
 *   the connection (the proxy appended the address it saw; anything left of it is the client's
 *   own claim and is skipped);
 * - a comma-separated list of addresses and CIDR ranges, e.g. `10.0.0.0/8, 127.0.0.1`: the
 *   rightmost address of the chain (the forwarded hops, then the connection) that is not a
 *   trusted proxy.
 *
 * Without a stamping server (code run outside `npm start`, e.g. `next start` directly) the
 * connection is unknown and so is the address: "unknown" is never limited per address, which
 * is safer than trusting a header.
 */
import { BlockList, isIP } from "node:net";
import { CONNECTION_HEADER, stampingServer } from "@/lib/http/connection-stamp.mjs";

export const UNKNOWN_ADDRESS = "unknown";

type HeaderSource = Headers | Record<string, string | string[] | undefined> | undefined;

export type TrustedProxies = { kind: "none" } | { kind: "hops"; hops: number } | { kind: "list"; list: BlockList; source: string };

/** `::ffff:192.0.2.1` → `192.0.2.1`; other addresses unchanged. */
export function normalizeAddress(address: string): string {
  const trimmed = address.trim().replace(/^\[(.*)\]$/, "$1");
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(trimmed);
  return mapped?.[1] ?? trimmed;
}

/**
 * Parses `FACTDESK_TRUSTED_PROXIES`. A malformed value throws, naming the variable: guessing
 * would either trust a forged header or record the proxy as every client.
 */
export function parseTrustedProxies(raw: string | undefined): TrustedProxies {
  const value = raw?.trim() ?? "";
  if (value === "") return { kind: "none" };
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    if (!Number.isSafeInteger(hops)) throw new Error(`FACTDESK_TRUSTED_PROXIES: "${value}" is not a usable number of hops.`);
    return hops === 0 ? { kind: "none" } : { kind: "hops", hops };
  }
  const list = new BlockList();
  for (const entry of value.split(",").map((part) => part.trim()).filter(Boolean)) {
    const [addressPart = "", prefixPart] = entry.split("/");
    const address = normalizeAddress(addressPart);
    const family = isIP(address);
    if (family === 0) throw new Error(`FACTDESK_TRUSTED_PROXIES: "${entry}" is neither a number of hops nor an address or CIDR range.`);
    const type = family === 4 ? "ipv4" : "ipv6";
    const max = family === 4 ? 32 : 128;
    const prefix = prefixPart === undefined ? max : Number(prefixPart);
    if (!/^\d+$/.test(prefixPart ?? String(max)) || prefix > max) {
      throw new Error(`FACTDESK_TRUSTED_PROXIES: "${entry}" has a bad prefix length.`);
    }
    list.addSubnet(address, prefix, type);
  }
  return { kind: "list", list, source: value };
}

let cached: { raw: string | undefined; parsed: TrustedProxies } | null = null;

/** The trusted proxies of this deployment, read from the environment (parsed once per value). */
export function trustedProxies(): TrustedProxies {
  const raw = process.env.FACTDESK_TRUSTED_PROXIES;
  if (!cached || cached.raw !== raw) cached = { raw, parsed: parseTrustedProxies(raw) };
  return cached.parsed;
}

function isTrusted(list: BlockList, address: string): boolean {
  const family = isIP(address);
  if (family === 0) return false;
  return list.check(address, family === 4 ? "ipv4" : "ipv6");
}

/**
 * The client address given the connection's address and the `X-Forwarded-For` values, under
 * `proxies`. Pure: the rules above, without reading the environment.
 */
export function resolveClientAddress(connection: string | null, forwardedFor: string | null, proxies: TrustedProxies): string {
  if (!connection) return UNKNOWN_ADDRESS;
  const peer = normalizeAddress(connection);
  if (proxies.kind === "none") return peer;
  const forwarded = (forwardedFor ?? "")
    .split(",")
    .map((part) => normalizeAddress(part))
    .filter((part) => part !== "");
  const chain = [...forwarded, peer];
  if (proxies.kind === "hops") return chain[Math.max(0, chain.length - 1 - proxies.hops)] ?? peer;
  for (let index = chain.length - 1; index >= 0; index -= 1) {
    const hop = chain[index] ?? "";
    if (!isTrusted(proxies.list, hop)) return hop;
  }
  // Every hop is a trusted proxy: the request started at one of them.
  return chain[0] ?? peer;
}

function headerValue(headers: HeaderSource, name: string): string | null {
  if (!headers) return null;
  if (headers instanceof Headers) return headers.get(name);
  const value = headers[name];
  return Array.isArray(value) ? value.join(", ") : (value ?? null);
}

/** The client address of a request with these headers (see the top of this file). */
export function clientAddress(headers: HeaderSource): string {
  if (!stampingServer()) return UNKNOWN_ADDRESS;
  return resolveClientAddress(headerValue(headers, CONNECTION_HEADER), headerValue(headers, "x-forwarded-for"), trustedProxies());
}
