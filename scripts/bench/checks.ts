/**
 * Check engine benchmark: median time for what the editor does on every keystroke (parse the
 * text, run every rule, render the RunTask request and task definition) for Prefect's default ECS
 * template and for a generated ~1 MB template. Every iteration checks a new text (a default
 * changes, as when typing), so per-document caches cannot hide work. Targets: 2 ms and 50 ms.
 * Run: `npx tsx scripts/bench/checks.ts`.
 */
import { loadavg } from "node:os";
import { checkText } from "@/lib/checks";
import { prepareEcsRun, type BaseJobTemplate } from "@/lib/template";
import fixture from "@/lib/template/fixtures/prefect-ecs-default.json";
import type { JsonObject } from "@/lib/template/types";
import { generateLargeTemplate } from "./large-template";
import { median } from "./stats";

export interface ChecksBenchResult {
  name: string;
  medianMs: number;
  targetMs: number;
  /** size of the checked text */
  bytes: number;
  runs: number;
  /** the first check of a new variables schema (validator compile included) */
  firstRunMs: number;
  /** medians of the parts: JSON.parse, lib/template's prepareEcsRun, and the rest (the rules) */
  parts: { parseMs: number; renderMs: number; rulesMs: number };
}

/** Texts that differ only in the `name` default, like successive keystrokes. */
function keystrokes(template: JsonObject, count: number): string[] {
  const texts: string[] = [];
  const copy = structuredClone(template);
  const name = ((copy.variables as JsonObject).properties as JsonObject).name as JsonObject;
  for (let i = 0; i < count; i++) {
    name.default = `flow-run-${"x".repeat(i % 17)}${i}`;
    texts.push(JSON.stringify(copy, null, 2));
  }
  return texts;
}

function measure(
  name: string,
  template: JsonObject,
  runs: number,
  targetMs: number,
): ChecksBenchResult {
  const texts = keystrokes(template, runs + 1);
  let start = performance.now();
  checkText(texts[0] ?? "", { mode: "hybrid" });
  const firstRunMs = performance.now() - start;
  const warmup = Math.min(20, runs);
  for (let i = 0; i < warmup; i++) checkText(texts[(i % runs) + 1] ?? "", { mode: "hybrid" });
  const times: number[] = [];
  for (let i = 1; i <= runs; i++) {
    const text = texts[i] ?? "";
    start = performance.now();
    const result = checkText(text, { mode: "hybrid" });
    times.push(performance.now() - start);
    if (!result.plan) throw new Error(`${name}: the template did not render`);
  }
  const parse: number[] = [];
  const render: number[] = [];
  for (let i = 1; i <= runs; i++) {
    start = performance.now();
    const parsed = JSON.parse(texts[i] ?? "") as BaseJobTemplate;
    parse.push(performance.now() - start);
    start = performance.now();
    prepareEcsRun({ template: parsed, mode: "hybrid" });
    render.push(performance.now() - start);
  }
  const medianMs = median(times);
  const parseMs = median(parse);
  const renderMs = median(render);
  return {
    name,
    medianMs,
    targetMs,
    bytes: texts[1]?.length ?? 0,
    runs,
    firstRunMs,
    parts: { parseMs, renderMs, rulesMs: Math.max(0, medianMs - parseMs - renderMs) },
  };
}

/** Runs both benchmarks (for `npm run bench`). */
export async function runChecksBench(): Promise<ChecksBenchResult[]> {
  await Promise.resolve();
  return [
    measure("checks: Prefect default ECS template", structuredClone(fixture) as JsonObject, 500, 2),
    measure("checks: generated 1 MB template", generateLargeTemplate(), 40, 50),
  ];
}

/** One line per benchmark: median, target and ratio. */
export function formatChecksBench(results: ChecksBenchResult[]): string {
  return results
    .map(
      (r) =>
        `${r.name} (${(r.bytes / 1024).toFixed(0)} KiB, ${r.runs} runs): median ${r.medianMs.toFixed(3)} ms, target ${r.targetMs} ms, ${(r.medianMs / r.targetMs).toFixed(2)}× target${r.medianMs <= r.targetMs ? "" : "  MISSED"}\n` +
        `  parts (medians): JSON.parse ${r.parts.parseMs.toFixed(3)} ms, lib/template prepareEcsRun ${r.parts.renderMs.toFixed(3)} ms, rules ≈ ${r.parts.rulesMs.toFixed(3)} ms; first run with a new schema (validator compile) ${r.firstRunMs.toFixed(1)} ms`,
    )
    .join("\n");
}

if (import.meta.url === `file://${process.argv[1]}`) {
  runChecksBench().then(
    (results) => {
      console.log(formatChecksBench(results));
      // wall-clock medians: on a shared machine they scale with the load
      console.log(
        `load average ${loadavg()
          .map((l) => l.toFixed(1))
          .join(" ")}`,
      );
    },
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
