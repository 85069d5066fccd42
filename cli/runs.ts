/**
 * `pooldeck runs --pool <name> [--limit N] [--format json]`: a pool's recent runs with their ECS
 * task and diagnoses, read with the dashboard's own lib/runs (react-server condition, like
 * `pooldeck snapshot`). Exit 0 when the runs were read (whatever they say); 2 on unusable input,
 * an unknown pool or a Prefect that does not answer.
 */
import { parseArgs } from "node:util";

import type { EcsContext } from "@/lib/ecs/context";
import type { PrefectClient } from "@/lib/prefect/client";
import { startLatency } from "@/lib/runs/latency";
import { timingsOf, type RunTimings } from "@/lib/runs/timings";
import type { PoolRun, PoolRunsPage } from "@/lib/runs/types";

import { ecsFromEnv, prefectFromEnv } from "./clients";
import { UsageError } from "./input";
import type { SnapshotIo } from "./snapshot";

const processIo: SnapshotIo = {
  stdout: (t) => void process.stdout.write(t),
  stderr: (t) => void process.stderr.write(t),
};

/** A run's start latency as `--format json` prints it: milliseconds, null where ECS gave no timestamp. */
export function timingsJson(t: RunTimings) {
  return {
    phasesMs: t.phases,
    totalMs: t.totalMs,
    missing: t.missing,
    capacityProvider: t.placement?.capacityProvider ?? null,
    launchType: t.placement?.launchType ?? null,
    instanceType: t.placement?.instanceType ?? null,
    containerInstanceArn: t.placement?.containerInstanceArn ?? null,
    ec2InstanceId: t.placement?.ec2InstanceId ?? null,
    cacheHit: t.cacheHit,
    image: t.image,
    imageDigest: t.imageDigest,
    sameImageOnInstanceBefore: t.sameImageOnInstanceBefore,
  };
}

/** One run as `--format json` prints it; `timings` from timingsOf over all the printed runs. */
export function runJson(run: PoolRun, timings: RunTimings) {
  const t = run.task;
  const task = t.kind === "found" ? t.task : null;
  return {
    flowRunId: run.flowRun.id,
    state: run.flowRun.stateType,
    deployment: run.flowRun.deploymentName,
    taskArn: t.kind === "found" ? t.task.taskArn : t.kind === "not-ecs" ? null : t.taskArn,
    lastStatus: task?.lastStatus ?? (t.kind === "gone" ? "GONE" : null),
    stopCode: task?.stopCode ?? null,
    stoppedReason: task?.stoppedReason ?? null,
    capacityProvider: task?.capacityProviderName ?? null,
    diagnoses: run.diagnoses.map((d) => ({
      rule: d.rule,
      severity: d.severity,
      message: d.message,
      ...(d.target ? { path: d.target.path } : {}),
    })),
    timings: timingsJson(timings),
  };
}

/** The whole `--format json` document: each run, and the start-latency figures over them all. */
export function runsJson(page: PoolRunsPage) {
  const timings = timingsOf(page.runs);
  const { byDeployment, byProvider, withoutTask } = startLatency(page.runs, page.runs.length);
  return {
    runs: page.runs.map((r, i) => runJson(r, timings[i]!)),
    startLatency: { runs: page.runs.length, withoutTask, byDeployment, byProvider },
  };
}

function taskCell(run: PoolRun): string {
  const t = run.task;
  switch (t.kind) {
    case "found":
      return [t.task.lastStatus ?? "?", t.task.capacityProviderName ?? t.task.launchType]
        .filter(Boolean)
        .join(" on ");
    case "gone":
      return "gone (ECS no longer returns it)";
    case "unavailable":
      return "unavailable";
    case "not-ecs":
      return t.raw ? `not an ECS task: ${t.raw}` : "no task";
  }
}

/** The human table: one line per run, then the sections that could not be read. */
export function runsText(page: PoolRunsPage): string {
  if (page.runs.length === 0) return `${page.pool} (${page.poolType}): no runs yet\n`;
  const rows = page.runs.map((r) => [
    r.flowRun.stateName || r.flowRun.stateType,
    r.flowRun.deploymentName ?? "-",
    r.flowRun.name,
    taskCell(r),
    r.diagnoses.map((d) => `${d.rule}: ${d.summary}`).join("; ") || "-",
  ]);
  const header = ["STATE", "DEPLOYMENT", "FLOW RUN", "TASK", "DIAGNOSIS"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!)))
      .join("  ")
      .trimEnd();
  const out = [
    `${page.pool} (${page.poolType}): ${page.runs.length} newest runs`,
    "",
    line(header),
  ];
  for (const row of rows) out.push(line(row));
  for (const p of page.problems) out.push("", `${p.section}: ${p.message}`);
  return out.join("\n") + "\n";
}

/** Runs the command and returns its exit code. */
export async function runRuns(
  args: string[],
  io: SnapshotIo = processIo,
  clients: { prefect?: PrefectClient; ecs?: EcsContext } = {},
): Promise<number> {
  let values: { pool?: string; limit?: string; format?: string };
  try {
    ({ values } = parseArgs({
      args,
      options: { pool: { type: "string" }, limit: { type: "string" }, format: { type: "string" } },
    }));
  } catch (err) {
    io.stderr(`pooldeck runs: ${(err as Error).message}\n`);
    return 2;
  }
  const usage = (message: string) => {
    io.stderr(`pooldeck runs: ${message}\n`);
    return 2;
  };
  if (!values.pool) return usage("missing --pool <name>");
  const format = values.format ?? "text";
  if (format !== "text" && format !== "json") {
    return usage(`--format must be text or json, not ${JSON.stringify(format)}`);
  }
  const limit = values.limit === undefined ? 20 : Number(values.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 200) {
    return usage(
      `--limit must be a whole number from 1 to 200, not ${JSON.stringify(values.limit)}`,
    );
  }
  // imported late so `check` and `render` never load the SDKs
  const { loadPoolRuns } = await import("@/lib/runs/load");
  const { isPrefectError } = await import("@/lib/prefect/errors");
  let prefect = clients.prefect;
  if (!prefect) {
    try {
      prefect = await prefectFromEnv();
    } catch (err) {
      if (err instanceof UsageError) return usage(err.message);
      throw err;
    }
  }
  const ecs = clients.ecs ?? (await ecsFromEnv());
  let page: PoolRunsPage;
  try {
    page = await loadPoolRuns(values.pool, { limit, prefect, ecs });
  } catch (err) {
    if (isPrefectError(err, "not-found")) {
      return usage(
        `No such work pool ${JSON.stringify(values.pool)} in Prefect at ${prefect.apiUrl}`,
      );
    }
    if (isPrefectError(err)) return usage(err.message);
    throw err;
  }
  if (format === "json") {
    io.stdout(JSON.stringify(runsJson(page), null, 2) + "\n");
    for (const p of page.problems)
      io.stderr(`pooldeck runs: warning: ${p.section}: ${p.message}\n`);
  } else {
    io.stdout(runsText(page));
  }
  return 0;
}
