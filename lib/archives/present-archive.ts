/** A source annotation's archive state, as every read of the annotation carries it. */
import type { Prisma } from "@/lib/db";
import type { z } from "zod";
import type { SourceArchiveSchema } from "@/lib/archives/schemas";

/** `archive` of a source annotation: the newest copy attempt of its current address; null when none was requested. */
export type SourceArchiveDTO = z.infer<typeof SourceArchiveSchema>;

/** The columns the DTO needs (never the WARC record or the text): the newest attempt only. */
export const latestArchiveSelect = {
  orderBy: [{ requestedAt: "desc" }, { id: "desc" }],
  take: 1,
  select: { id: true, url: true, status: true, archivedAt: true, sha256: true, httpStatus: true, error: true, waybackUrl: true },
} as const satisfies Prisma.Annotation$archivesArgs;

export type ArchiveSummaryRow = Prisma.SourceArchiveGetPayload<{ select: (typeof latestArchiveSelect)["select"] }>;

/**
 * What a link to an archived copy says to screen readers: whose copy and when it was taken
 * ("Archived copy of Annual traffic counts, 27 Feb 2024"), since "archived copy" alone names
 * neither when a list holds several.
 */
export function archivedCopyLabel(title: string, when: string): string {
  return `Archived copy of ${title.trim() || "the source"}, ${when}`;
}

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
    waybackUrl: latest.status === "archived" ? latest.waybackUrl : null,
  };
}
