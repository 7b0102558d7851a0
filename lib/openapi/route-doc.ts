/**
 * How a route handler is described in the API reference. Every file under `app/api/` has one
 * `RouteDoc` per method it exports, in an area file under `lib/openapi/routes/` (one file per
 * area: articles, claims, search, …), gathered by `lib/openapi/routes/index.ts`.
 *
 * The zod schemas are the single source: request schemas are the very ones the use cases in
 * `lib/` parse with, and response schemas are the ones the presenters' types are checked
 * against, so the reference cannot drift from the code. `lib/openapi/document.ts` turns these
 * into the OpenAPI 3.1 document served at `GET /api/openapi.json`.
 */
import type { ZodType } from "zod";

export type HttpMethod = "get" | "post" | "put" | "patch" | "delete";

export interface ResponseDoc {
  description: string;
  /**
   * The body's schema. Omit it for an error status (≥ 400): every error answers the shared
   * error shape `{error: {code, message, fields?, details?}}`. Omit it for 204 and 304.
   */
  schema?: ZodType;
  /** Defaults to application/json. */
  contentType?: string;
  /** Response headers worth documenting (ETag, Location, Retry-After…), name → description. */
  headers?: Record<string, string>;
  /**
   * Several media types for one status (an export answers HTML, Markdown or JSON-LD), each
   * with its schema or null when the body is not JSON. Replaces `schema` and `contentType`.
   */
  content?: Record<string, ZodType | null>;
}

export interface RouteDoc {
  method: HttpMethod;
  /** The OpenAPI form of the path: `/api/claims/{id}` for `app/api/claims/[id]/route.ts`. */
  path: string;
  /** One line, in the imperative or as a noun phrase. */
  summary: string;
  description?: string;
  /** The area, shown as a group in the reference (Articles, Claims, Search…). */
  tags: string[];
  /**
   * Who may call it, as in the route permission map (tests/security/route-permissions.ts):
   * "public" routes carry no security requirement; the others accept the session cookie or a
   * Bearer personal access token.
   */
  access: "public" | "session" | "editor" | "admin";
  /** Path parameters, as a zod object whose keys are the `{names}` in `path`. */
  params?: ZodType;
  /** Query parameters, as a zod object. */
  query?: ZodType;
  /** The JSON request body. */
  body?: ZodType;
  /** Every status the route answers on purpose, with its body. */
  responses: Record<number, ResponseDoc>;
}

/** Identity function that gives a route's description its type where it is written. */
export function routeDoc(doc: RouteDoc): RouteDoc {
  return doc;
}
