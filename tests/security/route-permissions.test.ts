import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { expectedOnOwned, ROUTE_PERMISSIONS, SERVER_ACTIONS, type Caller } from "./route-permissions";

const ROOT = path.resolve(import.meta.dirname, "..", "..");
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"] as const;

/** Folders that hold no source of the app: dependencies, build output, generated code, data. */
const NOT_SOURCE = new Set(["node_modules", ".next", ".git", ".data", "generated", "test-results", "playwright-report"]);

function walk(dir: string, found: string[] = []): string[] {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!NOT_SOURCE.has(entry.name)) walk(full, found);
    } else found.push(full);
  }
  return found;
}

/**
 * A `"use server"` directive: at the top of a module (every export is an action) or as the
 * first statement of a function body (that function is one). Either makes a public endpoint.
 */
const USE_SERVER = /(^|[{;]\s*|^\s*)["']use server["']/m;

/** Files of the app (outside tests) that declare server actions, relative to the root. */
function serverActionModules(): string[] {
  return walk(ROOT)
    .filter((file) => /\.(ts|tsx|js|jsx|mjs|mts)$/.test(file))
    .filter((file) => !/(^|[\\/])(tests|e2e|scripts)[\\/]/.test(path.relative(ROOT, file)))
    .filter((file) => USE_SERVER.test(fs.readFileSync(file, "utf8")))
    .map((file) => path.relative(ROOT, file).split(path.sep).join("/"))
    .sort();
}

/** `GET /api/articles/[id]`-style keys for every exported handler of every app route file. */
function routeKeys(): string[] {
  const keys: string[] = [];
  for (const file of walk(path.join(ROOT, "app")).filter((name) => name.endsWith(`${path.sep}route.ts`))) {
    const source = fs.readFileSync(file, "utf8");
    const route = `/${path.relative(path.join(ROOT, "app"), path.dirname(file)).split(path.sep).join("/")}`;
    for (const method of METHODS) {
      const exported =
        new RegExp(`export\\s+(const|async function|function)\\s+${method}\\b`).test(source) ||
        new RegExp(`export\\s*\\{[^}]*\\bas\\s+${method}\\b[^}]*\\}`).test(source) ||
        new RegExp(`export\\s*\\{[^}]*\\b${method}\\b[^}]*\\}`).test(source);
      if (exported) keys.push(`${method} ${route}`);
    }
  }
  return keys.sort();
}

describe("the route permission map", () => {
  it("has a row for every route handler, and no row for a route that is gone", () => {
    const keys = routeKeys();
    expect(keys.length).toBeGreaterThan(20);
    expect(keys.filter((key) => !(key in ROUTE_PERMISSIONS))).toEqual([]);
    expect(Object.keys(ROUTE_PERMISSIONS).filter((key) => !keys.includes(key))).toEqual([]);
  });

  it("has a row for every server action, and none for a module that has no actions any more", () => {
    const modules = serverActionModules();
    expect(modules.filter((file) => !(file in SERVER_ACTIONS))).toEqual([]);
    expect(Object.keys(SERVER_ACTIONS).filter((file) => !modules.includes(file))).toEqual([]);
  });

  it("recognises a server action wherever its directive stands", () => {
    expect(USE_SERVER.test(`"use server";\nexport async function save() {}`)).toBe(true);
    expect(USE_SERVER.test(`export async function save() {\n  'use server';\n}`)).toBe(true);
    expect(USE_SERVER.test(`async function save() { "use server"; }`)).toBe(true);
    expect(USE_SERVER.test(`"use client";\nconst label = "used on the server";`)).toBe(false);
  });
});

describe("the expectations on existing resources", () => {
  const cases = Object.entries(ROUTE_PERMISSIONS).flatMap(([key, rule]) => (rule.owned ?? []).map((owned) => ({ key, rule, owned })));
  const callers: Caller[] = ["anonymous", "owner", "reviewer", "editor", "admin", "disabled"];

  it("are given for routes that name a resource", () => {
    expect(cases.length).toBeGreaterThan(20);
    expect(cases.filter(({ key }) => !key.includes("[id]")).map(({ key }) => key)).toEqual([]);
  });

  it("answer 404, never 403, to everyone but the owner for what only the owner may see", () => {
    const hidden = cases.filter(({ owned }) => owned.on === "draft" || owned.on === "token");
    expect(hidden.length).toBeGreaterThan(5);
    for (const { key, rule, owned } of hidden) {
      for (const caller of ["reviewer", "editor", "admin"] as const) {
        expect(expectedOnOwned(rule, owned, caller), `${key} on ${owned.on} as ${caller}`).toBe(404);
      }
      expect(expectedOnOwned(rule, owned, "owner"), `${key} on ${owned.on} as its owner`).not.toBe(404);
    }
  });

  it("never let a caller without a usable session change anything", () => {
    for (const { key, rule, owned } of cases) {
      for (const caller of ["anonymous", "disabled"] as const) {
        const status = expectedOnOwned(rule, owned, caller);
        if (rule.access !== "public") expect(status, `${key} on ${owned.on} as ${caller}`).toBe(401);
      }
    }
    for (const { key, rule, owned } of cases) {
      for (const caller of callers) expect(expectedOnOwned(rule, owned, caller), `${key} as ${caller}`).toBeLessThan(500);
    }
  });
});
