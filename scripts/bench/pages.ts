/**
 * Page figures, Pooldeck against Prefect's own UI, in one Chromium: the pool editor
 * (/pools/<pool>) and Prefect's work pool edit page (/work-pools/work-pool/<pool>/edit) for the same
 * pool, alternating, a fresh browser context (cold cache) per run, plus a warm reload in the same
 * context once the cold load has settled (SETTLE_MS). Marks are taken inside the page
 * (page-probe.ts); Playwright only drives.
 *   - JavaScript before usable: script responses that ended before the `form` mark.
 *   - time to edit: navigation start → `form` (the template form), → `json` (the JSON editor takes
 *     input; Pooldeck's first as plain text) and → `monaco` (Pooldeck's Monaco ready).
 *   - conflict: keydown of the keystroke that completes "capacityProviderStrategy" in
 *     task_run_request (launchType is there) → first frame with Pooldeck's check entry; for
 *     Prefect's UI, any error-looking element within CONFLICT_WAIT_MS.
 * Both apps get the same edit in their JSON editor: the empty strategy placeholder is replaced by a
 * literal strategy under a key one letter short (no conflict yet), the cursor put after "Strateg",
 * then "y" is pressed (see ORIGINAL below).
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";

import { CHROMIUM_ARGS, CHROMIUM_PATH } from "@/testing/e2e/chromium";
import {
  READY_MESSAGE,
  SCRIPT_BYTES,
  armConflictTimer,
  initScript,
  type BenchApp,
} from "./page-probe";
import { formatKeystrokeSummary, summarizeKeystroke, type TraceEvent } from "./trace-summary";

export const CONFLICT_WAIT_MS = 5_000;
const SERVER_WARM_UP_REQUESTS = 20;
export const SETTLE_MS = 2_000;
export const VIEWPORT = { width: 1440, height: 900 };
/**
 * Prefect's default ECS template (the seeded pool's) ends task_run_request with
 * `"capacityProviderStrategy": "{{ capacity_provider_strategy }}"`, empty by default. The edit
 * replaces that line with a literal strategy whose key is one letter short (no conflict yet: the
 * request has no strategy), then types the missing "y". Inserting a second strategy line instead
 * would be a duplicate key, and JSON keeps the last one (the empty placeholder).
 */
const ORIGINAL = '"capacityProviderStrategy": "{{ capacity_provider_strategy }}"';
const PREFIX = '"capacityProviderStrateg';
const SUFFIX = '": [{"capacityProvider": "general-asg", "weight": 1}]';

export interface PageBenchOptions {
  pooldeckUrl: string;
  prefectUrl: string;
  pool: string;
  runs: number;
  screenshotDir: string;
  /** signs a page in to Pooldeck; run once in a context of its own before measuring, whose cookies
   * every measured context then starts with (so sign-in is neither timed nor warms the cache) */
  signIn?: (page: Page) => Promise<void>;
  log?: (line: string) => void;
}

export interface ScriptBytes {
  encoded: number;
  transferred: number;
  decoded: number;
  count: number;
  cached: number;
}

export interface LoadFigures {
  /** navigation timing: first byte of the HTML, DOMContentLoaded end */
  ttfbMs: number | null;
  dclMs: number | null;
  formMs: number | null;
  jsonMs: number | null;
  /** Pooldeck: Monaco ready (null for Prefect's UI, whose JSON editor is its textarea) */
  monacoMs: number | null;
  /** scripts that ended before `form` */
  scripts: ScriptBytes;
  /** scripts that ended before `json` (Pooldeck: includes Monaco) */
  scriptsToJson: ScriptBytes;
}

export interface PageRun {
  app: BenchApp;
  cold: LoadFigures;
  warm: LoadFigures;
  /** keydown → first painted frame with the error; null when none was shown */
  conflictMs: number | null;
  conflictText: string | null;
}

export interface PageBenchResult {
  chromium: string;
  runs: PageRun[];
  urls: Record<BenchApp, string>;
  screenshots: string[];
  /** where the main thread's time went in the warm-up round's conflict keystroke (trace-summary.ts) */
  conflictTrace?: string;
}

function urlFor(app: BenchApp, o: PageBenchOptions): string {
  const pool = encodeURIComponent(o.pool);
  return app === "pooldeck"
    ? `${o.pooldeckUrl}/pools/${pool}`
    : `${o.prefectUrl}/work-pools/work-pool/${pool}/edit`;
}

