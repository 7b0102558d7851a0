/**
 * Response security headers (OWASP ASVS V3/V14). The Content-Security-Policy carries a fresh
 * nonce per request: Next.js streams inline bootstrap scripts, which only a nonce with
 * 'strict-dynamic' can allow without 'unsafe-inline' for scripts.
 */

/** The Content-Security-Policy for a page rendered with `nonce`. */
export function contentSecurityPolicy(nonce: string, { development = false }: { development?: boolean } = {}): string {
  const directives = [
    "default-src 'self'",
    // React's development build evaluates code; production never does.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    // Tiptap and the claim highlights set style attributes; styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ];
  return directives.join("; ");
}

/**
 * The Content-Security-Policy of API answers: JSON, event streams and export downloads, none
 * of which runs a script or loads anything. It is static, so it is set by next.config.ts and
 * the proxy (proxy.ts) does not run for API requests: a nonce is only needed by pages, and the
 * proxy cost every API request about as much CPU as the route itself.
 */
export const API_CONTENT_SECURITY_POLICY =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/**
 * The policy of an archived copy of a cited page (`/api/archives/:id`): `sandbox` gives it an
 * opaque origin (no script runs, no cookie or storage of the app is reachable), and nothing but
 * its inline style and data: images may load.
 */
export const ARCHIVE_COPY_CSP =
  "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** Headers every response gets, whatever serves it. */
export const STATIC_SECURITY_HEADERS: ReadonlyArray<{ key: string; value: string }> = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
];

/** HSTS, sent only when the request reached us over https (through a TLS-terminating proxy). */
export const HSTS = "max-age=31536000; includeSubDomains";
