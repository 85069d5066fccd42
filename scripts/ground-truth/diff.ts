/**
 * Lists, per scenario, where prepareEcsRun differs from the recorded worker requests in captured/:
 *   npx tsx scripts/ground-truth/diff.ts [scenario…]
 * One line per differing path: the worker's value, then the model's (after normalize.ts).
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

import { modelSide, workerSide } from "./compare";
import type { Capture } from "./harness";

type Json = unknown;

/** Paths where `a` (worker) and `b` (model) differ, with both values; arrays compared by index. */
export function differences(
  a: Json,
  b: Json,
  at = "",
): { path: string; worker: Json; model: Json }[] {
  if (JSON.stringify(a) === JSON.stringify(b)) return [];
  const bothObjects =
    a !== null &&
    b !== null &&
    typeof a === "object" &&
    typeof b === "object" &&
    Array.isArray(a) === Array.isArray(b);
  if (!bothObjects) return [{ path: at || "/", worker: a, model: b }];
  const ao = a as Record<string, Json>;
  const bo = b as Record<string, Json>;
  // environment and tags lists: compare by name/key so one missing entry is one line
  const keyed = (v: Json) =>
    Array.isArray(v) && v.every((x) => x && typeof x === "object" && ("name" in x || "key" in x))
      ? Object.fromEntries(v.map((x: Record<string, Json>) => [String(x.name ?? x.key), x]))
      : null;
  const ak = keyed(a);
  const bk = keyed(b);
  const [l, r] = ak && bk ? [ak, bk] : [ao, bo];
  const keys = [...new Set([...Object.keys(l), ...Object.keys(r)])];
  return keys.flatMap((k) => differences(l[k], r[k], `${at}/${k}`));
}

const dir = path.join(import.meta.dirname, "captured");
const only = process.argv.slice(2);
for (const f of readdirSync(dir).filter((x) => x.endsWith(".json"))) {
  const c = JSON.parse(readFileSync(path.join(dir, f), "utf8")) as Capture;
  if (only.length && !only.includes(c.scenario)) continue;
  const { comparable: model, notes, workerFailures } = modelSide(c);
  const diffs = differences(workerSide(c), model);
  console.log(`## ${c.scenario}: ${diffs.length ? `${diffs.length} difference(s)` : "equal"}`);
  for (const d of diffs) {
    console.log(
      `  ${d.path}\n    worker: ${JSON.stringify(d.worker)}\n    model:  ${JSON.stringify(d.model)}`,
    );
  }
  if (diffs.length && notes.length) console.log(`  model notes: ${notes.join(" | ")}`);
  if (diffs.length && workerFailures.length)
    console.log(`  model workerFailures: ${workerFailures.join(" | ")}`);
  if (c.worker.failure)
    console.log(`  worker failed the run: ${c.worker.failure.state}: ${c.worker.failure.message}`);
}
