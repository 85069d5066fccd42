/**
 * The check engine on fuzzed ~1 MB templates, checked as the editor checks them
 * (./checks-fuzz-sequence.ts), in the engine that runs the editor — Debian's Chromium, the
 * sequence bundled by esbuild and minified like the production build — and in Node (the CLI's
 * and the server's engine; Node 20's V8 is older than Chromium's). Target: every check of a
 * template of at most 1 MB within 50 ms in the editor, both modes.
 * Run: `npx tsx scripts/bench/checks-fuzz.ts` (or `npm run bench -- --only=checks`).
 */
import { fileURLToPath } from "node:url";

import { build } from "esbuild";
import { chromium } from "playwright-core";

import { CHROMIUM_ARGS, CHROMIUM_PATH } from "@/testing/e2e/chromium";

import { editorSequence, HIDDEN, SHOWN, type SequenceTimes } from "./checks-fuzz-sequence";

const TARGET_MS = 50;
const RUNS = 30;
const REPO = fileURLToPath(new URL("../..", import.meta.url));

/** Median and slowest of the times, and which paste (1-based) was the slowest. */
function summary(times: number[]): { median: number; slowest: number; at: number } {
  const at = times.indexOf(Math.max(...times)) + 1;
  const sorted = [...times].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)]!, slowest: sorted.at(-1)!, at };
}

/** The sequence in a fresh Chromium page: the bundled ./checks-fuzz-page.ts, called once. */
async function inChromium(runs: number): Promise<SequenceTimes> {
  const bundle = await build({
    absWorkingDir: REPO,
    entryPoints: ["scripts/bench/checks-fuzz-page.ts"],
    bundle: true,
    write: false,
    minify: true,
    platform: "browser",
    format: "iife",
    target: "es2022",
    define: { "process.env.NODE_ENV": '"production"' },
    logLevel: "warning",
  });
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    await page.addScriptTag({ content: bundle.outputFiles[0]!.text });
    return await page.evaluate(
      (n) =>
        (
          globalThis as unknown as { __checksFuzz: (runs: number) => Promise<SequenceTimes> }
        ).__checksFuzz(n),
      runs,
    );
  } finally {
    await browser.close();
  }
}

/** One line: both modes' median and slowest check, and the verdict against the target. */
function report(engine: string, times: SequenceTimes): string {
  const a = summary(times.shown);
  const b = summary(times.hidden);
  const slowest = Math.max(a.slowest, b.slowest);
  const ms = (n: number) => `${n.toFixed(1)} ms`;
  return (
    `${engine}: fuzzed ~1 MB templates (${times.shown.length} pasted at human speed, up to ` +
    `${(times.maxBytes / 1024).toFixed(0)} KiB, each checked in both modes): ` +
    `${SHOWN} (shown, with the parse) median ${ms(a.median)}, slowest ${ms(a.slowest)} (paste ${a.at}); ` +
    `${HIDDEN} (when idle) median ${ms(b.median)}, slowest ${ms(b.slowest)} (paste ${b.at}); ` +
    `target ${TARGET_MS} ms per check, ${slowest <= TARGET_MS ? "PASS" : "MISS"}`
  );
}

/** The fuzz bench in Chromium (the editor's engine, the budget's) and in Node, one line each. */
export async function runChecksFuzzBench(runs = RUNS): Promise<string> {
  const browser = report("in Chromium (the editor)", await inChromium(runs));
  const node = report("in Node (CLI, server)", await editorSequence(runs));
  return `${browser}\n${node}`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(await runChecksFuzzBench());
}
