/**
 * One pure function per run diagnosis: (flow run, ECS task, pool template, context) → at most one
 * diagnosis. Isomorphic like lib/checks; lib/runs/load.ts gathers the inputs server-side.
 */
import { runChecks } from "@/lib/checks";
import type { ClusterSnapshot } from "@/lib/snapshot/schema";
import type { JsonValue } from "@/lib/template/types";

import type {
  DiagnosisTarget,
  PoolWorker,
  RunDiagnosis,
  RunFlowRun,
  RunTask,
  RunTaskLookup,
} from "../types";
import { runDiagnosisInfo, type RunDiagnosisId } from "./catalog";
import { counted } from "@/lib/template/counted";

export interface DiagnosisContext {
  /** the snapshot of the cluster the task ran in, when the caller has one (sharpens run/no-capacity) */
  snapshot?: ClusterSnapshot;
  /** the pool's workers; null or absent when Prefect could not list them (run/no-worker stays quiet) */
  workers?: PoolWorker[] | null;
  /** the work pool's type, e.g. "ecs" or "ecs:push" */
  poolType: string;
  now: Date;
  /** the run's deployment's job_variables, so a target names the document that really sets the value */
  jobVariables?: JsonValue;
}

export type DiagnosisRule = (
  flowRun: RunFlowRun,
  task: RunTaskLookup,
  template: JsonValue,
  ctx: DiagnosisContext,
) => RunDiagnosis | null;

/** PROVISIONING for longer than this is stuck (ECS's own capacity-provider wait is up to 10–30 min). */
export const STUCK_PROVISIONING_MS = 10 * 60_000;
/**
 * A worker heartbeats every PREFECT_WORKER_HEARTBEAT_SECONDS (default 30 s, which it reports as
 * heartbeat_interval_seconds; it polls for runs every PREFECT_WORKER_QUERY_SECONDS, default 10 s)
 * and Prefect marks it offline after three missed heartbeats. A worker silent for three of its
 * intervals is not picking up runs.
 */
export const DEFAULT_HEARTBEAT_SECONDS = 30;
export const MISSED_HEARTBEATS = 3;

function silentAfterMs(worker: PoolWorker): number {
  return MISSED_HEARTBEATS * (worker.heartbeatIntervalSeconds || DEFAULT_HEARTBEAT_SECONDS) * 1000;
}

/** prefect-aws's default flow container name (the `container_name` variable's default). */
const DEFAULT_CONTAINER = "prefect";

function isObject(v: unknown): v is Record<string, JsonValue> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Where to change pool variable `name`: the deployment's job_variables when it sets it, else the template's variable. */
export function variableTarget(
  name: string,
  flowRun: RunFlowRun,
  template: JsonValue,
  ctx: DiagnosisContext,
): DiagnosisTarget | undefined {
  if (flowRun.deploymentId && isObject(ctx.jobVariables) && name in ctx.jobVariables) {
    return { document: "job_variables", deploymentId: flowRun.deploymentId, path: `/${name}` };
  }
  const properties =
    isObject(template) && isObject(template.variables) ? template.variables.properties : undefined;
  if (isObject(properties) && name in properties) {
    return { document: "template", path: `/variables/properties/${name}` };
  }
  return undefined;
}

function make(
  id: RunDiagnosisId,
  summary: string,
  message: string,
  extra: { target?: DiagnosisTarget; checkRule?: string } = {},
): RunDiagnosis {
  const info = runDiagnosisInfo(id);
  return {
    rule: id,
    severity: info.severity,
    summary,
    message,
    ...(extra.checkRule ? { checkRule: extra.checkRule } : {}),
    ...(extra.target ? { target: extra.target } : {}),
  };
}

function foundTask(task: RunTaskLookup): RunTask | null {
  return task.kind === "found" ? task.task : null;
}

