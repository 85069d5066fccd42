/**
 * The pool page's one-line health: how many of the recent runs failed and, by diagnosis, why, and
 * the pool's workers with their last heartbeat. Pure: it reads what lib/runs/load.ts loaded.
 */
import { RUN_DIAGNOSES } from "./diagnoses/catalog";
import { formatDuration } from "./timings";
import type { PoolRun, PoolRunsPage, PoolWorker } from "./types";

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

/** The pool page's runs line, as words: the server composes it, the page only lays it out. */
export interface PoolRunsLine {
  /** healthSummary of the recent runs, e.g. "2 of the last 20 runs failed: image pull" */
  runs: string;
  /** the workers and their last heartbeat, or why there is no list */
  workers: string;
  /** true when `workers` says why there is no list (a push pool, a failed read): shown muted */
  workersMuted: boolean;
}

function workerWords(w: PoolWorker, now: string): string {
  const ago = w.lastHeartbeat ? `${formatDuration(w.lastHeartbeat, now)} ago` : "never";
  return `${w.name} (${w.status ? `${w.status.toLowerCase()}, ` : ""}last heartbeat ${ago})`;
}

/** The runs line of `page` at ISO time `now` (the heartbeats' age is counted to it). */
export function poolRunsLine(page: PoolRunsPage, now: string): PoolRunsLine {
  const runs = healthSummary(page.runs);
  if (page.poolType.endsWith(":push")) {
    return { runs, workers: "Push pool: Prefect submits its runs, no worker.", workersMuted: true };
  }
  if (page.workers === null) {
    const why = page.problems.find((p) => p.section === "workers")?.message;
    return {
      runs,
      workers: `Workers could not be read${why ? `: ${why}` : "."}`,
      workersMuted: true,
    };
  }
  if (page.workers.length === 0) {
    return {
      runs,
      workers: "Workers: none has polled this pool; its runs stay Late until one does.",
      workersMuted: false,
    };
  }
  const list = page.workers.map((w) => workerWords(w, now)).join(", ");
  return { runs, workers: `Workers: ${list}`, workersMuted: false };
}
