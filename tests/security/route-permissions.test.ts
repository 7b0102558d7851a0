import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ROUTE_PERMISSIONS, SERVER_ACTIONS } from "./route-permissions";

const ROOT = path.resolve(import.meta.dirname, "..", "..");
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"] as const;

function walk(dir: string, found: string[] = []): string[] {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, found);
    else found.push(full);
  }
  return found;
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

  it("has a row for every server action", () => {
    const modules = [...walk(path.join(ROOT, "app")), ...walk(path.join(ROOT, "components")), ...walk(path.join(ROOT, "lib"))]
      .filter((file) => /\.(ts|tsx)$/.test(file) && !file.includes(`${path.sep}generated${path.sep}`))
      .filter((file) => /^\s*["']use server["']/m.test(fs.readFileSync(file, "utf8")))
      .map((file) => path.relative(ROOT, file));
    expect(modules.filter((file) => !(file in SERVER_ACTIONS))).toEqual([]);
  });
});