/** The flow container: the one named by the template's container_name default, "prefect", else the only one. */
export function flowContainerName(task: RunTask, template: JsonValue): string | null {
  const properties =
    isObject(template) && isObject(template.variables) ? template.variables.properties : undefined;
  const configured =
    isObject(properties) && isObject(properties.container_name)
      ? properties.container_name.default
      : undefined;
  const names = task.containers.map((c) => c.name);
  for (const candidate of [configured, DEFAULT_CONTAINER]) {
    if (typeof candidate === "string" && names.includes(candidate)) return candidate;
  }
  return names[0] ?? null;
}

function flowContainer(task: RunTask, template: JsonValue) {
  const name = flowContainerName(task, template);
  return task.containers.find((c) => c.name === name) ?? null;
}

/** Every reason text ECS gave: the task's stoppedReason and each container's reason. */
function reasons(task: RunTask | null): string[] {
  if (!task) return [];
  return [task.stoppedReason, ...task.containers.map((c) => c.reason)].filter(
    (r): r is string => typeof r === "string" && r !== "",
  );
}

function firstMatch(texts: (string | null)[], pattern: RegExp): string | null {
  return texts.find((t) => t !== null && pattern.test(t)) ?? null;
}

export const imagePullFailed: DiagnosisRule = (flowRun, task, template, ctx) => {
  const t = foundTask(task);
  const reason = firstMatch(reasons(t), /CannotPullContainerError/);
  if (!reason) return null;
  return make(
    "run/image-pull-failed",
    "ECS could not pull the image",
    `ECS stopped the task before the flow started: "${reason}". The image name or tag may not exist, the execution role may lack ecr:GetAuthorizationToken and ecr:BatchGetImage (or the registry credentials secret), or the task's subnets have no route to the registry (no NAT gateway, public IP or VPC endpoint). Check the image first.`,
    { target: variableTarget("image", flowRun, template, ctx) },
  );
};

export const secretsOrLogsInitFailed: DiagnosisRule = (flowRun, task, template, ctx) => {
  const reason = firstMatch(reasons(foundTask(task)), /ResourceInitializationError/);
  if (!reason) return null;
  return make(
    "run/secrets-or-logs-init-failed",
    "ECS could not read secrets or set up logs",
    `ECS could not prepare the task: "${reason}". The execution role reads secrets, pulls registry credentials and creates the log stream before any container starts; give execution_role_arn a role whose policy allows the secret (secretsmanager:GetSecretValue or ssm:GetParameters), logs:CreateLogStream and logs:PutLogEvents, and check that the subnets reach those services.`,
    { target: variableTarget("execution_role_arn", flowRun, template, ctx) },
  );
};

export const outOfMemory: DiagnosisRule = (flowRun, task, template, ctx) => {
  const t = foundTask(task);
  if (!t) return null;
  const container = flowContainer(t, template);
  const oom = t.containers.find(
    (c) => c.exitCode === 137 || (c.reason !== null && /OutOfMemoryError/.test(c.reason)),
  );
  if (!oom) return null;
  const limit = t.memory ? ` (the task had ${t.memory} MiB)` : "";
  return make(
    "run/out-of-memory",
    `Container ${oom.name} ran out of memory`,
    `Container ${oom.name}${oom === container ? " (the flow)" : ""} was killed${oom.exitCode === 137 ? " with exit code 137" : ""}${oom.reason ? `: "${oom.reason}"` : ""}. It used more memory than the task allows${limit}. Raise memory (with a matching cpu on Fargate) or make the flow use less.`,
    { target: variableTarget("memory", flowRun, template, ctx) },
  );
};

const NO_CAPACITY =
  /RESOURCE:(CPU|MEMORY)|No Container Instances were found in your capacity provider|No Container Instances were found in your cluster/;

