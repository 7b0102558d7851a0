/** The outline of an OpenAPI 3.1 document, as `GET /api/openapi.json` answers it. */
import { z } from "zod";

export const OpenApiObjectSchema = z
  .looseObject({ openapi: z.string(), info: z.looseObject({ title: z.string(), version: z.string() }), paths: z.record(z.string(), z.looseObject({})) })
  .meta({ id: "OpenApiDocument", description: "An OpenAPI 3.1 document (https://spec.openapis.org/oas/v3.1.0)." });
