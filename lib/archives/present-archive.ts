/** A source annotation's archive state, as every read of the annotation carries it. */
import type { Prisma } from "@/lib/db";

export type ArchiveStatusDTO = "pending" | "archived" | "failed";

/** `archive` of a source annotation: the newest copy attempt of its current address; null when none was requested. */
export interface SourceArchiveDTO {
  status: ArchiveStatusDTO;
  /** When the copy was taken (ISO 8601); null until archived. */
  archivedAt: string | null;
  /** Where the copy is viewed (a sandboxed, script-free page); null until archived. */
  url: string | null;
  /** sha256 of the page as received, hex; null until archived. */
  sha256: string | null;
  /** The HTTP status the page answered with, when it answered. */
  httpStatus: number | null;
  /** Why the copy failed, in words; null unless failed. */
  error: string | null;
}

/** The columns the DTO needs (never the WARC record or the text): the newest attempt only. */
export const latestArchiveSelect = {
  orderBy: [{ requestedAt: "desc" }, { id: "desc" }],
  take: 1,
  select: { id: true, url: true, status: true, archivedAt: true, sha256: true, httpStatus: true, error: true },
} as const satisfies Prisma.Annotation$archivesArgs;

export type ArchiveSummaryRow = Prisma.SourceArchiveGetPayload<{ select: (typeof latestArchiveSelect)["select"] }>;

/** Where an archived copy is served. */
export function archiveCopyPath(archiveId: string): string {
  return `/api/archives/${archiveId}`;
}

/** The archive state for an annotation whose current address is `currentUrl`. */
export function presentArchive(rows: readonly ArchiveSummaryRow[], currentUrl: string | null): SourceArchiveDTO | null {
  const latest = rows[0];
  if (!latest || currentUrl === null || latest.url !== currentUrl) return null;
  return {
    status: latest.status,
    archivedAt: latest.archivedAt ? latest.archivedAt.toISOString() : null,
    url: latest.status === "archived" ? archiveCopyPath(latest.id) : null,
    sha256: latest.sha256,
    httpStatus: latest.httpStatus,
    error: latest.status === "failed" ? latest.error : null,
  };
}