/** What the cluster snapshot says about room for a task of `cpu`/`memory`. */
function capacityFacts(snapshot: ClusterSnapshot | undefined, t: RunTask | null): string {
  if (!snapshot) return "";
  const instances = snapshot.containerInstances.filter((i) => i.status === "ACTIVE");
  if (instances.length === 0) {
    const zero = snapshot.capacityProviders.filter((p) => p.autoScalingGroupArn);
    return ` Cluster ${snapshot.cluster.name} has no active container instance${zero.length ? ` (its Auto Scaling group${zero.length > 1 ? "s are" : " is"} at zero or still scaling out)` : ""}.`;
  }
  const maxCpu = Math.max(...instances.map((i) => i.registered.cpu));
  const maxMemory = Math.max(...instances.map((i) => i.registered.memory));
  const cpu = Number(t?.cpu);
  const memory = Number(t?.memory);
  const tooBig: string[] = [];
  if (Number.isFinite(cpu) && cpu > maxCpu)
    tooBig.push(`cpu ${cpu} is more than the largest instance's ${maxCpu}`);
  if (Number.isFinite(memory) && memory > maxMemory)
    tooBig.push(`memory ${memory} MiB is more than the largest instance's ${maxMemory} MiB`);
  if (tooBig.length > 0) return ` The task can never fit: ${tooBig.join(" and ")}.`;
  return ` Cluster ${snapshot.cluster.name} has ${counted(instances.length, "active container instance")}, the largest with ${maxCpu} CPU units and ${maxMemory} MiB.`;
}

export const noCapacity: DiagnosisRule = (flowRun, task, template, ctx) => {
  const t = foundTask(task);
  const reason = firstMatch([...reasons(t), flowRun.stateMessage], NO_CAPACITY);
  if (!reason) return null;
  const resource = /RESOURCE:CPU/.test(reason)
    ? "cpu"
    : /RESOURCE:MEMORY/.test(reason)
      ? "memory"
      : null;
  return make(
    "run/no-capacity",
    resource
      ? `No instance had enough ${resource === "cpu" ? "CPU" : "memory"}`
      : "No capacity to place the task",
    `ECS could not place the task: "${reason}".${capacityFacts(ctx.snapshot, t)} Lower ${resource ?? "cpu or memory"}, use a capacity provider whose instances are large enough, or let its Auto Scaling group scale out (maximum above zero, managed scaling on).`,
    {
      target: variableTarget(resource ?? "capacity_provider_strategy", flowRun, template, ctx),
    },
  );
};

export const subnetExhausted: DiagnosisRule = (flowRun, task, template, ctx) => {
  const reason = firstMatch(
    [...reasons(foundTask(task)), flowRun.stateMessage],
    /InsufficientFreeAddressesInSubnet/,
  );
  if (!reason) return null;
  return make(
    "run/subnet-exhausted",
    "The subnets are out of IP addresses",
    `ECS could not create the task's network interface: "${reason}". Every awsvpc task takes one IP address of its subnet. Add subnets with free addresses to network_configuration (awsvpcConfiguration.subnets), or free addresses in the current ones.`,
    { target: variableTarget("network_configuration", flowRun, template, ctx) },
  );
};

export const stuckProvisioning: DiagnosisRule = (flowRun, task, template, ctx) => {
  const t = foundTask(task);
  if (!t || t.lastStatus !== "PROVISIONING" || !t.createdAt) return null;
  const waited = ctx.now.getTime() - Date.parse(t.createdAt);
  if (!(waited > STUCK_PROVISIONING_MS)) return null;
  const minutes = Math.floor(waited / 60_000);
  return make(
    "run/stuck-provisioning",
    `PROVISIONING for ${minutes} minutes`,
    `The task has been PROVISIONING for ${minutes} minutes. ECS keeps a task there while a capacity provider scales out, and stops it after 10 to 30 minutes if no instance comes. Check that the capacity provider's Auto Scaling group can grow (maximum size, managed scaling) and that its instances are large enough, or run on another capacity provider.${capacityFacts(ctx.snapshot, t)}`,
    { target: variableTarget("capacity_provider_strategy", flowRun, template, ctx) },
  );
};

const SUBMIT_FAILED = "Failed to submit flow run to infrastructure";

/** Words of the worker's validation message → the check rule that predicts it. */
const WORKER_REFUSALS: { pattern: RegExp; rule: string }[] = [
  { pattern: /vpc_id/, rule: "prefect/network-configuration-requires-vpc-id" },
  { pattern: /execution_role_arn/, rule: "prefect/cloudwatch-requires-execution-role" },
];

