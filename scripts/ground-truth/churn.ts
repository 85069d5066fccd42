/**
 * Ground truth for task definition churn: for each scenario, the real prefect-aws ECS worker
 * handles 3 flow runs in a row (hybrid: one long-lived worker process; push semantics: a fresh
 * `--run-once` process per run), the recording proxy counts its RegisterTaskDefinition calls, and
 * lib/template/registration.ts predicts that count from the template, the deployments and the
 * family's latest revision as DescribeTaskDefinition returns it before the first run.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import {
  CreateClusterCommand,
  DeleteClusterCommand,
  DeregisterTaskDefinitionCommand,
  DescribeTaskDefinitionCommand,
  ListTaskDefinitionsCommand,
  RegisterTaskDefinitionCommand,
  type RegisterTaskDefinitionCommandInput,
} from "@aws-sdk/client-ecs";

import { prepareEcsRun } from "@/lib/template/ecs-run";
import defaultTemplate from "@/lib/template/fixtures/prefect-ecs-default.json";
import {
  latestRevision,
  matchLatestOf,
  type LatestRevision,
  perRunValuesIn,
  predictRegistration,
  registrationsFor,
  type RegistrationPrediction,
} from "@/lib/template/registration";
import type { BaseJobTemplate } from "@/lib/template/schema";
import type { JsonObject } from "@/lib/template/types";

import { awsClients } from "./aws-world";
import { mapLimit } from "./harness";
import { prefectApi } from "./prefect-api";
import { startRecordingProxy, type RecordingProxy } from "./recording-proxy";
import { runWorkerUntilRunTask, startLongLivedWorker } from "./run-worker";
import { stackUrls } from "./run-all";

export type ChurnScenario = {
  id: string;
  title: string;
  mode: "hybrid" | "push";
  /** edits Prefect's default ECS template */
  template?: (t: JsonObject) => void;
  /** each deployment's job_variables (`family` may use FAMILY, replaced by a unique name) */
  deployments: JsonObject[];
  /** which deployment each flow run belongs to, in order (default: three runs of the first) */
  runs?: number[];
  /** a flow run's own job variables, by run index */
  runJobVariables?: (run: number) => JsonObject;
  /** registers this (from the first deployment's prepared task definition) before the first run */
  preRegister?: (prepared: JsonObject) => JsonObject;
};

/** Replaced by a family name unique to the scenario and the run. */
export const FAMILY = "<family>";

function containers(t: JsonObject): JsonObject[] {
  const td = (t.job_configuration as JsonObject).task_definition as JsonObject;
  return td.containerDefinitions as JsonObject[];
}

function withContainers(td: JsonObject, edit: (c: JsonObject[]) => JsonObject[]): JsonObject {
  const copy = structuredClone(td);
  copy.containerDefinitions = edit(copy.containerDefinitions as JsonObject[]);
  return copy;
}

