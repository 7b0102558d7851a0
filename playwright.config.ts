/**
 * End-to-end tests in a real Chromium against the production build. Start them with
 * `npm run test:e2e` (scripts/e2e.ts), which provides a throwaway database, a free port
 * and a build; this file refuses to run against anything else.
 */
import fs from "node:fs";
import { chromium, defineConfig, devices } from "@playwright/test";

const baseURL = process.env.FACTDESK_E2E_BASE_URL;
const databaseUrl = process.env.DATABASE_URL ?? "";
if (!baseURL) {
  throw new Error("Run the end-to-end tests with `npm run test:e2e`: it starts the database and the app for them.");
}
if (!/@(127\.0\.0\.1|localhost)(:\d+)?\//.test(databaseUrl)) {
  throw new Error("The end-to-end tests write data and only run against a local database.");
}

/** Playwright's own Chromium when installed, else the system's (Debian: /usr/bin/chromium). */
function chromiumExecutable(): string | undefined {
  const candidates = [
    process.env.CHROMIUM_PATH,
    chromium.executablePath(),
    "/usr/bin/chromium",
    "/usr/bin/chromium-browser",
    "/usr/bin/google-chrome",
  ];
  return candidates.find((candidate): candidate is string => Boolean(candidate && fs.existsSync(candidate)));
}

export default defineConfig({
  testDir: "./e2e",
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  forbidOnly: Boolean(process.env.CI),
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [["list"], ["json"]] : [["list"]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: chromiumExecutable(),
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], channel: undefined } }],
});
