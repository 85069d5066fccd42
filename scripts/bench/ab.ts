/**
 * `npm run bench:ab -- --a=<dist dir> --b=<dist dir> [--runs=12] [--pool=demo-ecs]`: two production
 * builds of Pooldeck served side by side on the bench stack (app-stack.ts; ports 3461 and 3462),
 * their pool page loaded in turn — a cold load in a fresh browser context, then a warm reload —
 * and the medians compared, with the number of pairs in which B was sooner.
 *
 * How a change is judged: the machine's speed drifts by more than most changes within minutes
 * (BENCHMARKS.md), so two `npm run bench` runs one after the other cannot show a 50 ms change;
 * loads of both builds interleaved can. Build each side first, e.g. on the commit before the change
 * `POOLDECK_DIST_DIR=.next-ab-a npm run build` and on the change `POOLDECK_DIST_DIR=.next-ab-b npm
 * run build` (then `git checkout tsconfig.json`: next build rewrites it for its dist dir).
 */
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { chromium } from "playwright-core";

import { CHROMIUM_ARGS, CHROMIUM_PATH } from "@/testing/e2e/chromium";
import { signIn } from "@/testing/e2e/sign-in";

import { formatAbReport, type AbLoad } from "./ab-report";
import { startBenchApps, type BenchApps } from "./app-stack";
import { initScript } from "./page-probe";
import { SETTLE_MS, VIEWPORT, cookieHeader, measureLoad, signedInState, warmUp } from "./pages";

const root = join(import.meta.dirname, "..", "..");

function option(name: string, fallback?: string): string {
  const arg = process.argv.find((a) => a.startsWith(`--${name}=`));
  const value = arg?.slice(name.length + 3) ?? fallback;
  if (value === undefined || value === "") {
    throw new Error(`--${name}=… is required (npm run bench:ab -- --a=<dist dir> --b=<dist dir>)`);
  }
  return value;
}

async function main() {
  const dirs = { a: option("a"), b: option("b") };
  const runs = Number(option("runs", "12"));
  const pool = option("pool", "demo-ecs");
  if (!Number.isInteger(runs) || runs < 1) throw new Error("--runs must be a whole number ≥ 1");
  for (const dir of Object.values(dirs)) {
    if (!existsSync(join(root, dir, "BUILD_ID")))
      throw new Error(`${dir} holds no production build (POOLDECK_DIST_DIR=${dir} npm run build)`);
  }
  const log = (line: string) => console.log(line);
  // one session secret: a sign-in on one server is valid on the other (cookies ignore the port)
  const authSecret = randomBytes(32).toString("hex");
  const apps: BenchApps[] = [];
  try {
    for (const [side, port] of [
      ["a", "3461"],
      ["b", "3462"],
    ] as const) {
      apps.push(
        await startBenchApps(log, {
          distDir: dirs[side],
          appPort: port,
          authSecret,
          reuseBuild: true,
        }),
      );
    }
    const [a, b] = apps as [BenchApps, BenchApps];
    const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    try {
      const storageState = await signedInState(browser, (page) =>
        signIn(page, { baseURL: a.pooldeckUrl, ...a.user }),
      );
      const cookie = cookieHeader(storageState);
      const url = (app: BenchApps) => `${app.pooldeckUrl}/pools/${encodeURIComponent(pool)}`;
      await warmUp([a, b].map((app) => ({ url: url(app), cookie })));
      const loads: Record<"a" | "b", AbLoad[]> = { a: [], b: [] };
      // one unmeasured round first; then pairs, the order alternating so neither side always goes first
      for (let i = -1; i < runs; i++) {
        const order = i % 2 === 0 ? (["a", "b"] as const) : (["b", "a"] as const);
        for (const side of order) {
          await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
          const context = await browser.newContext({ viewport: VIEWPORT, storageState });
          try {
            await context.addInitScript({ content: initScript("pooldeck") });
            const page = await context.newPage();
            const target = url(side === "a" ? a : b);
            const cold = await measureLoad(page, target);
            await page.waitForTimeout(SETTLE_MS); // as the page bench: the warm reload on its own
            const warm = await measureLoad(page, target);
            if (i < 0) continue;
            loads[side].push({
              coldForm: cold.formMs,
              coldJson: cold.jsonMs,
              coldMonaco: cold.monacoMs,
              warmForm: warm.formMs,
              warmJson: warm.jsonMs,
            });
            const ms = (n: number | null) => (n === null ? "—" : n.toFixed(0));
            log(
              `  pair ${i + 1} ${side.toUpperCase()}: cold form ${ms(cold.formMs)} ms, JSON ${ms(cold.jsonMs)} ms, Monaco ${ms(cold.monacoMs)} ms; warm form ${ms(warm.formMs)} ms, JSON ${ms(warm.jsonMs)} ms`,
            );
          } finally {
            await context.close();
          }
        }
      }
      console.log(`\n${runs} pairs, pool ${pool}; Chromium ${browser.version()}`);
      console.log(formatAbReport(dirs, loads.a, loads.b));
    } finally {
      await browser.close();
    }
  } finally {
    // the second server first: the first one's stop() also stops the stack it started
    for (const app of apps.reverse()) await app.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
