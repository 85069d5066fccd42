/**
 * Starts the real prefect-aws ECS worker from .venv for one work pool, pointed at a recording
 * proxy in front of moto, and stops it as soon as the worker has sent RunTask.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { spawnWorker } from "@/testing/real-worker";

import type { RecordedCall, RecordingProxy } from "./recording-proxy";

export type WorkerRun = {
  /** RegisterTaskDefinition body, absent when the worker used an existing task definition. */
  registerTaskDefinition?: unknown;
  /** null when the worker exited without calling RunTask (see `exit`) */
  runTask: unknown;
  exit: string | null;
  /** Every AWS call in order (operation names only), for the record. */
  calls: string[];
  log: string;
  ms: number;
};

/**
 * Runs `prefect worker start --type ecs --run-once` for `pool` and returns the requests it sent.
 * The flow run must already be scheduled. Kills the worker's process group once RunTask arrives;
 * otherwise waits for the worker to exit (it failed or never picked up the run).
 */
export async function runWorkerUntilRunTask(opts: {
  pool: string;
  prefectApiUrl: string;
  proxy: RecordingProxy;
  timeoutMs: number;
}): Promise<WorkerRun> {
  const started = Date.now();
  const home = await mkdtemp(path.join(tmpdir(), "pooldeck-gt-"));
  const worker = spawnWorker({
    pool: opts.pool,
    prefectApiUrl: opts.prefectApiUrl,
    awsEndpoint: opts.proxy.url,
    home,
    args: ["--run-once"],
  });
  const exited = worker.exited.then((e) => e.message);

  let runTask: RecordedCall | null = null;
  let exit: string | null = null;
  try {
    runTask = await opts.proxy.waitFor("RunTask", opts.timeoutMs, exited);
  } catch (err) {
    const message = (err as Error).message;
    // exiting without RunTask is an outcome (the worker failed the run); a timeout is not
    if (!message.includes("the worker exited")) {
      throw new Error(
        `${message} for pool ${opts.pool}. Worker log:\n${worker.log().slice(-4000)}`,
      );
    }
    exit = message;
  } finally {
    worker.kill();
    await exited;
    await rm(home, { recursive: true, force: true });
  }
  const register = opts.proxy.calls.find((c) => c.operation === "RegisterTaskDefinition");
  return {
    registerTaskDefinition: register?.body,
    runTask: runTask?.body ?? null,
    exit,
    calls: opts.proxy.calls.map((c) => `${c.service}:${c.operation}`),
    log: worker.log(),
    ms: Date.now() - started,
  };
}

/**
 * Starts `prefect worker start --type ecs` for `pool` as a long-lived process (polling every
 * second), so its in-memory task definition cache lives across flow runs, as in a real hybrid
 * deployment. `stop()` kills its process group.
 */
export function startLongLivedWorker(opts: {
  pool: string;
  prefectApiUrl: string;
  awsEndpoint: string;
  home: string;
}) {
  const worker = spawnWorker({ ...opts, env: { PREFECT_WORKER_QUERY_SECONDS: "1" } });
  const exited = worker.exited.then((e) => e.message);
  return {
    exited,
    log: worker.log,
    async stop() {
      worker.kill();
      await exited;
    },
  };
}