type Marks = { form?: number; json?: number; monaco?: number };

/** One navigation of `page` to `url`, measured by the probe's marks (page-probe.ts) and Resource Timing. */
export async function measureLoad(page: Page, url: string): Promise<LoadFigures> {
  // listened for, not polled: nothing of the harness runs in the page while it loads (page-probe.ts)
  const ready = page.waitForEvent("console", {
    predicate: (message) => message.text() === READY_MESSAGE,
    timeout: 60_000,
  });
  // together, so that a failed navigation is the error reported (not the wait's later timeout)
  await Promise.all([ready, page.goto(url, { waitUntil: "commit" })]);
  const marks = await page.evaluate(
    () => (window as unknown as { __bench: { marks: Marks } }).__bench.marks,
  );
  const bytes = (until: number) =>
    page.evaluate(`(${SCRIPT_BYTES})(${until})`) as Promise<ScriptBytes>;
  const nav = (await page.evaluate(() => {
    const n = performance.getEntriesByType("navigation")[0] as
      PerformanceNavigationTiming | undefined;
    return n ? { ttfb: n.responseStart, dcl: n.domContentLoadedEventEnd } : null;
  })) as { ttfb: number; dcl: number } | null;
  return {
    ttfbMs: nav?.ttfb ?? null,
    dclMs: nav?.dcl ?? null,
    formMs: marks.form ?? null,
    jsonMs: marks.json ?? null,
    monacoMs: marks.monaco ?? null,
    scripts: await bytes(marks.form ?? 0),
    scriptsToJson: await bytes(marks.json ?? 0),
  };
}

/** Puts the strategy line (key one letter short) into the JSON editor, cursor after "Strateg". */
async function prepareEdit(page: Page, app: BenchApp, templateText: string): Promise<void> {
  if (app === "pooldeck") {
    const line = templateText.split("\n").findIndex((l) => l.includes(ORIGINAL)) + 1;
    await page.locator('[data-testid="json-pane"] .monaco-editor .view-lines').first().click();
    await page.keyboard.press("Control+g");
    await page.keyboard.insertText(String(line));
    await page.keyboard.press("Enter");
    // select the line's text (Shift+Home stops at its first non-blank character) and replace it
    await page.keyboard.press("End");
    await page.keyboard.press("Shift+Home");
    // delete first: Monaco would wrap a selection in quotes when the text typed over it starts with one
    await page.keyboard.press("Backspace");
    await page.keyboard.insertText(PREFIX + SUFFIX);
    // close the schema completion list if it opened, then walk back over what follows "Strateg"
    await page.keyboard.press("Escape");
    for (let i = 0; i < SUFFIX.length; i++) await page.keyboard.press("ArrowLeft");
  } else {
    const ta = page.locator(".p-code-input__textarea").filter({ visible: true }).first();
    await ta.evaluate((el: HTMLTextAreaElement, original: string) => {
      const at = el.value.indexOf(original);
      el.focus();
      el.setSelectionRange(at, at + original.length);
    }, ORIGINAL);
    await page.keyboard.insertText(PREFIX + SUFFIX);
    await ta.evaluate((el: HTMLTextAreaElement, prefix: string) => {
      const at = el.value.indexOf(prefix) + prefix.length;
      el.setSelectionRange(at, at);
    }, PREFIX);
  }
  // let the checks of the inserted line settle; the timer is armed only when no conflict is shown
  await page.waitForTimeout(1_500);
}

async function editorText(page: Page, app: BenchApp, pool: string): Promise<string> {
  if (app === "prefect")
    return page.locator(".p-code-input__textarea").filter({ visible: true }).first().inputValue();
  // Monaco renders only the lines in view; the draft in localStorage holds the whole text
  return page.evaluate((suffix) => {
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i) ?? "";
      if (key.startsWith("pooldeck:draft:v1:") && key.endsWith(suffix))
        return (JSON.parse(localStorage.getItem(key) ?? "{}") as { text?: string }).text ?? "";
    }
    return "";
  }, `:${pool}`);
}

type JsonMap = Record<string, unknown>;
type ConflictState = { typed: number | null; painted: number | null; text: string | null };

