/**
 * What an export needs besides the snapshot: where the desk is served from and who publishes
 * its fact checks. Passed in explicitly (the route reads the environment and the request), so
 * every export stays a pure function of its inputs (D5): same snapshot and context, same bytes.
 */
import { claimAnchor, versionTextUrl, versionUrl } from "@/lib/versions/urls";
import type { VersionSnapshot } from "@/lib/versions/snapshot";

export interface ExportContext {
  /** The origin (and base path, if any) the public pages are served from, e.g. "https://desk.example.org". */
  baseUrl: string;
  /** The publisher of the fact checks: ClaimReview's author, the W3C collection's generator. */
  organization: { name: string; url: string };
}

/** The public URL of the snapshot's version. */
export function snapshotUrl(snapshot: Pick<VersionSnapshot, "articleId" | "number">, context: ExportContext): string {
  return versionUrl(context.baseUrl, snapshot.articleId, snapshot.number);
}

/** The public URL of the snapshot's text as plain text (the target of its W3C annotations). */
export function snapshotTextUrl(snapshot: Pick<VersionSnapshot, "articleId" | "number">, context: ExportContext): string {
  return versionTextUrl(context.baseUrl, snapshot.articleId, snapshot.number);
}

/** The public URL of a claim on the snapshot's page: the version's URL with the claim's anchor. */
export function claimUrl(snapshot: Pick<VersionSnapshot, "articleId" | "number">, claimId: string, context: ExportContext): string {
  return `${snapshotUrl(snapshot, context)}#${claimAnchor(claimId)}`;
}
