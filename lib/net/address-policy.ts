/**
 * Which addresses the server may fetch from: public unicast addresses only, unless the operator
 * named the host in `FACTDESK_FETCH_ALLOW`. Loopback, private, link-local, carrier-grade NAT,
 * multicast, broadcast, unspecified, documentation and other reserved IPv4 and IPv6 ranges are
 * refused, and so are the IPv6 forms that carry an IPv4 address (IPv4-mapped, NAT64, 6to4, Teredo)
 * unless the IPv4 address inside is public. The classification is ipaddr.js's.
 */
import ipaddr from "ipaddr.js";

/** True when `address` (an IP literal) is a public unicast address. */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  // process() turns an IPv4-mapped IPv6 address (::ffff:10.0.0.1) into its IPv4 address.
  return ipaddr.process(address).range() === "unicast";
}

/** The IP literal a hostname is, without IPv6 brackets; null for a name. */
export function ipLiteral(hostname: string): string | null {
  const bare = hostname.startsWith("[") && hostname.endsWith("]") ? hostname.slice(1, -1) : hostname;
  return ipaddr.isValid(bare) && (ipaddr.IPv6.isValid(bare) || ipaddr.IPv4.isValidFourPartDecimal(bare)) ? bare : null;
}

/**
 * `FACTDESK_FETCH_PUBLIC=off` restricts fetching to the hosts of `FACTDESK_FETCH_ALLOW`: a desk
 * without access to the web, and every test run, which must never reach beyond loopback.
 * Anything else than `off` (the default `on`) lets public addresses through.
 */
export function publicFetchAllowed(): boolean {
  return (process.env.FACTDESK_FETCH_PUBLIC ?? "on").trim().toLowerCase() !== "off";
}

/**
 * Hosts the operator allows although they resolve to internal addresses:
 * `FACTDESK_FETCH_ALLOW`, a comma- or space-separated list of host names or IP addresses
 * (`wiki.intranet,10.1.2.3`). Matched against the URL's host as WHATWG URL normalises it, in
 * lower case; nothing else about the address is relaxed.
 */
export function allowedHosts(): Set<string> {
  const raw = process.env.FACTDESK_FETCH_ALLOW ?? "";
  return new Set(
    raw
      .split(/[\s,]+/)
      .map((entry) => entry.trim().toLowerCase())
      .filter(Boolean)
      .map((entry) => (entry.startsWith("[") && entry.endsWith("]") ? entry.slice(1, -1) : entry)),
  );
}
