/**
 * Response schemas of published versions, checked against lib/versions/present.ts and snapshot.ts.
 * The snapshot's schema is the one stored snapshots of the current format are read with.
 */
import { z } from "zod";
import type { PublishedVersionDTO, VersionSummaryDTO } from "@/lib/versions/present";
import { PUBLISHED_CLAIM_STATUSES, type VersionSnapshot } from "@/lib/versions/snapshot";
import { SnapshotFormat1 } from "@/lib/versions/snapshot-schema";
import { Person, Timestamp } from "@/lib/openapi/responses/common";
import { sameType } from "@/lib/openapi/same-type";

const PublishedClaimStatus = z.enum(PUBLISHED_CLAIM_STATUSES);

const versionSummaryFields = {
  id: z.string(),
  articleId: z.string(),
  number: z.number().int(),
  publishedAt: Timestamp,
  publishedBy: Person,
  note: z.string().nullable(),
  sha256: z.string().meta({ description: "sha256 (hex) of the snapshot's canonical JSON." }),
  revisionNumber: z.number().int(),
  counts: z.record(PublishedClaimStatus, z.number().int()).meta({ description: "Claims of each public status in this version." }),
};

export const VersionSummary = z.object(versionSummaryFields).meta({ id: "VersionSummary" });
sameType<z.output<typeof VersionSummary>, VersionSummaryDTO>(true);

export const VersionSnapshotSchema = SnapshotFormat1.meta({ id: "VersionSnapshot", description: "Everything a public reader and every export needs, frozen when the version was published." });
sameType<z.output<typeof VersionSnapshotSchema>, VersionSnapshot>(true);

const url = z.string().meta({ description: "The version's public page." });

/** A version as the API answers it: the DTO and its public address. */
export const PublishedVersionSummary = z.object({ ...versionSummaryFields, url }).meta({ id: "PublishedVersionSummary" });
sameType<Omit<z.output<typeof PublishedVersionSummary>, "url">, VersionSummaryDTO>(true);

export const PublishedVersion = z
  .object({ ...versionSummaryFields, snapshot: VersionSnapshotSchema, url })
  .meta({ id: "PublishedVersion" });
sameType<Omit<z.output<typeof PublishedVersion>, "url">, PublishedVersionDTO>(true);
