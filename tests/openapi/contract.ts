/**
 * Checks an HTTP answer against the API reference: its status must be documented for the
 * route, its media type among the documented ones, and a JSON body must validate against the
 * documented schema (JSON Schema 2020-12, as OpenAPI 3.1 uses, with Ajv).
 */
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { openApiDocument } from "@/lib/openapi/document";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const document = JSON.parse(JSON.stringify(openApiDocument())) as {
  paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema?: Json }> }> }>>;
  components?: { schemas?: Record<string, Json> };
};

const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
const compiled = new Map<string, ValidateFunction>();

/** The schema with the document's named schemas beside it as `$defs`, so its `$ref`s resolve. */
function standalone(schema: Json): Json {
  const text = JSON.stringify({ ...(schema as object), $defs: document.components?.schemas ?? {} });
  return JSON.parse(text.replaceAll('"#/components/schemas/', '"#/$defs/')) as Json;
}

/** `/api/articles/[id]` (a route file's path) → `/api/articles/{id}` (the reference's). */
export function referencePath(route: string): string {
  return route.replace(/\[(\w+)\]/g, "{$1}");
}

/**
 * What is wrong with an answer, or null when it is as documented. `route` is the route's
 * path as in the permission map (`/api/claims/[id]`) or the reference (`/api/claims/{id}`).
 */
export function contractProblem(method: string, route: string, status: number, contentType: string | undefined, body: string): string | null {
  const path = referencePath(route);
  const operation = document.paths[path]?.[method.toLowerCase()];
  const where = `${method.toUpperCase()} ${path} ${status}`;
  if (!operation) return `${method.toUpperCase()} ${path}: not in the API reference`;
  const response = operation.responses[String(status)];
  if (!response) return `${where}: status not documented (documented: ${Object.keys(operation.responses).join(", ")})`;
  const content = response.content ?? {};
  if (Object.keys(content).length === 0) return body.length === 0 ? null : `${where}: documented without a body, answered ${body.length} bytes`;
  const mediaType = (contentType ?? "").split(";")[0]!.trim().toLowerCase();
  const documented = Object.entries(content).find(([type]) => type.split(";")[0]!.trim().toLowerCase() === mediaType);
  if (!documented) return `${where}: media type ${mediaType || "(none)"} not documented (documented: ${Object.keys(content).join(", ")})`;
  const [type, media] = documented;
  if (media.schema === undefined || !/json/.test(mediaType)) return null;
  const key = `${path} ${method} ${status} ${type}`;
  let validate = compiled.get(key);
  if (!validate) {
    validate = ajv.compile(standalone(media.schema) as object);
    compiled.set(key, validate);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return `${where}: the body is not JSON`;
  }
  if (validate(parsed)) return null;
  const errors = (validate.errors ?? []).slice(0, 5).map((error) => `${error.instancePath || "/"} ${error.message ?? ""}`);
  return `${where}: ${errors.join("; ")}`;
}
