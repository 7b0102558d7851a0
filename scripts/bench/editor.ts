/**
 * Line 6: the article page in Chromium (Playwright, the browser and launch flags of
 * playwright.config.ts), signed in as alice.
 *
 * - Highlights drawn: from navigation (the page's time origin) to the first frame in which
 *   `[data-testid="article-text"]` holds as many distinct `[data-claim-id]` as the article has
 *   claims (for the bare article: the first frame with its text), checked every frame by an
 *   init script. Median of several fresh page loads, after one warm-up load.
 * - Keystroke to next frame: a capture-phase keydown listener, installed before typing, takes
 *   the event's timestamp and stops the clock in a task posted from the next animation frame
 *   callback, i.e. once that frame has been produced. 200 characters, one every 40 ms.
 * - DecorationSet.create on typing: Tiptap puts its editor on the editor's DOM element
 *   (`element.editor`); from it the page finds the claim-highlight plugin's DecorationSet, whose
 *   class's static `create` is wrapped with a counter while typing.
 *
 * The article is locked for reviewers (components/editor/read-only-text.ts drops every
 * transaction that changes the document), so typing as shipped changes nothing. The same
 * measurements are then repeated with the lock lifted through the editor instance, standing in
 * for the editors' edit mode (being added): its command `setTextLocked(false)` when the editor
 * has it, else `editor.unregisterPlugin("readOnlyText")`.
 */
import fs from "node:fs";
import path from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { median, percentile } from "./stats.ts";
import { ROOT } from "./environment.ts";

const LAUNCH_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

export const TYPED_CHARACTERS = 200;

function chromiumExecutable(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, chromium.executablePath(), "/usr/bin/chromium", "/usr/bin/chromium-browser"];
  return candidates.find((candidate): candidate is string => Boolean(candidate && fs.existsSync(candidate)));
}

export interface TypingMeasurement {
  /** Keystroke → next frame, ms, one per keydown seen. */
  latencies: number[];
  p95: number;
  /** DecorationSet.create calls during the typing; null when the editor instance was not reachable. */
  decorationSetCreates: number | null;
  /** Of those, calls with at least as many decorations as the article has claims (a rebuild of the highlights). */
  highlightRebuilds: number | null;
  /** Whether the document changed (false when the lock dropped every keystroke). */
  documentChanged: boolean;
  /** Distinct highlighted claims after typing. */
  highlightsAfter: number;
}

export interface EditorMeasurement {
  /** Navigation to every highlight on screen, in the page's first view of the text or in the editor. */
  highlightsMs: { large: number[]; bare: number[] };
  /** Navigation to the editor holding the text with every highlight (when text can be selected and marked). */
  editorReadyMs: { large: number[]; bare: number[] };
  /** Phases of the median load of each. */
  phases: { large: PagePhases | null; bare: PagePhases | null };
  typing: { large: TypingMeasurement; bare: TypingMeasurement; largeUnlocked: TypingMeasurement; bareUnlocked: TypingMeasurement };
}

/** Milestones of one page load, ms from navigation. */
export interface PagePhases {
  /** First byte of the HTML. */
  responseStart: number;
  /** Last byte of the HTML. */
  responseEnd: number;
  domContentLoaded: number;
  htmlBytes: number;
  /** First frame with the article text on screen (the page's first view of it, or the editor). */
  textShown: number;
  /** First frame with every highlight on screen. */
  drawn: number;
  /** First frame with the editor holding the text and every highlight. */
  editorReady: number;
  /** Long tasks (> 50 ms) on the main thread before `drawn`, summed. */
  longTaskMs: number;
}

declare global {
  interface Window {
    __benchDrawnAt?: number;
    __benchTextAt?: number;
    __benchShownAt?: number;
    __benchPhases?: PagePhases;
    __benchKeys?: number[];
    __benchCreates?: { calls: number; large: number };
  }
}

