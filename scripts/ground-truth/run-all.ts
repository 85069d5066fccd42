/**
 * Runs every ground-truth scenario against the local stack (ports from POOLDECK_PREFECT_PORT and
 * POOLDECK_MOTO_PORT, as scripts/stack.sh uses them).
 */
import { createAwsWorld, destroyAwsWorld } from "./aws-world";
import { captureScenario, createFlow, mapLimit, type Capture } from "./harness";
import { prefectApi } from "./prefect-api";
import { SCENARIOS } from "./scenarios";

/** The stack's URLs as scripts/stack.sh starts it. */
export function stackUrls() {
  const prefectPort = process.env.POOLDECK_PREFECT_PORT ?? "4200";
  const motoPort = process.env.POOLDECK_MOTO_PORT ?? "5000";
  return {
    prefectApiUrl: `http://127.0.0.1:${prefectPort}/api`,
    motoUrl: `http://127.0.0.1:${motoPort}`,
  };
}

/** Two workers at a time: each is a Python process that takes a few seconds of CPU to start. */
export const CONCURRENCY = 2;

/** Captures every scenario (or those named in `only`) and reports the wall time. */
export async function runGroundTruth(opts: { only?: string[]; log?: (m: string) => void } = {}) {
  const started = Date.now();
  const { prefectApiUrl, motoUrl } = stackUrls();
  const scenarios = opts.only?.length
    ? SCENARIOS.filter((s) => opts.only?.includes(s.id))
    : SCENARIOS;
  const world = await createAwsWorld(
    motoUrl,
    scenarios.map((s) => s.id),
  );
  const flow = await createFlow(prefectApiUrl, world.runId);
  const registered: string[] = [];
  const cleanups: (() => Promise<void>)[] = [];
  const defer = (cleanup: () => Promise<void>) => void cleanups.push(cleanup);
  try {
    const captures: Capture[] = await mapLimit(scenarios, CONCURRENCY, async (s) => {
      const c = await captureScenario({ prefectApiUrl, motoUrl, world, flow, defer }, s);
      const arn = c.worker.runTask?.taskDefinition;
      if (c.worker.registerTaskDefinition && typeof arn === "string") registered.push(arn);
      opts.log?.(
        `${s.id}: worker ${(c.worker.ms / 1000).toFixed(1)} s, calls ${c.worker.calls.join(" ")}`,
      );
      return c;
    });
    return { captures, ms: Date.now() - started };
  } finally {
    // leave both servers as we found them, for the integration tests that run after this one
    await Promise.all(cleanups.map((cleanup) => cleanup()));
    await prefectApi(prefectApiUrl)
      .deleteFlow(flow.id)
      .catch(() => undefined);
    await destroyAwsWorld(motoUrl, world, registered);
  }
}