export const submissionCrashed: DiagnosisRule = (flowRun, _task, template, ctx) => {
  const message = flowRun.stateMessage ?? "";
  if (flowRun.stateType !== "CRASHED" || !message.startsWith(SUBMIT_FAILED)) return null;
  const mode = ctx.poolType.endsWith(":push") ? "push" : "hybrid";
  const checks = runChecks({
    template,
    ...(ctx.jobVariables !== undefined ? { jobVariables: ctx.jobVariables } : {}),
    mode,
  });
  const errors = checks.diagnostics.filter((d) => d.severity === "error");
  const named = WORKER_REFUSALS.find((r) => r.pattern.test(message))?.rule;
  const check =
    errors.find((d) => d.rule === named) ?? errors.find((d) => d.rule.startsWith("prefect/"));
  const checkRule = check?.rule ?? named;
  const target: DiagnosisTarget | undefined = check
    ? check.document === "job_variables"
      ? flowRun.deploymentId
        ? { document: "job_variables", deploymentId: flowRun.deploymentId, path: check.path }
        : undefined
      : { document: "template", path: check.path }
    : undefined;
  return make(
    "run/submission-crashed",
    "The worker could not submit the run",
    `The worker crashed the run before ECS started a task: "${message}".${check ? ` The check ${check.rule} catches this before a run: ${check.message}` : checkRule ? ` The check ${checkRule} describes this failure.` : " Fix the configuration the message names and run again."}`,
    { ...(checkRule ? { checkRule } : {}), ...(target ? { target } : {}) },
  );
};

export const flowCodeFailed: DiagnosisRule = (_flowRun, task, template) => {
  const t = foundTask(task);
  if (!t) return null;
  const container = flowContainer(t, template);
  if (!container || container.exitCode !== 1) return null;
  return make(
    "run/flow-code-failed",
    "The flow failed (exit 1)",
    `Container ${container.name} started and exited with code 1: the flow's own code failed, not the infrastructure. The log tail of the run shows the error; fix the flow (or its parameters) rather than the pool.`,
  );
};

export const noWorker: DiagnosisRule = (flowRun, _task, _template, ctx) => {
  if (ctx.poolType.endsWith(":push") || !Array.isArray(ctx.workers)) return null;
  const waiting =
    flowRun.stateType === "PENDING" ||
    (flowRun.stateType === "SCHEDULED" &&
      flowRun.expectedStartTime !== null &&
      Date.parse(flowRun.expectedStartTime) < ctx.now.getTime());
  if (!waiting) return null;
  const alive = ctx.workers.some(
    (w) =>
      w.lastHeartbeat !== null &&
      ctx.now.getTime() - Date.parse(w.lastHeartbeat) <= silentAfterMs(w),
  );
  if (alive) return null;
  const last = ctx.workers
    .map((w) => w.lastHeartbeat)
    .filter((h): h is string => h !== null)
    .sort()
    .at(-1);
  return make(
    "run/no-worker",
    ctx.workers.length === 0 ? "No worker polls this pool" : "No worker has polled recently",
    `The run is ${flowRun.stateName} and waits for a worker, but ${ctx.workers.length === 0 ? "no worker has ever polled this pool" : `no worker of this pool has sent a heartbeat within ${MISSED_HEARTBEATS} of its heartbeat intervals (last: ${last ?? "never"})`}. Start one: prefect worker start --pool <pool> --type ecs.`,
  );
};

/** The rules in catalog order. */
export const RULES: Record<RunDiagnosisId, DiagnosisRule> = {
  "run/image-pull-failed": imagePullFailed,
  "run/secrets-or-logs-init-failed": secretsOrLogsInitFailed,
  "run/out-of-memory": outOfMemory,
  "run/no-capacity": noCapacity,
  "run/subnet-exhausted": subnetExhausted,
  "run/stuck-provisioning": stuckProvisioning,
  "run/submission-crashed": submissionCrashed,
  "run/flow-code-failed": flowCodeFailed,
  "run/no-worker": noWorker,
};