/** Watches every frame for the expected number of distinct highlighted claims; notes the phases on the way. */
function watchHighlights(expected: number): void {
  const longTasks: Array<{ start: number; duration: number }> = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: "longtask", buffered: true });
  // The page shows the text with its highlights before the editor has loaded it
  // (components/claims/article-preview.tsx); the editor then takes its place.
  const complete = (selector: string) => {
    const root = document.querySelector(selector);
    if (!root || (root.textContent ?? "").length === 0) return { text: false, drawn: false };
    const ids = new Set<string>();
    for (const element of root.querySelectorAll("[data-claim-id]")) ids.add(element.getAttribute("data-claim-id") ?? "");
    return { text: true, drawn: ids.size === expected };
  };
  const check = () => {
    const preview = complete('[data-testid="article-preview"]');
    const editor = complete('[data-testid="article-text"]');
    const now = performance.now();
    if (preview.text || editor.text) window.__benchTextAt ??= now;
    if (preview.drawn || editor.drawn) window.__benchShownAt ??= now;
    if (editor.drawn) {
      window.__benchDrawnAt = window.__benchShownAt ?? now;
      const navigation = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming | undefined;
      window.__benchPhases = {
        responseStart: navigation?.responseStart ?? Number.NaN,
        responseEnd: navigation?.responseEnd ?? Number.NaN,
        domContentLoaded: navigation?.domContentLoadedEventEnd ?? Number.NaN,
        htmlBytes: navigation?.decodedBodySize ?? Number.NaN,
        textShown: window.__benchTextAt ?? now,
        drawn: window.__benchDrawnAt,
        editorReady: now,
        longTaskMs: longTasks.filter((task) => task.start < now).reduce((sum, task) => sum + task.duration, 0),
      };
      return;
    }
    requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
}

