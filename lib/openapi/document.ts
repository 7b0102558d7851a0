/**
 * The OpenAPI 3.1 document of the HTTP API, generated from the route descriptions in
 * `lib/openapi/routes/` (whose schemas are the ones the code parses with and presents) by
 * zod-openapi. Served at `GET /api/openapi.json` and rendered at `/api-docs`.
 */
import { z } from "zod";
import {
  createDocument,
  type ZodOpenApiObject,
  type ZodOpenApiOperationObject,
  type ZodOpenApiResponseObject,
} from "zod-openapi";
import type { AppErrorCode } from "@/lib/errors";
import type { RouteDoc } from "@/lib/openapi/route-doc";
import { allRoutes } from "@/lib/openapi/routes";
import { sameType } from "@/lib/openapi/same-type";
import { SESSION_COOKIE } from "@/lib/openapi/session-cookie";

/** Every `error.code` an answer can carry: the domain's codes, and `internal` for a bug. */
export const ERROR_CODES = [
  "invalid_input",
  "unauthenticated",
  "forbidden",
  "not_found",
  "conflict",
  "stale_version",
  "payload_too_large",
  "unsupported_media_type",
  "unprocessable",
  "rate_limited",
  "unavailable",
  "internal",
] as const;
sameType<(typeof ERROR_CODES)[number], AppErrorCode | "internal">(true);

/** The body of every answer with a status of 400 or more (lib/http/respond.ts). */
export const ErrorBody = z
  .object({
    error: z
      .looseObject({
        code: z.enum(ERROR_CODES),
        message: z.string().meta({ description: "A sentence for people: what went wrong and what to do." }),
        fields: z
          .record(z.string(), z.string())
          .optional()
          .meta({ description: "For `invalid_input`: each refused field (dotted path, `_` for the whole body) with its message." }),
      })
      .meta({
        description:
          "Some errors carry details as further properties, e.g. `currentVersion` with `stale_version` (the version to edit from).",
      }),
  })
  .meta({ id: "Error", description: "The error shape of every answer with a status of 400 or more." });


const SECURITY: Record<string, string[]>[] = [{ sessionCookie: [] }, { bearerToken: [] }];

const GENERIC_ERRORS: Record<number, string> = {
  400: "Invalid input: the body or a parameter was refused (`fields` names each one).",
  401: "Not signed in, or the access token is malformed, unknown or revoked.",
  403: "Signed in, but this account may not do this.",
  413: "The request body is too large.",
  415: "The request body is not `application/json`.",
  503: "The database cannot be reached; try again after `Retry-After` seconds.",
};

/** The statuses every route of this kind can answer besides the ones its entry lists. */
function genericStatuses(route: RouteDoc): number[] {
  const statuses = [503];
  if (route.access !== "public") statuses.push(401);
  if (route.access === "editor" || route.access === "admin") statuses.push(403);
  if (route.body) statuses.push(400, 413, 415);
  return statuses;
}

function headersOf(headers: Record<string, string> | undefined) {
  if (!headers) return undefined;
  return Object.fromEntries(Object.entries(headers).map(([name, description]) => [name, { description, schema: { type: "string" as const } }]));
}

function response(status: number, doc: RouteDoc["responses"][number]): ZodOpenApiResponseObject {
  const headers = headersOf(doc.headers);
  if (status >= 400) {
    return { description: doc.description, headers, content: { "application/json": { schema: ErrorBody } } };
  }
  if (doc.content) {
    return {
      description: doc.description,
      headers,
      content: Object.fromEntries(Object.entries(doc.content).map(([type, schema]) => [type, schema ? { schema } : {}])),
    };
  }
  if (!doc.schema) return { description: doc.description, headers, ...(doc.contentType ? { content: { [doc.contentType]: {} } } : {}) };
  return { description: doc.description, headers, content: { [doc.contentType ?? "application/json"]: { schema: doc.schema } } };
}

/** `post /api/articles/{id}/claims` → `postApiArticlesIdClaims`. */
export function operationId(route: Pick<RouteDoc, "method" | "path">): string {
  const words = route.path.split(/[^A-Za-z0-9]+/).filter(Boolean);
  return route.method + words.map((word) => word[0]!.toUpperCase() + word.slice(1)).join("");
}

/** Parameters are described by a zod object, one property per parameter. */
function zodObject(route: RouteDoc, key: "params" | "query"): z.ZodObject | undefined {
  const schema = route[key];
  if (schema === undefined) return undefined;
  if (schema instanceof z.ZodObject) return schema;
  throw new Error(`${route.method.toUpperCase()} ${route.path}: \`${key}\` must be a zod object.`);
}

