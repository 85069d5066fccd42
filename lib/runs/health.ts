/**
 * The pool page's one-line health: how many of the recent runs failed and, by diagnosis, why.
 * Pure: it reads the runs lib/runs/load.ts already loaded.
 */
import { RUN_DIAGNOSES } from "./diagnoses/catalog";
import type { PoolRun } from "./types";

const FAILED = new Set(["FAILED", "CRASHED"]);
const FINISHED = new Set(["COMPLETED", "FAILED", "CRASHED", "CANCELLED"]);

/**
 * E.g. "3 of the last 20 runs failed: image pull", "All of the last 20 runs succeeded",
 * "None of the last 5 runs failed; 2 have not finished", or "No runs yet".
 */
export function healthSummary(runs: PoolRun[]): string {
  const n = runs.length;
  if (n === 0) return "No runs yet";
  const last = n === 1 ? "the last run" : `the last ${n} runs`;
  const failed = runs.filter((r) => FAILED.has(r.flowRun.stateType));
  if (failed.length === 0) {
    const open = runs.filter((r) => !FINISHED.has(r.flowRun.stateType)).length;
    const cancelled = runs.filter((r) => r.flowRun.stateType === "CANCELLED").length;
    if (open === 0 && cancelled === 0)
      return n === 1 ? "The last run succeeded" : `All of ${last} succeeded`;
    const notes = [
      open ? `${open} ${open === 1 ? "has" : "have"} not finished` : "",
      cancelled ? `${cancelled} ${cancelled === 1 ? "was" : "were"} cancelled` : "",
    ].filter(Boolean);
    return `None of ${last} failed; ${notes.join(", ")}`;
  }
  // the failures' diagnoses, most frequent first (catalog order breaks ties)
  const counts = new Map<string, number>();
  for (const run of failed) {
    for (const rule of new Set(run.diagnoses.map((d) => d.rule))) {
      counts.set(rule, (counts.get(rule) ?? 0) + 1);
    }
  }
  const order = RUN_DIAGNOSES.map((d) => d.id as string);
  const titles = [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || order.indexOf(a[0]) - order.indexOf(b[0]))
    .map(([rule]) => RUN_DIAGNOSES.find((d) => d.id === rule)?.title ?? rule);
  const why = titles.length ? `: ${titles.slice(0, 3).join(", ")}` : "";
  return `${failed.length} of ${last} failed${why}`;
}
