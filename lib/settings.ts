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
 * The origin public links are built on (published versions, their exports): `NEXTAUTH_URL`
 * when set, which is the desk's canonical address, else the origin the request came to.
 * Fixed per deployment, so the same request always gets the same export bytes (D5).
 */
export function publicBaseUrl(requestUrl: string): string {
  const configured = process.env.NEXTAUTH_URL?.trim();
  const base = configured ? configured : new URL(requestUrl).origin;
  return base.replace(/\/+$/, "");
}

/**
 * Who publishes the desk's fact checks (ClaimReview's author): `FACTDESK_ORGANIZATION_NAME`,
 * default "Factdesk", at the desk's public address.
 */
export function publisherOrganization(baseUrl: string): { name: string; url: string } {
  const name = process.env.FACTDESK_ORGANIZATION_NAME?.trim();
  return { name: name ? name : "Factdesk", url: baseUrl };
}
