/**
 * Replaced by the runs data module at merge. One line about a pool's recent runs for the pool
 * page: how many failed and the most common reason ("3 of the last 20 runs failed: image pull").
 */
import type { PoolRun } from "./types";

const FAILED = new Set(["FAILED", "CRASHED"]);

/** Short names of the catalog's diagnoses, for the summary line. */
const REASONS: Record<string, string> = {
  "run/image-pull-failed": "image pull",
  "run/secrets-or-logs-init-failed": "secrets or logs setup",
  "run/out-of-memory": "out of memory",
  "run/no-capacity": "no capacity",
  "run/subnet-exhausted": "subnet out of addresses",
  "run/stuck-provisioning": "stuck in provisioning",
  "run/submission-crashed": "submission crashed",
  "run/flow-code-failed": "flow code",
  "run/no-worker": "no worker",
};

/** "3 of the last 20 runs failed: image pull", "All of the last 20 runs succeeded" or "No runs yet". */
export function healthSummary(runs: PoolRun[]): string {
  if (runs.length === 0) return "No runs yet";
  const n = runs.length;
  const last = n === 1 ? "the last run" : `the last ${n} runs`;
  const failed = runs.filter((r) => FAILED.has(r.flowRun.stateType));
  if (failed.length === 0) {
    return runs.every((r) => r.flowRun.stateType === "COMPLETED")
      ? n === 1
        ? "The last run succeeded"
        : `All of ${last} succeeded`
      : `None of ${last} failed`;
  }
  const counts = new Map<string, number>();
  for (const r of failed) {
    const d = r.diagnoses[0];
    if (!d) continue;
    const reason = REASONS[d.rule] ?? d.summary;
    counts.set(reason, (counts.get(reason) ?? 0) + 1);
  }
  const top = [...counts.entries()].sort((a, b) => b[1] - a[1])[0];
  const verb =
    failed.length === 1 && n === 1 ? "The last run failed" : `${failed.length} of ${last} failed`;
  return top ? `${verb}: ${top[0]}` : verb;
}