export const CHURN_SCENARIOS: ChurnScenario[] = [
  {
    id: "default-hybrid",
    title: "Prefect's default template in a hybrid pool",
    mode: "hybrid",
    deployments: [{}],
  },
  {
    id: "match-latest-off",
    title: "match_latest off, an identical revision already in the family",
    mode: "hybrid",
    deployments: [{ family: FAMILY }],
    preRegister: (td) => td,
  },
  {
    id: "match-latest-equal",
    title: "match_latest on, an identical revision already in the family",
    mode: "hybrid",
    deployments: [{ family: FAMILY, match_latest_revision_in_family: true }],
    preRegister: (td) => td,
  },
  {
    id: "match-latest-differs",
    title: "match_latest on, the latest revision has another cpu",
    mode: "hybrid",
    deployments: [{ family: FAMILY, match_latest_revision_in_family: true }],
    preRegister: (td) => ({ ...td, cpu: "512" }),
  },
  {
    id: "environment-order",
    title: "environment in the template in another order than the registered revision",
    mode: "hybrid",
    template: (t) => {
      (containers(t)[0] as JsonObject).environment = [
        { name: "ZED", value: "z" },
        { name: "ALPHA", value: "a" },
      ];
    },
    deployments: [{ family: FAMILY, match_latest_revision_in_family: true }],
    preRegister: (td) =>
      withContainers(td, (cs) =>
        cs.map((c) => ({ ...c, environment: [...(c.environment as JsonObject[])].reverse() })),
      ),
  },
  {
    id: "essential-false",
    title: "a sidecar with essential: false; the registered revision spells essential: true out",
    mode: "hybrid",
    template: (t) => {
      containers(t).push({ name: "sidecar", image: "busybox:1", essential: false });
    },
    deployments: [{ family: FAMILY, match_latest_revision_in_family: true }],
    preRegister: (td) => withContainers(td, (cs) => cs.map((c) => ({ essential: true, ...c }))),
  },
  {
    id: "per-run-image",
    title: "each flow run sets its own image job variable (match_latest on)",
    mode: "hybrid",
    deployments: [{ family: FAMILY, match_latest_revision_in_family: true }],
    runJobVariables: (run) => ({ image: `busybox:1.3${run}` }),
  },
  {
    id: "shared-family",
    title: "two deployments share a family with different cpu (match_latest on), runs A, B, A",
    mode: "hybrid",
    deployments: [
      { family: FAMILY, match_latest_revision_in_family: true },
      { family: FAMILY, match_latest_revision_in_family: true, cpu: 2048, memory: 4096 },
    ],
    runs: [0, 1, 0],
  },
  {
    id: "push-default",
    title: "push semantics (a fresh worker per run), default template",
    mode: "push",
    deployments: [{}],
  },
  {
    id: "push-match-latest",
    title: "push semantics, match_latest on, the family empty before the first run",
    mode: "push",
    deployments: [{ family: FAMILY, match_latest_revision_in_family: true }],
  },
];

export type ChurnResult = {
  scenario: string;
  predictions: RegistrationPrediction[];
  predicted: number;
  /** RegisterTaskDefinition calls the worker made for the scenario's runs */
  registered: number;
  calls: string[];
  ms: number;
};

function familyName(scenario: ChurnScenario, runId: string) {
  return `churn-${scenario.id}-${runId}`;
}

function substitute(jobVariables: JsonObject, family: string, cluster: string): JsonObject {
  const out: JsonObject = { cluster, ...jobVariables };
  if (out.family === FAMILY) out.family = family;
  return out;
}

function runTaskFor(body: unknown, flowRunId: string): boolean {
  const tags = (body as { tags?: { key: string; value: string }[] } | null)?.tags ?? [];
  return tags.some((t) => t.key === "prefect.io/flow-run-id" && t.value === flowRunId);
}

/**
 * Waits until the proxy has seen RunTask for the flow run (the worker registers before it), or
 * fails when the worker exits first.
 */
