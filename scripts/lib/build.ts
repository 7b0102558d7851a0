/** Builds the production bundle when sources are newer than the last build. */
import fs from "node:fs";
import path from "node:path";
import { spawnSync } from "node:child_process";

const ROOT = path.resolve(import.meta.dirname, "..", "..");
const SOURCES = ["app", "components", "lib", "types", "public", "proxy.ts", "next.config.ts", "postcss.config.mjs", "package-lock.json", "tsconfig.json"];
const SKIP = new Set(["generated", "node_modules"]);

function newestMtime(entry: string): number {
  const stat = fs.statSync(entry, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const child of fs.readdirSync(entry)) {
    if (SKIP.has(child)) continue;
    newest = Math.max(newest, newestMtime(path.join(entry, child)));
  }
  return newest;
}

/** True when `.next` holds a build at least as new as every source file. */
export function buildIsCurrent(): boolean {
  const buildId = fs.statSync(path.join(ROOT, ".next", "BUILD_ID"), { throwIfNoEntry: false });
  if (!buildId) return false;
  const newestSource = Math.max(...SOURCES.map((entry) => newestMtime(path.join(ROOT, entry))));
  return buildId.mtimeMs >= newestSource;
}

/** Runs `next build` unless the current build is up to date. */
export function buildIfNeeded(log: (message: string) => void = console.log): void {
  if (buildIsCurrent()) return;
  log("Building the app (first start or changed sources)…");
  const result = spawnSync(process.execPath, [path.join(ROOT, "node_modules", "next", "dist", "bin", "next"), "build"], {
    cwd: ROOT,
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (result.status !== 0) throw new Error("next build failed; see the output above.");
}
