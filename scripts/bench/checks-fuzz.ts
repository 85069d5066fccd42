/**
 * The check engine on fuzzed ~1 MB templates: the generated large template of ./checks.ts with
 * random edits (testing/fuzz.ts, fixed seed), each checked once as text, as the editor does when
 * such a document is pasted over the open one: the unedited template is checked first, as the
 * editor checked the open document when the page loaded. Target: every template of at most 1 MB
 * checked in 50 ms.
 * Run: `npx tsx scripts/bench/checks-fuzz.ts` (or `npm run bench -- --only=checks`).
 */
import { fileURLToPath } from "node:url";

import fc from "fast-check";

import { checkText } from "@/lib/checks";
import { applyEdits, editsArb, FUZZ_SEED } from "@/testing/fuzz";

import { generateLargeTemplate } from "./checks";

const TARGET_MS = 50;
const MAX_BYTES = 1024 * 1024;

/** Median and slowest check of `runs` fuzzed templates of at most 1 MB. */
export function runChecksFuzzBench(runs = 30): string {
  const large = generateLargeTemplate(1_000_000);
  const texts = fc
    .sample(editsArb, { seed: FUZZ_SEED, numRuns: runs * 2 })
    .map((edits) => JSON.stringify(applyEdits(large, edits), null, 2))
    .filter((text) => text.length <= MAX_BYTES)
    .slice(0, runs);
  // the open document, checked before anything is pasted over it (not timed)
  checkText(JSON.stringify(large, null, 2), { mode: "hybrid" });
  const times = texts.map((text) => {
    const started = performance.now();
    checkText(text, { mode: "hybrid" });
    return performance.now() - started;
  });
  // which paste was the slowest (the first ones take some paths for the first time)
  const slowestAt = times.indexOf(Math.max(...times)) + 1;
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)]!;
  const slowest = times[times.length - 1]!;
  const kib = Math.max(...texts.map((t) => t.length)) / 1024;
  return (
    `fuzzed ~1 MB templates (${texts.length}, up to ${kib.toFixed(0)} KiB, each checked once): ` +
    `median ${median.toFixed(1)} ms, slowest ${slowest.toFixed(1)} ms (check ${slowestAt}), ` +
    `target ${TARGET_MS} ms, ` +
    `${slowest <= TARGET_MS ? "PASS" : "MISS"}`
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(runChecksFuzzBench());
}
