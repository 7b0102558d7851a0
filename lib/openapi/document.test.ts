import fs from "node:fs";
import path from "node:path";
import SwaggerParser from "@apidevtools/swagger-parser";
import { describe, expect, it } from "vitest";
import { buildOpenApiDocument, openApiDocument } from "@/lib/openapi/document";
import { allRoutes } from "@/lib/openapi/routes";
import { ROUTE_PERMISSIONS } from "@/tests/security/route-permissions";

const ROOT = path.resolve(import.meta.dirname, "..", "..");
const API = path.join(ROOT, "app", "api");
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

function routeFiles(dir: string, found: string[] = []): string[] {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) routeFiles(full, found);
    else if (entry.name === "route.ts") found.push(full);
  }
  return found;
}

interface Handler {
  method: string;
  /** `/api/articles/[id]`, as in the route permission map. */
  route: string;
  /** Which OpenAPI paths this handler serves: `[id]` is `{id}`, a catch-all any rest of the path. */
  matches: RegExp;
}

/** Every exported handler of every route file under app/api. */
function handlers(): Handler[] {
  const found: Handler[] = [];
  for (const file of routeFiles(API)) {
    const source = fs.readFileSync(file, "utf8");
    const route = `/${path.relative(path.join(ROOT, "app"), path.dirname(file)).split(path.sep).join("/")}`;
    const pattern = route
      .split("/")
      .map((segment) => {
        if (/^\[\.\.\.\w+\]$/.test(segment)) return "[^{}]+";
        const param = /^\[(\w+)\]$/.exec(segment);
        if (param) return `\\{${param[1]}\\}`;
        return segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      })
      .join("/");
    for (const method of METHODS) {
      const exported =
        new RegExp(`export\\s+(const|async function|function)\\s+${method}\\b`).test(source) ||
        new RegExp(`export\\s*\\{[^}]*\\b${method}\\b[^}]*\\}`).test(source);
      if (exported) found.push({ method, route, matches: new RegExp(`^${pattern}$`) });
    }
  }
  return found;
}

const documented = allRoutes.map((route) => ({ method: route.method.toUpperCase(), path: route.path }));

describe("the API reference", () => {
  it("describes every method of every route file under app/api", () => {
    const all = handlers();
    expect(all.length).toBeGreaterThan(30);
    const undocumented = all
      .filter((handler) => !documented.some((doc) => doc.method === handler.method && handler.matches.test(doc.path)))
      .map((handler) => `${handler.method} ${handler.route}`);
    expect(undocumented).toEqual([]);
  });

  it("has no entry for a route that does not exist", () => {
    const all = handlers();
    const orphans = documented
      .filter((doc) => !all.some((handler) => handler.method === doc.method && handler.matches.test(doc.path)))
      .map((doc) => `${doc.method} ${doc.path}`);
    expect(orphans).toEqual([]);
  });

  it("gives each entry the access of the route permission map", () => {
    const mismatched: string[] = [];
    for (const handler of handlers()) {
      const rule = ROUTE_PERMISSIONS[`${handler.method} ${handler.route}`];
      for (const doc of allRoutes.filter((route) => route.method.toUpperCase() === handler.method && handler.matches.test(route.path))) {
        if (rule && doc.access !== rule.access) mismatched.push(`${handler.method} ${doc.path}: ${doc.access}, map says ${rule.access}`);
      }
    }
    expect(mismatched).toEqual([]);
  });

  it("catches an entry whose route file is gone", () => {
    const ghost = { method: "GET", path: "/api/no-such-area/{id}" };
    expect(handlers().some((handler) => handler.method === ghost.method && handler.matches.test(ghost.path))).toBe(false);
  });

  it("is a valid OpenAPI 3.1 document", async () => {
    const document = structuredClone(openApiDocument());
    expect(document.openapi).toBe("3.1.0");
    // Validates against the OpenAPI 3.1 JSON Schema and resolves every $ref (all internal).
    await expect(SwaggerParser.validate(document as never)).resolves.toBeTruthy();
  });

  it("refuses a document with an invalid operation", async () => {
    const document = structuredClone(openApiDocument());
    document.paths!["/api/articles"]!.get = { responses: "none" } as never;
    await expect(SwaggerParser.validate(document as never)).rejects.toThrow();
  });

  it("attaches the error shape to every status of 400 and more, and both schemes to signed-in routes", () => {
    const document = openApiDocument();
    const problems: string[] = [];
    for (const [pathName, item] of Object.entries(document.paths ?? {})) {
      for (const [method, operation] of Object.entries(item as Record<string, { responses?: Record<string, { content?: Record<string, { schema?: { $ref?: string } }> }>; security?: unknown[] }>)) {
        for (const [status, response] of Object.entries(operation.responses ?? {})) {
          if (Number(status) >= 400 && response.content?.["application/json"]?.schema?.$ref !== "#/components/schemas/Error") {
            problems.push(`${method} ${pathName} ${status}`);
          }
        }
        const access = allRoutes.find((route) => route.path === pathName && route.method === method)?.access;
        const expected = access === "public" ? [] : [{ sessionCookie: [] }, { bearerToken: [] }];
        if (JSON.stringify(operation.security) !== JSON.stringify(expected)) problems.push(`${method} ${pathName} security`);
      }
    }
    expect(problems).toEqual([]);
    expect(Object.keys(document.components?.securitySchemes ?? {}).sort()).toEqual(["bearerToken", "sessionCookie"]);
  });

  it("refuses two entries for the same method and path", () => {
    const entry = allRoutes[0]!;
    expect(() => buildOpenApiDocument([entry, entry])).toThrow(/Two entries/);
  });
});
