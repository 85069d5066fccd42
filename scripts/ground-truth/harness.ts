/**
 * Ground-truth harness: for one scenario, creates the ECS work pool, a flow, a deployment and a
 * flow run in a real Prefect server, runs the real prefect-aws worker against moto behind a
 * recording proxy, and returns the RegisterTaskDefinition and RunTask requests it sent.
 */
import { DescribeTaskDefinitionCommand } from "@aws-sdk/client-ecs";

import type { JsonObject } from "@/lib/template/types";

import { awsClients, subnetIdsOf, type AwsWorld } from "./aws-world";
import { prefectApi } from "./prefect-api";
import { startRecordingProxy } from "./recording-proxy";
import { runWorkerUntilRunTask } from "./run-worker";
import type { Scenario, ScenarioInputs } from "./scenarios";

/** Everything one scenario produced; also the shape of the saved fixtures in captured/. */
export type Capture = {
  scenario: string;
  title: string;
  inputs: ScenarioInputs;
  /** What the worker could see in AWS: subnets per VPC in DescribeSubnets order, the given task definition. */
  aws: {
    defaultVpcId: string;
    subnetsByVpc: Record<string, string[]>;
    existingTaskDefinition: JsonObject | null;
  };
  /** Identifiers Prefect generated for this run (the model cannot know them; see normalize.ts). */
  run: {
    workPoolName: string;
    workPoolId: string;
    flowId: string;
    flowName: string;
    deploymentId: string;
    deploymentName: string;
    flowRunId: string;
    flowRunName: string;
  };
  worker: {
    registerTaskDefinition: JsonObject | null;
    /** null when the worker failed the flow run before RunTask (then `failure` says how) */
    runTask: JsonObject | null;
    failure: { state: string; message: string } | null;
    calls: string[];
    ms: number;
  };
};

export type HarnessContext = {
  prefectApiUrl: string;
  motoUrl: string;
  world: AwsWorld;
  /** one flow shared by all scenarios */
  flow: { id: string; name: string };
  /** when set, removing the scenario's Prefect objects is handed to the caller, off the critical path */
  defer?: (cleanup: () => Promise<void>) => void;
};

/** Creates the shared flow for a run of the harness. */
export async function createFlow(prefectApiUrl: string, runId: string) {
  return prefectApi(prefectApiUrl).createFlow(`ground-truth-${runId}`);
}

/** Runs one scenario end to end against the real worker and returns what it sent. */
export async function captureScenario(
  ctx: HarnessContext,
  scenario: Scenario,
  timeoutMs = 60_000,
): Promise<Capture> {
  const api = prefectApi(ctx.prefectApiUrl);
  const inputs = scenario.build(ctx.world);
  const poolName = `gt-${scenario.id}-${ctx.world.runId}`;
  const pool = await api.createWorkPool(poolName, inputs.template);
  const proxy = await startRecordingProxy(ctx.motoUrl);
  const run = () =>
    runWorkerUntilRunTask({ pool: poolName, prefectApiUrl: ctx.prefectApiUrl, proxy, timeoutMs });
  // The worker's Python start-up (seconds of CPU) overlaps with creating the deployment and the
  // flow run below; a worker that polled before the run existed is started again further down.
  const first = run();
  first.catch(() => undefined); // awaited below; this only keeps an early failure "handled"
  let deploymentId: string | undefined;
  let flowRunId: string | undefined;
  try {
    const deployment = await api.createDeployment(
      ctx.flow.id,
      scenario.id,
      poolName,
      inputs.jobVariables,
    );
    deploymentId = deployment.id;
    const flowRun = await api.createFlowRun(deployment.id);
    flowRunId = flowRun.id;

    const { ec2, ecs } = awsClients(ctx.motoUrl);
    const vpcIds = [ctx.world.defaultVpc.id, ctx.world.customVpc.id];
    const subnetsByVpc: Record<string, string[]> = {};
    for (const id of vpcIds) subnetsByVpc[id] = await subnetIdsOf(ec2, id);
    const arn = inputs.jobVariables.task_definition_arn;
    const existingTaskDefinition =
      typeof arn === "string"
        ? (JSON.parse(
            JSON.stringify(
              (await ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: arn })))
                .taskDefinition,
            ),
          ) as JsonObject)
        : null;

    let result = await first;
    let state = result.runTask ? null : (await api.readFlowRun(flowRun.id)).state;
    if (
      !result.runTask &&
      state?.type === "SCHEDULED" &&
      !proxy.calls.some((c) => c.service === "ecs")
    ) {
      // A --run-once worker polls once; if that poll came before the flow run existed, or met a
      // busy server (SQLite answers 503 while another scenario writes), it exits without touching
      // the run. Only then start it once more.
      result = await run();
      state = result.runTask ? null : (await api.readFlowRun(flowRun.id)).state;
    }
    if (!result.runTask && scenario.expect !== "worker-fails-the-run") {
      throw new Error(
        `${result.exit} without calling RunTask for pool ${poolName} (flow run ${state?.type}: ` +
          `${state?.message}). Worker log:\n${result.log.slice(-4000)}`,
      );
    }
    if (result.runTask && scenario.expect === "worker-fails-the-run") {
      throw new Error(`the worker called RunTask for ${scenario.id}, which should fail the run`);
    }
    return {
      scenario: scenario.id,
      title: scenario.title,
      inputs,
      aws: { defaultVpcId: ctx.world.defaultVpc.id, subnetsByVpc, existingTaskDefinition },
      run: {
        workPoolName: poolName,
        workPoolId: pool.id,
        flowId: ctx.flow.id,
        flowName: ctx.flow.name,
        deploymentId: deployment.id,
        deploymentName: deployment.name,
        flowRunId: flowRun.id,
        flowRunName: flowRun.name,
      },
      worker: {
        registerTaskDefinition: (result.registerTaskDefinition as JsonObject | undefined) ?? null,
        runTask: (result.runTask as JsonObject | null) ?? null,
        failure: state ? { state: state.type, message: state.message ?? "" } : null,
        calls: result.calls,
        ms: result.ms,
      },
    };
  } catch (err) {
    await first.catch(() => undefined); // never leave a worker running behind an error
    throw err;
  } finally {
    await proxy.close();
    // leave the Prefect server as we found it (now, or when the caller collects the cleanups)
    const cleanup = async () => {
      if (flowRunId) await api.deleteFlowRun(flowRunId).catch(() => undefined);
      if (deploymentId) await api.deleteDeployment(deploymentId).catch(() => undefined);
      await api.deleteWorkPool(poolName).catch(() => undefined);
    };
    if (ctx.defer) ctx.defer(cleanup);
    else await cleanup();
  }
}

/**
 * Runs `fn` over `items` with at most `limit` at a time, keeping the input order in the result.
 * After a failure no new item starts, but running ones finish (so their workers are stopped and
 * their pools removed) before the first error is thrown.
 */
export async function mapLimit<T, R>(
  items: T[],
  limit: number,
  fn: (item: T) => Promise<R>,
): Promise<R[]> {
  const out: R[] = new Array<R>(items.length);
  let next = 0;
  let failed = false;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length && !failed) {
      const i = next++;
      try {
        out[i] = await fn(items[i] as T);
      } catch (err) {
        failed = true;
        throw err;
      }
    }
  });
  const results = await Promise.allSettled(lanes);
  const rejected = results.find((r) => r.status === "rejected");
  if (rejected) throw rejected.reason;
  return out;
}