/** Starts a Chromium performance trace of the page; the returned function ends it and gives its events. */
async function startTrace(page: Page): Promise<() => Promise<TraceEvent[]>> {
  const cdp = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on("Tracing.dataCollected", (e) => {
    events.push(...(e.value as unknown as TraceEvent[]));
  });
  await cdp.send("Tracing.start", {
    traceConfig: { includedCategories: ["devtools.timeline", "toplevel", "v8"] },
    transferMode: "ReportEvents",
  });
  return async () => {
    const done = new Promise<void>((resolve) =>
      cdp.once("Tracing.tracingComplete", () => resolve()),
    );
    await cdp.send("Tracing.end");
    await done;
    await cdp.detach();
    return events;
  };
}

async function conflict(
  page: Page,
  app: BenchApp,
  pool: string,
  templateText: string,
  trace?: (summary: string) => void,
): Promise<{ ms: number | null; text: string | null }> {
  await prepareEdit(page, app, templateText);
  await page.evaluate(armConflictTimer(app, "y"));
  const early = (await page.evaluate("window.__conflict.text")) as string | null;
  if (early) throw new Error(`${app}: an error was shown before the keystroke: ${early}`);
  const endTrace = trace ? await startTrace(page) : undefined;
  await page.keyboard.press("y");
  const deadline = Date.now() + CONFLICT_WAIT_MS;
  let state: ConflictState = { typed: null, painted: null, text: null };
  while (Date.now() < deadline) {
    state = (await page.evaluate("window.__conflict")) as ConflictState;
    if (state.painted !== null) break;
    await page.waitForTimeout(50);
  }
  if (endTrace && trace) {
    const events = await endTrace();
    const windowMs =
      state.painted !== null && state.typed !== null ? state.painted - state.typed : 0;
    const summary = summarizeKeystroke(events, windowMs);
    trace(summary ? formatKeystrokeSummary(summary, windowMs) : "(the trace has no keydown)");
  }
  // the edit must really be in the document, or the figure means nothing
  const expected = '[{"capacityProvider":"general-asg","weight":1}]';
  const strategyOf = (text: string) => {
    try {
      const doc = JSON.parse(text) as { job_configuration: { task_run_request: JsonMap } };
      const request = doc.job_configuration.task_run_request;
      return {
        strategy: JSON.stringify(request.capacityProviderStrategy),
        launchType: request.launchType,
      };
    } catch {
      return { strategy: undefined, launchType: undefined };
    }
  };
  let found = strategyOf("");
  for (let i = 0; i < 20 && found.strategy !== expected; i++) {
    found = strategyOf(await editorText(page, app, pool));
    if (found.strategy !== expected) await page.waitForTimeout(100);
  }
  if (found.strategy !== expected || found.launchType === undefined)
    throw new Error(`${app}: the edit did not give task_run_request launchType and the strategy`);
  if (state.typed === null) throw new Error(`${app}: the keystroke was not seen by the page`);
  return {
    ms: state.painted === null ? null : state.painted - state.typed,
    text: state.text,
  };
}

type StorageState = Awaited<ReturnType<BrowserContext["storageState"]>>;

/**
 * Signs in once, in a browser context of its own, and returns its cookies: every measured context
 * starts with them, so sign-in is neither timed nor warms a measured context's cache.
 */
export async function signedInState(
  browser: Browser,
  signIn: (page: Page) => Promise<void>,
): Promise<StorageState> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    await signIn(await context.newPage());
    return await context.storageState();
  } finally {
    await context.close();
  }
}

/** A signed-in context's cookies as a Cookie header. */
export function cookieHeader(state: StorageState | undefined): string {
  return (state?.cookies ?? []).map((c) => `${c.name}=${c.value}`).join("; ");
}

/**
 * SERVER_WARM_UP_REQUESTS requests of each page, in turn, before anything is measured: a server
 * that has just started runs its first requests unoptimized (V8 has not compiled its hot paths
 * yet), and every server measured gets the same requests. Asked as a browser navigation asks
 * (`accept: text/html`): Prefect's UI answers 404 to a deep link otherwise.
 */
export async function warmUp(pages: { url: string; cookie?: string }[]): Promise<void> {
  for (let i = 0; i < SERVER_WARM_UP_REQUESTS; i++) {
    for (const { url, cookie } of pages) {
      const res = await fetch(url, {
        headers: { accept: "text/html", ...(cookie ? { cookie } : {}) },
      });
      await res.arrayBuffer();
      if (!res.ok) throw new Error(`${url}: HTTP ${res.status} while warming the server up`);
    }
  }
}

