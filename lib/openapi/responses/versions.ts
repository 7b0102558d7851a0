/** Response schemas of published versions, checked against lib/versions/present.ts and snapshot.ts. */
import { z } from "zod";
import type { PublishedVersionDTO, VersionSummaryDTO } from "@/lib/versions/present";
import { PUBLISHED_CLAIM_STATUSES, SNAPSHOT_FORMAT, type VersionSnapshot } from "@/lib/versions/snapshot";
import { Stance, Verdict } from "@/lib/openapi/responses/claims";
import { Person, RichTextDocument, Timestamp } from "@/lib/openapi/responses/common";
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

export const VersionSnapshotSchema = z
  .object({
    format: z.literal(SNAPSHOT_FORMAT),
    articleId: z.string(),
    number: z.number().int(),
    publishedAt: Timestamp,
    publishedBy: Person,
    note: z.string().nullable(),
    article: z.object({
      title: z.string(),
      outlet: z.string().nullable(),
      author: z.string().nullable(),
      url: z.string().nullable(),
      publishedAt: Timestamp.nullable(),
    }),
    revision: z.object({ id: z.string(), number: z.number().int(), text: z.string(), doc: RichTextDocument }),
    claims: z.array(
      z.object({
        id: z.string(),
        exact: z.string(),
        prefix: z.string(),
        suffix: z.string(),
        start: z.number().int(),
        end: z.number().int(),
        claimant: z.string().nullable(),
        status: PublishedClaimStatus,
        verdict: Verdict.nullable(),
        verdicts: z.array(Verdict),
        verifications: z.array(
          z.object({
            id: z.string(),
            version: z.number().int(),
            verdict: Verdict,
            rationale: RichTextDocument,
            rationaleText: z.string(),
            author: Person,
            createdAt: Timestamp,
          }),
        ),
        sources: z.array(
          z.object({
            id: z.string(),
            version: z.number().int(),
            url: z.string(),
            title: z.string(),
            publisher: z.string().nullable(),
            excerpt: z.string().nullable(),
            stance: Stance,
            author: Person,
            createdAt: Timestamp,
          }),
        ),
      }),
    ),
  })
  .meta({ id: "VersionSnapshot", description: "Everything a public reader and every export needs, frozen when the version was published." });
sameType<z.output<typeof VersionSnapshotSchema>, VersionSnapshot>(true);

const url = z.string().meta({ description: "The version's public page." });

/** A version as the API answers it: the DTO and its public address. */
export const PublishedVersionSummary = z.object({ ...versionSummaryFields, url }).meta({ id: "PublishedVersionSummary" });
sameType<Omit<z.output<typeof PublishedVersionSummary>, "url">, VersionSummaryDTO>(true);

export const PublishedVersion = z
  .object({ ...versionSummaryFields, snapshot: VersionSnapshotSchema, url })
  .meta({ id: "PublishedVersion" });
sameType<Omit<z.output<typeof PublishedVersion>, "url">, PublishedVersionDTO>(true);
