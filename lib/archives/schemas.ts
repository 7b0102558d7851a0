/** The archive state of a source annotation, as the API answers it (the DTO's type is derived from it). */
import { z } from "zod";

export const SourceArchiveSchema = z
  .object({
    status: z.enum(["pending", "archived", "failed"]),
    archivedAt: z.iso.datetime().nullable().describe("When the copy was taken; null until archived."),
    url: z.string().nullable().describe("Where the copy is viewed (GET /api/archives/{id}); null until archived."),
    sha256: z.string().regex(/^[0-9a-f]{64}$/).nullable().describe("sha256 of the page's body as received."),
    httpStatus: z.number().int().nullable().describe("The HTTP status the page answered with."),
    error: z.string().nullable().describe("Why the copy failed, in words; null unless failed."),
    waybackUrl: z
      .string()
      .nullable()
      .describe("The Internet Archive's copy of the page, when the desk asks Save Page Now for one (FACTDESK_WAYBACK=on) and it made one."),
  })
  .describe("The copy of a cited page taken in the background; null on a source when none was requested.");
