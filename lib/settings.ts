/**
 * Desk settings read from the environment, in one place.
 *
 * `FACTDESK_REQUIRED_APPROVALS` — how many approvals (by distinct reviewers, of the same
 * version, D3) an annotation needs before it counts as approved. A whole number ≥ 1;
 * default 1. Read on every call rather than once at start, so tests can change it
 * (`vi.stubEnv`) and every app instance agrees with its own environment. Changing it does
 * not re-judge annotations already approved or still waiting: the next review of a waiting
 * annotation compares its approvals with the new figure.
 */

/** The default of `FACTDESK_REQUIRED_APPROVALS`. */
export const DEFAULT_REQUIRED_APPROVALS = 1;

/**
 * Approvals of the current version an annotation needs to become approved. A malformed
 * value is a misconfiguration that would silently change who may approve what, so it
 * throws, naming the variable, rather than falling back to the default.
 */
export function requiredApprovals(): number {
  const raw = process.env.FACTDESK_REQUIRED_APPROVALS?.trim();
  if (raw === undefined || raw === "") return DEFAULT_REQUIRED_APPROVALS;
  if (!/^\d+$/.test(raw) || Number(raw) < 1 || !Number.isSafeInteger(Number(raw))) {
    throw new Error(`FACTDESK_REQUIRED_APPROVALS must be a whole number of at least 1 (got "${raw}").`);
  }
  return Number(raw);
}

/**
 * The desk's public origin, which every absolute link is built on (published versions, their
 * exports, the curl example on the settings page, next-auth's redirects, and any email):
 * `FACTDESK_PUBLIC_URL`, else `NEXTAUTH_URL`, else `http://localhost:$PORT`. Never the
 * request's `Host` or `X-Forwarded-Host`: those are the client's to write, and a link built on
 * them would point wherever a forged request said. Fixed per deployment, so the same request
 * always gets the same export bytes (D5). A value that is not an http(s) URL throws, naming
 * the variable.
 */
export function publicOrigin(): string {
  for (const name of ["FACTDESK_PUBLIC_URL", "NEXTAUTH_URL"] as const) {
    const raw = process.env[name]?.trim();
    if (!raw) continue;
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      throw new Error(`${name} must be an absolute http(s) URL (got "${raw}").`);
    }
    if (url.protocol !== "http:" && url.protocol !== "https:") throw new Error(`${name} must be an http(s) URL (got "${raw}").`);
    return url.origin;
  }
  return `http://localhost:${process.env.PORT?.trim() || "3000"}`;
}

/**
 * Who publishes the desk's fact checks (ClaimReview's author): `FACTDESK_ORGANIZATION_NAME`,
 * default "Factdesk", at the desk's public address.
 */
export function publisherOrganization(baseUrl: string): { name: string; url: string } {
  const name = process.env.FACTDESK_ORGANIZATION_NAME?.trim();
  return { name: name ? name : "Factdesk", url: baseUrl };
}