async function oneRun(
  browser: Browser,
  app: BenchApp,
  o: PageBenchOptions,
  templateText: string,
  storageState: StorageState | undefined,
  shots?: string,
  trace?: (summary: string) => void,
): Promise<PageRun> {
  const context = await browser.newContext({
    viewport: VIEWPORT,
    ...(storageState ? { storageState } : {}),
  });
  try {
    await context.addInitScript({ content: initScript(app) });
    const page = await context.newPage();
    const url = urlFor(app, o);
    const cold = await measureLoad(page, url);
    if (shots) await page.screenshot({ path: `${shots}-${app}-1-editable.png` });
    // what the page does once it is ready (Pooldeck's deferred sections, Prefect's UI's API calls)
    // would otherwise overlap the reload: the warm figure is the cached load alone
    await page.waitForTimeout(SETTLE_MS);
    const warm = await measureLoad(page, url);
    const c = await conflict(page, app, o.pool, templateText, trace).catch(
      async (error: unknown) => {
        await page.screenshot({ path: join(o.screenshotDir, `failed-${app}.png`) });
        throw error;
      },
    );
    if (shots) await page.screenshot({ path: `${shots}-${app}-2-after-conflict-keystroke.png` });
    return { app, cold, warm, conflictMs: c.ms, conflictText: c.text };
  } finally {
    await context.close();
  }
}

/** Runs the page benchmark: one unmeasured round with screenshots, then `runs` alternating rounds. */
export async function runPageBench(o: PageBenchOptions): Promise<PageBenchResult> {
  const log = o.log ?? (() => {});
  const res = await fetch(`${o.prefectUrl}/api/work_pools/${encodeURIComponent(o.pool)}`);
  if (!res.ok) throw new Error(`pool ${o.pool}: HTTP ${res.status} from Prefect`);
  const pool = (await res.json()) as { base_job_template: object };
  // what both editors show: Pooldeck pretty-prints with 2 spaces, as Prefect's UI does
  const templateText = JSON.stringify(pool.base_job_template, null, 2);
  mkdirSync(o.screenshotDir, { recursive: true });
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
  });
  try {
    const shots = join(o.screenshotDir, "page");
    let storageState: StorageState | undefined;
    if (o.signIn) {
      storageState = await signedInState(browser, o.signIn);
      log("  signed in (a context of its own; its cookies start every measured context)");
    }
    await warmUp([
      { url: urlFor("pooldeck", o), cookie: cookieHeader(storageState) },
      { url: urlFor("prefect", o) },
    ]);
    log(`  ${SERVER_WARM_UP_REQUESTS} requests of each page to warm both servers up`);
    // warm-up round: servers compile and cache their first render; screenshots are taken here only
    // the warm-up round also traces Pooldeck's conflict keystroke (tracing slows the page a little,
    // so never in a measured run)
    let conflictTrace: string | undefined;
    for (const app of ["pooldeck", "prefect"] as const) {
      const trace =
        app === "pooldeck" ? (summary: string) => void (conflictTrace = summary) : undefined;
      await oneRun(browser, app, o, templateText, storageState, shots, trace);
      log(`  warm-up ${app} done (screenshots in ${o.screenshotDir})`);
    }
    const runs: PageRun[] = [];
    for (let i = 0; i < o.runs; i++) {
      for (const app of ["pooldeck", "prefect"] as const) {
        // the previous run's page may have left work behind (Prefect's UI keeps its server busy
        // with API calls for a moment after it closes): each run starts on a quiet machine
        await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
        const run = await oneRun(browser, app, o, templateText, storageState);
        runs.push(run);
        log(
          `  run ${i + 1} ${app}: form ${run.cold.formMs?.toFixed(0)} ms, json ${run.cold.jsonMs?.toFixed(0)} ms, ` +
            `JS ${(run.cold.scripts.encoded / 1000).toFixed(1)} kB, warm form ${run.warm.formMs?.toFixed(0)} ms, ` +
            `conflict ${run.conflictMs === null ? "none shown" : `${run.conflictMs.toFixed(0)} ms`}`,
        );
      }
    }
    const screenshots = (["pooldeck", "prefect"] as const).flatMap((app) => [
      `${shots}-${app}-1-editable.png`,
      `${shots}-${app}-2-after-conflict-keystroke.png`,
    ]);
    return {
      chromium: browser.version(),
      runs,
      ...(conflictTrace ? { conflictTrace } : {}),
      urls: { pooldeck: urlFor("pooldeck", o), prefect: urlFor("prefect", o) },
      screenshots,
    };
  } finally {
    await browser.close();
  }
}