async function signIn(page: Page, origin: string): Promise<void> {
  await page.goto(`${origin}/signin`);
  await page.getByLabel("Email").fill("alice@factdesk.test");
  await page.getByLabel("Password").fill("factdesk-demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(/\/articles$/, { timeout: 30_000 });
}

/** Opens the article in a fresh page; returns the page, the ms to all highlights on screen and to the editor holding them. */
async function openArticle(
  context: BrowserContext,
  url: string,
  claims: number,
  /** When set, a V8 CPU profile of the page's load is written there. */
  profileFile?: string,
): Promise<{ page: Page; ms: number; editorMs: number; phases: PagePhases | null }> {
  const page = await context.newPage();
  await page.addInitScript(watchHighlights, claims);
  const profiler = profileFile ? await context.newCDPSession(page) : null;
  if (profiler) {
    await profiler.send("Profiler.enable");
    await profiler.send("Profiler.setSamplingInterval", { interval: 200 });
    await profiler.send("Profiler.start");
  }
  await page.goto(url, { waitUntil: "commit" });
  try {
    await page.waitForFunction(() => window.__benchDrawnAt !== undefined, undefined, { timeout: 60_000, polling: 100 });
  } catch (error) {
    const state = await page
      .evaluate(() => {
        const root = document.querySelector('[data-testid="article-text"]');
        const ids = new Set([...(root?.querySelectorAll("[data-claim-id]") ?? [])].map((element) => element.getAttribute("data-claim-id")));
        return { url: location.href, title: document.title, text: (root?.textContent ?? "").length, highlighted: ids.size };
      })
      .catch(() => null);
    const shot = path.join(ROOT, "bench", "tmp", "editor-timeout.png");
    await page.screenshot({ path: shot }).catch(() => undefined);
    throw new Error(`The highlights of ${url} (${claims} claims) were not drawn within 60 s: ${JSON.stringify(state)}; screenshot ${shot}`, {
      cause: error,
    });
  }
  if (profiler && profileFile) {
    const { profile } = await profiler.send("Profiler.stop");
    fs.mkdirSync(path.dirname(profileFile), { recursive: true });
    fs.writeFileSync(profileFile, JSON.stringify(profile));
    await profiler.detach();
  }
  const { ms, phases } = await page.evaluate(() => ({ ms: window.__benchDrawnAt ?? Number.NaN, phases: window.__benchPhases ?? null }));
  return { page, ms, editorMs: phases?.editorReady ?? Number.NaN, phases };
}

/** The phases of one load, for the log. */
export function describePhases(phases: PagePhases | null): string {
  if (!phases) return "no phases";
  const ms = (value: number) => `${value.toFixed(0)} ms`;
  return (
    `first byte ${ms(phases.responseStart)}, HTML done ${ms(phases.responseEnd)} (${(phases.htmlBytes / 1000).toFixed(0)} KB), ` +
    `DOMContentLoaded ${ms(phases.domContentLoaded)}, text shown ${ms(phases.textShown)}, highlights ${ms(phases.drawn)}, ` +
    `editor ready ${ms(phases.editorReady)}, ` +
    `long tasks ${ms(phases.longTaskMs)}`
  );
}

/** Types TYPED_CHARACTERS characters into the article text and measures each keystroke. */
async function typeAndMeasure(page: Page, claims: number, unlock: boolean): Promise<TypingMeasurement> {
  const hooked = await page.evaluate(
    ({ claims, unlock }) => {
      window.__benchKeys = [];
      window.addEventListener(
        "keydown",
        (event) => {
          const t0 = event.timeStamp;
          requestAnimationFrame(() => {
            const channel = new MessageChannel();
            channel.port1.onmessage = () => window.__benchKeys?.push(performance.now() - t0);
            channel.port2.postMessage(null);
          });
        },
        true,
      );
      type Editor = {
        state: { doc: { content: { size: number } }; plugins: Array<{ key: string; getState: (state: unknown) => unknown }> };
        view: { state: unknown };
        unregisterPlugin: (name: string) => unknown;
        commands: { setTextLocked?: (locked: boolean) => boolean };
      };
      const element = document.querySelector('[data-testid="article-text"]') as (Element & { editor?: Editor }) | null;
      const editor = element?.editor;
      if (!editor) return false;
      // The article page's own edit mode command when the app has it; otherwise drop the
      // ReadOnlyText plugin (and its transaction filter) from the editor state, the other
      // plugins, the claim highlights included, keeping their state.
      if (unlock) {
        if (typeof editor.commands.setTextLocked === "function") editor.commands.setTextLocked(false);
        else editor.unregisterPlugin("readOnlyText");
      }
      const plugin = editor.state.plugins.find((candidate) => candidate.key.startsWith("claimHighlights$"));
      const pluginState = plugin?.getState(editor.view.state) as { decorations?: { constructor: unknown } } | undefined;
      const decorationSet = pluginState?.decorations?.constructor as
        | { create: (doc: unknown, decorations: readonly unknown[]) => unknown }
        | undefined;
      if (!decorationSet) return false;
      window.__benchCreates = { calls: 0, large: 0 };
      const original = decorationSet.create;
      decorationSet.create = function create(this: unknown, doc: unknown, decorations: readonly unknown[]) {
        const counter = window.__benchCreates;
        if (counter) {
          counter.calls += 1;
          if (claims > 0 && decorations.length >= claims) counter.large += 1;
        }
        return original.call(this, doc, decorations);
      };
      (window as unknown as { __benchDocSize: number }).__benchDocSize = editor.state.doc.content.size;
      return true;
    },
    { claims, unlock },
  );

  // A caret inside the first paragraph of the text.
  const paragraph = page.locator('[data-testid="article-text"] p').first();
  await paragraph.click({ position: { x: 40, y: 8 } });
  const text = "the minister said the figures were checked twice ";
  for (let index = 0; index < TYPED_CHARACTERS; index += 1) {
    await page.keyboard.type(text.charAt(index % text.length));
    await page.waitForTimeout(40);
  }
  await page.waitForTimeout(300);
  const outcome = await page.evaluate(() => {
    const element = document.querySelector('[data-testid="article-text"]') as
      | (Element & { editor?: { state: { doc: { content: { size: number } } } } })
      | null;
    const ids = new Set<string>();
    for (const highlight of element?.querySelectorAll("[data-claim-id]") ?? []) ids.add(highlight.getAttribute("data-claim-id") ?? "");
    const sizeBefore = (window as unknown as { __benchDocSize?: number }).__benchDocSize;
    return {
      latencies: window.__benchKeys ?? [],
      creates: window.__benchCreates ?? null,
      changed: sizeBefore !== undefined && element?.editor !== undefined && element.editor.state.doc.content.size !== sizeBefore,
      highlights: ids.size,
    };
  });
  return {
    latencies: outcome.latencies,
    p95: percentile(outcome.latencies, 0.95),
    decorationSetCreates: hooked && outcome.creates ? outcome.creates.calls : null,
    highlightRebuilds: hooked && outcome.creates ? outcome.creates.large : null,
    documentChanged: outcome.changed,
    highlightsAfter: outcome.highlights,
  };
}

export async function measureEditor(options: {
  origin: string;
  largeId: string;
  largeClaims: number;
  bareId: string;
  loads: number;
  log: (message: string) => void;
  onBrowser: (close: () => Promise<void>) => void;
  /** When set, the first measured load of each article writes the page's CPU profile into this folder. */
  profileDir?: string;
}): Promise<EditorMeasurement> {
  const browser: Browser = await chromium.launch({ executablePath: chromiumExecutable(), args: LAUNCH_ARGS });
  options.onBrowser(() => browser.close());
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    // tsx (esbuild, keepNames) wraps the functions this file sends to the page in `__name(…)`,
    // a helper that exists only in Node: give the page a no-op one.
    await context.addInitScript({ content: "globalThis.__name ??= (fn) => fn;" });
    const signInPage = await context.newPage();
    await signIn(signInPage, options.origin);
    await signInPage.close();
    const large = { url: `${options.origin}/articles/${options.largeId}`, claims: options.largeClaims };
    const bare = { url: `${options.origin}/articles/${options.bareId}`, claims: 0 };

    // Warm-up: the first load of each compiles the page's code in the browser and the server.
    for (const article of [large, bare]) await (await openArticle(context, article.url, article.claims)).page.close();
    const highlightsMs = { large: [] as number[], bare: [] as number[] };
    const editorReadyMs = { large: [] as number[], bare: [] as number[] };
    const loads = { large: [] as Array<{ ms: number; phases: PagePhases | null }>, bare: [] as Array<{ ms: number; phases: PagePhases | null }> };
    for (let run = 0; run < options.loads; run += 1) {
      for (const [name, article] of [
        ["large", large],
        ["bare", bare],
      ] as const) {
        const profile = options.profileDir && run === 0 ? path.join(options.profileDir, `page-${name}.cpuprofile`) : undefined;
        const { page, ms, editorMs, phases } = await openArticle(context, article.url, article.claims, profile);
        highlightsMs[name].push(ms);
        editorReadyMs[name].push(editorMs);
        loads[name].push({ ms, phases });
        await page.close();
      }
    }
    const medianPhases = (list: Array<{ ms: number; phases: PagePhases | null }>) =>
      [...list].sort((a, b) => a.ms - b.ms)[Math.floor((list.length - 1) / 2)]?.phases ?? null;
    const phases = { large: medianPhases(loads.large), bare: medianPhases(loads.bare) };
    options.log(`median load, 1,000 claims: ${describePhases(phases.large)}`);
    options.log(`median load, no claims: ${describePhases(phases.bare)}`);
    options.log(
      `highlights drawn: 1,000 claims median ${median(highlightsMs.large).toFixed(0)} ms (${highlightsMs.large.map((ms) => ms.toFixed(0)).join(", ")}), ` +
        `no claims median ${median(highlightsMs.bare).toFixed(0)} ms (${highlightsMs.bare.map((ms) => ms.toFixed(0)).join(", ")}); ` +
        `editor ready: 1,000 claims median ${median(editorReadyMs.large).toFixed(0)} ms, no claims ${median(editorReadyMs.bare).toFixed(0)} ms`,
    );

    const typing = async (article: typeof large, unlock: boolean) => {
      const { page } = await openArticle(context, article.url, article.claims);
      const measurement = await typeAndMeasure(page, article.claims, unlock);
      await page.close();
      options.log(
        `typing ${article.claims} claims${unlock ? " (lock lifted)" : ""}: p95 ${measurement.p95.toFixed(1)} ms over ${measurement.latencies.length} keys, ` +
          `median ${median(measurement.latencies).toFixed(1)} ms, max ${percentile(measurement.latencies, 1).toFixed(1)} ms; ` +
          `DecorationSet.create ${measurement.decorationSetCreates ?? "n/a"} (highlight rebuilds ${measurement.highlightRebuilds ?? "n/a"}); ` +
          `document changed: ${measurement.documentChanged}; highlights after: ${measurement.highlightsAfter}`,
      );
      return measurement;
    };
    return {
      highlightsMs,
      editorReadyMs,
      phases,
      typing: {
        large: await typing(large, false),
        bare: await typing(bare, false),
        largeUnlocked: await typing(large, true),
        bareUnlocked: await typing(bare, true),
      },
    };
  } finally {
    await browser.close();
  }
}
