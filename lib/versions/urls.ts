/** Where a published version lives on the web: one definition for pages, routes and exports. */

/** The path of a version's public page. */
export function versionPath(articleId: string, number: number): string {
  return `/v/${encodeURIComponent(articleId)}/${number}`;
}

/** The absolute URL of a version's public page under `baseUrl` (an origin, perhaps with a path). */
export function versionUrl(baseUrl: string, articleId: string, number: number): string {
  return `${baseUrl.replace(/\/+$/, "")}${versionPath(articleId, number)}`;
}

/**
 * The path of a version's text as plain text: exactly the canonical text its claims' selectors
 * describe (D2), the representation W3C annotations of the version target.
 */
export function versionTextPath(articleId: string, number: number): string {
  return `/api/articles/${encodeURIComponent(articleId)}/versions/${number}/text`;
}

/** The absolute URL of a version's plain text under `baseUrl`. */
export function versionTextUrl(baseUrl: string, articleId: string, number: number): string {
  return `${baseUrl.replace(/\/+$/, "")}${versionTextPath(articleId, number)}`;
}

/** The anchor of a claim on a version's page (stable across versions: claim ids do not change). */
export function claimAnchor(claimId: string): string {
  return `claim-${claimId}`;
}

/** The path of the export of a version in `format`. */
export function exportPath(articleId: string, number: number, format: string): string {
  return `/api/articles/${encodeURIComponent(articleId)}/versions/${number}/export?format=${encodeURIComponent(format)}`;
}

/** The path of the diff page between two versions. */
export function diffPath(articleId: string, from: number, to: number): string {
  return `/v/${encodeURIComponent(articleId)}/diff?from=${from}&to=${to}`;
}