async function waitForRunTask(
  proxy: RecordingProxy,
  flowRunId: string,
  exited: Promise<string>,
  log: () => string,
) {
  let gone: string | null = null;
  void exited.then((why) => (gone = why));
  const deadline = Date.now() + 60_000;
  while (!proxy.calls.some((c) => c.operation === "RunTask" && runTaskFor(c.body, flowRunId))) {
    if (gone) throw new Error(`${gone} before RunTask. Worker log:\n${log().slice(-3000)}`);
    if (Date.now() > deadline)
      throw new Error(`no RunTask within 60 s. Worker log:\n${log().slice(-3000)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function latestOf(ecs: ReturnType<typeof awsClients>["ecs"], family: string) {
  try {
    const res = await ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: family }));
    return latestRevision(JSON.parse(JSON.stringify(res.taskDefinition)) as JsonObject);
  } catch (err) {
    if (
      (err as Error).name === "ClientException" ||
      /not found|Unable to describe/i.test(String(err))
    )
      return "none" as const;
    throw err;
  }
}

async function runScenario(
  s: ChurnScenario,
  ctx: { prefectApiUrl: string; motoUrl: string; runId: string; cluster: string; flowId: string },
): Promise<ChurnResult> {
  const started = Date.now();
  const api = prefectApi(ctx.prefectApiUrl);
  const { ecs } = awsClients(ctx.motoUrl);
  const t = structuredClone(defaultTemplate) as JsonObject;
  s.template?.(t);
  const poolName = `churn-${s.id}-${ctx.runId}`;
  const family = familyName(s, ctx.runId);
  const pool = await api.createWorkPool(poolName, t);
  const proxy = await startRecordingProxy(ctx.motoUrl);
  const home = await mkdtemp(path.join(tmpdir(), "pooldeck-churn-"));
  const worker =
    s.mode === "hybrid"
      ? startLongLivedWorker({
          pool: poolName,
          prefectApiUrl: ctx.prefectApiUrl,
          awsEndpoint: proxy.url,
          home,
        })
      : null;
  const flowRunIds: string[] = [];
  const deploymentIds: string[] = [];
  try {
    const deployments = [];
    for (const [i, vars] of s.deployments.entries()) {
      const jobVariables = substitute(vars, family, ctx.cluster);
      const d = await api.createDeployment(ctx.flowId, `${s.id}-${i}`, poolName, jobVariables);
      deploymentIds.push(d.id);
      const plan = prepareEcsRun({
        template: t as unknown as BaseJobTemplate,
        jobVariables,
        mode: "hybrid",
        flowRun: { deploymentId: d.id, workPoolName: pool.name, region: "us-east-1" },
      });
      deployments.push({ name: d.name, id: d.id, plan });
    }
    const first = deployments[0]?.plan.taskDefinition;
    if (s.preRegister && first?.source === "registered") {
      await ecs.send(
        new RegisterTaskDefinitionCommand(
          s.preRegister(first.definition) as unknown as RegisterTaskDefinitionCommandInput,
        ),
      );
    }

    // the prediction, from what Pooldeck can read before any run
    const runs = s.runs ?? [0, 0, 0];
    const latestByFamily = new Map<string, LatestRevision | "none">();
    const predictions: RegistrationPrediction[] = [];
    for (const [i, d] of deployments.entries()) {
      const td = d.plan.taskDefinition;
      const fam = td.source === "registered" ? String(td.definition.family) : "";
      if (!latestByFamily.has(fam)) latestByFamily.set(fam, await latestOf(ecs, fam));
      const perRun = s.runJobVariables ? Object.keys(s.runJobVariables(0)) : [];
      const peers = deployments
        .filter((o, j) => j !== i && o.plan.taskDefinition.source === "registered")
        .filter(
          (o) => (o.plan.taskDefinition as { definition: JsonObject }).definition.family === fam,
        )
        .map((o) => ({
          deployment: o.name,
          taskDefinition: (o.plan.taskDefinition as { definition: JsonObject }).definition,
        }));
      predictions.push(
        predictRegistration({
          taskDefinition: td.source === "registered" ? td : { source: "existing", arn: td.arn },
          mode: s.mode,
          matchLatest: matchLatestOf(d.plan.configuration),
          latest: latestByFamily.get(fam) ?? "none",
          perRunValues: perRunValuesIn(t as unknown as BaseJobTemplate, perRun),
          peers,
        }),
      );
    }
    const predicted = predictions.reduce((sum, p, i) => {
      const n = runs.filter((r) => r === i).length;
      return sum + registrationsFor(p, n, s.mode === "hybrid" ? 1 : n);
    }, 0);

    // the real worker, run after run
    let registered = 0;
    const calls: string[] = [];
    for (const [n, which] of runs.entries()) {
      const deployment = deployments[which];
      if (!deployment) throw new Error(`scenario ${s.id} has no deployment ${which}`);
      const fr = await api.createFlowRun(deployment.id, s.runJobVariables?.(n));
      flowRunIds.push(fr.id);
      if (worker) {
        await waitForRunTask(proxy, fr.id, worker.exited, worker.log).catch(async (err: Error) => {
          const state = (await api.readFlowRun(fr.id)).state;
          throw new Error(`${s.id}: flow run ${state?.type} (${state?.message}): ${err.message}`);
        });
      } else {
        const own = await startRecordingProxy(ctx.motoUrl);
        try {
          let result = await runWorkerUntilRunTask({
            pool: poolName,
            prefectApiUrl: ctx.prefectApiUrl,
            proxy: own,
            timeoutMs: 60_000,
          });
          if (!result.runTask && !own.calls.some((c) => c.service === "ecs"))
            result = await runWorkerUntilRunTask({
              pool: poolName,
              prefectApiUrl: ctx.prefectApiUrl,
              proxy: own,
              timeoutMs: 60_000,
            });
          if (!result.runTask)
            throw new Error(`${result.exit}. Worker log:\n${result.log.slice(-3000)}`);
          registered += own.calls.filter((c) => c.operation === "RegisterTaskDefinition").length;
          calls.push(...own.calls.map((c) => c.operation));
        } finally {
          await own.close();
        }
      }
    }
    registered += proxy.calls.filter((c) => c.operation === "RegisterTaskDefinition").length;
    calls.push(...proxy.calls.map((c) => c.operation));
    return { scenario: s.id, predictions, predicted, registered, calls, ms: Date.now() - started };
  } finally {
    await worker?.stop();
    await proxy.close();
    await rm(home, { recursive: true, force: true });
    for (const id of flowRunIds) await api.deleteFlowRun(id).catch(() => undefined);
    for (const id of deploymentIds) await api.deleteDeployment(id).catch(() => undefined);
    await api.deleteWorkPool(poolName).catch(() => undefined);
  }
}

/** Runs every churn scenario (or those in `only`), three at a time, and cleans up after itself. */
export async function runChurnGroundTruth(only?: string[]) {
  const started = Date.now();
  const { prefectApiUrl, motoUrl } = stackUrls();
  const { ecs } = awsClients(motoUrl);
  const runId = Math.random().toString(36).slice(2, 8);
  const cluster = `churn-${runId}`;
  await ecs.send(new CreateClusterCommand({ clusterName: cluster }));
  const api = prefectApi(prefectApiUrl);
  const flow = await api.createFlow(`churn-${runId}`);
  const scenarios = only?.length
    ? CHURN_SCENARIOS.filter((s) => only.includes(s.id))
    : CHURN_SCENARIOS;
  try {
    // two scenarios at a time: each runs a real worker, and three writing at once kept Prefect's
    // SQLite locked past the harness's retries on a 2-core machine
    const results = await mapLimit(scenarios, 2, (s) =>
      runScenario(s, { prefectApiUrl, motoUrl, runId, cluster, flowId: flow.id }),
    );
    return { results, ms: Date.now() - started };
  } finally {
    await api.deleteFlow(flow.id).catch(() => undefined);
    // every revision of this run: fixed families "churn-…-<runId>", generated "prefect_churn-…-<runId>_…"
    const arns: string[] = [];
    let nextToken: string | undefined;
    do {
      const page = await ecs
        .send(new ListTaskDefinitionsCommand({ ...(nextToken ? { nextToken } : {}) }))
        .catch(() => ({ taskDefinitionArns: [], nextToken: undefined }));
      arns.push(...(page.taskDefinitionArns ?? []).filter((a) => a.includes(`-${runId}`)));
      nextToken = page.nextToken;
    } while (nextToken);
    await Promise.all(
      arns.map((arn) =>
        ecs
          .send(new DeregisterTaskDefinitionCommand({ taskDefinition: arn }))
          .catch(() => undefined),
      ),
    );
    await ecs.send(new DeleteClusterCommand({ cluster })).catch(() => undefined);
  }
}