const ACCESS_NOTE: Record<RouteDoc["access"], string> = {
  public: "Public: no sign-in needed.",
  session: "Any signed-in account (session cookie or access token).",
  editor: "Editors and administrators.",
  admin: "Administrators only.",
};

function operation(route: RouteDoc): ZodOpenApiOperationObject {
  const responses: Record<string, ZodOpenApiResponseObject> = {};
  for (const [status, doc] of Object.entries(route.responses)) responses[status] = response(Number(status), doc);
  for (const status of genericStatuses(route)) {
    responses[String(status)] ??= response(status, {
      description: GENERIC_ERRORS[status]!,
      ...(status === 503 ? { headers: { "Retry-After": "Seconds to wait before trying again." } } : {}),
    });
  }
  const path = zodObject(route, "params");
  const query = zodObject(route, "query");
  const requestParams = path || query ? { ...(path ? { path } : {}), ...(query ? { query } : {}) } : undefined;
  const operation: ZodOpenApiOperationObject = {
    operationId: operationId(route),
    summary: route.summary,
    description: [route.description, ACCESS_NOTE[route.access]].filter(Boolean).join("\n\n"),
    tags: route.tags,
    security: route.access === "public" ? [] : SECURITY,
    "x-access": route.access,
    ...(requestParams ? { requestParams } : {}),
    ...(route.body ? { requestBody: { required: true, content: { "application/json": { schema: route.body } } } } : {}),
    responses,
  };
  return operation;
}

/** Builds the document from route descriptions (all of them unless told otherwise). */
export function buildOpenApiDocument(routes: readonly RouteDoc[] = allRoutes) {
  const paths: NonNullable<ZodOpenApiObject["paths"]> = {};
  for (const route of routes) {
    const item = (paths[route.path] ??= {});
    if (item[route.method]) throw new Error(`Two entries describe ${route.method.toUpperCase()} ${route.path}.`);
    item[route.method] = operation(route);
  }
  // In the order the areas come in `allRoutes`: the reference reads top to bottom.
  const tags = [...new Set(routes.flatMap((route) => route.tags))].map((name) => ({ name }));
  return createDocument(
    {
      openapi: "3.1.0",
      info: {
        title: "Factdesk API",
        version: "1",
        description: [
          "The HTTP API of Factdesk, the fact-checking desk: articles and their revisions, claims, annotations, reviews and published versions.",
          `Authenticate with the browser's session cookie (\`${SESSION_COOKIE}\`, set by signing in) or with a personal access token from your settings page: \`Authorization: Bearer fd_…\`. A request that carries a Bearer header is judged by the token alone.`,
          "Requests that change data send `application/json`; with the session cookie they must also come from the app's own origin. Every error answers `{error: {code, message, fields?}}`.",
        ].join("\n\n"),
      },
      tags,
      paths,
      components: {
        securitySchemes: {
          sessionCookie: {
            type: "apiKey",
            in: "cookie",
            name: SESSION_COOKIE,
            description: `The session of a signed-in browser (named \`__Secure-${SESSION_COOKIE}\` over HTTPS).`,
          },
          bearerToken: {
            type: "http",
            scheme: "bearer",
            bearerFormat: "fd_…",
            description: "A personal access token, created on the settings page: `Authorization: Bearer fd_…`.",
          },
        },
      },
    },
    // Named schemas (`.meta({ id })`) become components; everything else stays inline.
    { reused: "inline" },
  );
}

let cached: ReturnType<typeof buildOpenApiDocument> | undefined;

/** The document of every route, built once per process. */
export function openApiDocument() {
  cached ??= buildOpenApiDocument();
  return cached;
}

/** The document's types, for code that reads it (the reference page, the contract tests). */
export type OpenApiDocument = ReturnType<typeof buildOpenApiDocument>;
export type OpenApiOperation = NonNullable<NonNullable<OpenApiDocument["paths"]>[string]["get"]>;
/** A schema as the document holds it: an object, a `$ref`, or `true`/`false`. */
export type OpenApiSchema = NonNullable<NonNullable<OpenApiDocument["components"]>["schemas"]>[string];
/** A schema object proper (no `$ref`-only object, no boolean). */
export type OpenApiSchemaObject = Exclude<OpenApiSchema, boolean | { $ref: string; summary?: string }>;
