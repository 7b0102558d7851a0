/**
 * `npx tsx scripts/screenshot.ts [baseURL] [outDir]`: signs in as the demo reviewer on a
 * running app and saves screenshots of the main pages (the README's picture comes from here).
 */
import fs from "node:fs";
import path from "node:path";
import { chromium } from "@playwright/test";

const baseURL = process.argv[2] ?? "http://localhost:3000";
const outDir = path.resolve(process.argv[3] ?? "docs");
const executable = [chromium.executablePath(), "/usr/bin/chromium", "/usr/bin/chromium-browser"].find((candidate) =>
  fs.existsSync(candidate),
);

const browser = await chromium.launch({
  executablePath: executable,
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
});
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 860 }, deviceScaleFactor: 1 });
  fs.mkdirSync(outDir, { recursive: true });
  await page.goto(`${baseURL}/signin`);
  await page.screenshot({ path: path.join(outDir, "signin.png") });
  await page.getByLabel("Email").fill(process.env.SCREENSHOT_EMAIL ?? "alice@factdesk.test");
  await page.getByLabel("Password").fill(process.env.SCREENSHOT_PASSWORD ?? "factdesk-demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(/\/articles$/);
  await page.screenshot({ path: path.join(outDir, "articles.png") });
  await page.getByRole("link", { name: /NATO and allies/ }).first().click();
  await page.getByTestId("article-text").waitFor();
  await page.screenshot({ path: path.join(outDir, "article.png") });
  // The same page with suggested claims switched on, on a desktop and on a phone.
  await page.getByRole("switch", { name: "Show suggested claims" }).click();
  await page.getByTestId("suggestion").first().waitFor();
  await page.screenshot({ path: path.join(outDir, "article-suggestions.png") });
  await page.setViewportSize({ width: 360, height: 780 });
  await page.screenshot({ path: path.join(outDir, "article-suggestions-phone.png"), fullPage: true });
  console.log(`Screenshots in ${outDir}`);
} finally {
  await browser.close();
}
