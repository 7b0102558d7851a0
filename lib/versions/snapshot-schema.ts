/**
 * Reading a stored snapshot back (D5). Snapshots are written once and read for as long as the
 * version exists, by code that may be years newer than the code that wrote them, so a read
 * never trusts the JSON column: it looks at the snapshot's `format` and validates it with the
 * schema of that format. Each format keeps its schema here, unchanged, for as long as stored
 * snapshots of it may exist; a reader of an older format turns it into the current shape.
 *
 * A snapshot that is not an object, names a format this code does not know, or does not match
 * its format's schema raises `UnreadableSnapshotError`, whose message names the version and
 * what is wrong, instead of failing somewhere in a page or an export on a missing field.
 */
import type { JSONContent } from "@tiptap/core";
import { z } from "zod";
import { STANCES, VERDICTS } from "@/lib/claims/present";
import { PUBLISHED_CLAIM_STATUSES, SNAPSHOT_FORMAT, type VersionSnapshot } from "@/lib/versions/snapshot";

/** A stored snapshot that cannot be read: an unknown format, or content that does not match it. */
export class UnreadableSnapshotError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UnreadableSnapshotError";
  }
}

/** A ProseMirror document node as JSON: an object with a node type. Its content is checked by the editor's schema when rendered. */
const documentNode = z
  .custom<JSONContent>((value) => typeof value === "object" && value !== null && "type" in value && typeof value.type === "string", {
    message: "Expected a document node",
  })
  // How the API reference shows it (a custom check has no JSON Schema of its own).
  .meta({ override: { type: "object", required: ["type"], properties: { type: { type: "string" }, content: { type: "array", items: { type: "object" } } } } });

const person = z.object({ id: z.string(), name: z.string() });
// Written by toISOString(); not held to a stricter pattern than the writer keeps (a year past 9999 has six digits).
const timestamp = z.string().meta({ format: "date-time" });
const verdict = z.enum(VERDICTS);

/**
 * Format 1: the shape `buildSnapshot` writes since versions were first published. Being the
 * current format, it is also the snapshot's schema in the API reference
 * (lib/openapi/responses/versions.ts).
 */
export const SnapshotFormat1 = z.object({
  format: z.literal(1),
  articleId: z.string(),
  number: z.number().int().positive(),
  publishedAt: timestamp,
  publishedBy: person,
  note: z.string().nullable(),
  article: z.object({
    title: z.string(),
    outlet: z.string().nullable(),
    author: z.string().nullable(),
    url: z.string().nullable(),
    publishedAt: timestamp.nullable(),
    // Written since articles have a language (ISO 639-1); absent from snapshots written before,
    // which are English. Optional, so every snapshot stored before still reads the same.
    language: z.string().regex(/^[a-z]{2}$/).optional(),
  }),
  revision: z.object({ id: z.string(), number: z.number().int().positive(), text: z.string(), doc: documentNode }),
  claims: z.array(
    z.object({
      id: z.string(),
      exact: z.string(),
      prefix: z.string(),
      suffix: z.string(),
      start: z.number().int().nonnegative(),
      end: z.number().int().nonnegative(),
      claimant: z.string().nullable(),
      status: z.enum(PUBLISHED_CLAIM_STATUSES),
      verdict: verdict.nullable(),
      verdicts: z.array(verdict),
      verifications: z.array(
        z.object({
          id: z.string(),
          version: z.number().int().positive(),
          verdict,
          rationale: documentNode,
          rationaleText: z.string(),
          author: person,
          createdAt: timestamp,
        }),
      ),
      sources: z.array(
        z.object({
          id: z.string(),
          version: z.number().int().positive(),
          url: z.string(),
          title: z.string(),
          publisher: z.string().nullable(),
          excerpt: z.string().nullable(),
          stance: z.enum(STANCES),
          author: person,
          createdAt: timestamp,
          // Written since sources' archived copies are cited; absent from snapshots written
          // before, and for sources without a copy. Optional, so older snapshots read the same.
          archive: z
            .object({ id: z.string(), archivedAt: timestamp, sha256: z.string().nullable(), url: z.string() })
            .optional(),
        }),
      ),
    }),
  ),
}) satisfies z.ZodType<VersionSnapshot>;

/** Every format a stored snapshot may have, each with its schema. Add one when `SNAPSHOT_FORMAT` changes; never edit an old one. */
const FORMATS: ReadonlyMap<number, z.ZodType<VersionSnapshot>> = new Map([[SNAPSHOT_FORMAT, SnapshotFormat1]]);

const withFormat = z.object({ format: z.number() });

/** Where an issue is, as a path a person can follow: `claims[3].sources[0].url`. */
function pathOf(path: readonly PropertyKey[]): string {
  return path.reduce<string>((text, key) => (typeof key === "number" ? `${text}[${key}]` : text ? `${text}.${String(key)}` : String(key)), "") || "(the snapshot)";
}

/**
 * The snapshot stored for a version, validated by its format. `where` names the version in
 * the error ("version 3 of article …"). Throws `UnreadableSnapshotError`.
 */
export function readStoredSnapshot(value: unknown, where: string): VersionSnapshot {
  const head = withFormat.safeParse(value);
  if (!head.success) {
    throw new UnreadableSnapshotError(`The snapshot of ${where} has no format number; it cannot be read.`);
  }
  const schema = FORMATS.get(head.data.format);
  if (!schema) {
    const known = [...FORMATS.keys()].join(", ");
    throw new UnreadableSnapshotError(
      `The snapshot of ${where} has format ${head.data.format}, which this version of Factdesk cannot read (it reads format ${known}).`,
    );
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 3).map((issue) => `${pathOf(issue.path)}: ${issue.message}`);
    const more = parsed.error.issues.length > 3 ? ` (and ${parsed.error.issues.length - 3} more)` : "";
    throw new UnreadableSnapshotError(`The snapshot of ${where} is damaged: ${issues.join("; ")}${more}.`);
  }
  return parsed.data;
}
