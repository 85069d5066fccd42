/**
 * A model of the prefect-aws ECS worker (prefect_aws/workers/ecs_worker.py, hybrid pools): the
 * ECSJobConfiguration it builds from the rendered job configuration, prepare_for_flow_run, and
 * _prepare_task_definition / _prepare_task_run_request. Values that exist only at run time (the
 * flow run's id, the worker's name, AWS lookups) are clearly marked symbolic strings ("<...>").
 */
import { pyStr } from "./python-str";
import { truthy } from "./truthy";
import type { JsonObject, JsonValue } from "./types";
import { isObject } from "./pointer";

export const ECS_DEFAULT_CONTAINER_NAME = "prefect";
export const ECS_DEFAULT_CPU = 1024;
export const ECS_DEFAULT_MEMORY = 2048;
export const ECS_DEFAULT_LAUNCH_TYPE = "FARGATE";
export const ECS_DEFAULT_FAMILY = "prefect";
/** get_prefect_image_name() of the pinned worker (Prefect 3.9.1 on Python 3.11). */
export const PREFECT_WORKER_IMAGE = "prefecthq/prefect:3.9.1-python3.11";

/** Run-time facts the worker knows and Pooldeck does not; each defaults to a marked symbol. */
export interface FlowRunContext {
  flowRunId?: string;
  flowRunName?: string;
  flowId?: string;
  flowName?: string;
  deploymentId?: string | null;
  deploymentName?: string | null;
  /** ISO time, or null when the deployment has none */
  deploymentUpdated?: string | null;
  workPoolName?: string;
  workPoolId?: string;
  workerName?: string;
  /** null when the worker has no backend id */
  workerId?: string | null;
  prefectVersion?: string;
  region?: string;
  /** the worker's own Prefect settings as environment variables (PREFECT_API_URL, ...) */
  baseEnvironment?: Record<string, string>;
  image?: string;
  /** the ARN RegisterTaskDefinition returns */
  registeredTaskDefinitionArn?: string;
}

export const SYMBOLIC = {
  flowRunId: "<flow-run-id>",
  flowRunName: "<flow-run-name>",
  flowId: "<flow-id>",
  flowName: "<flow-name>",
  deploymentId: "<deployment-id>",
  deploymentName: "<deployment-name>",
  deploymentUpdated: "<deployment-updated>",
  workPoolName: "<work-pool-name>",
  workPoolId: "<work-pool-id>",
  workerName: "<worker-name>",
  workerId: "<worker-id>",
  region: "<region>",
  registeredTaskDefinitionArn: "<registered task definition ARN>",
  defaultVpcSubnets: "<subnets of the default VPC>",
} as const;

function str(value: JsonValue | undefined): string | null {
  return typeof value === "string" ? value : null;
}

/** The fields of ECSJobConfiguration the worker reads, after pydantic's coercions. */
export interface WorkerConfiguration {
  command: string | null;
  env: Record<string, string | null>;
  labels: Record<string, string>;
  name: string | null;
  taskDefinition: JsonObject;
  taskRunRequest: JsonObject;
  configureCloudwatchLogs: boolean;
  cloudwatchLogsOptions: JsonObject;
  cloudwatchLogsPrefix: string | null;
  networkConfiguration: JsonObject;
  autoDeregisterTaskDefinition: boolean;
  vpcId: string | null;
  containerName: string | null;
  cluster: string | null;
  prefectApiKeySecretArn: string | null;
  prefectApiAuthStringSecretArn: string | null;
  executionRoleArn: string | null;
}

export function pyBool(value: JsonValue | undefined): boolean {
  // pydantic's lax bool: true/false and the usual strings; anything else fails validation
  if (typeof value === "string")
    return ["true", "1", "yes", "on", "t", "y"].includes(value.toLowerCase());
  if (typeof value === "number") return value === 1;
  return value === true;
}

/** ECSJobConfiguration(**rendered): field defaults, coercions and model validators. */
export function workerConfiguration(rendered: JsonObject, failures: string[]): WorkerConfiguration {
  const envIn = rendered.env;
  const env: Record<string, string | null> = {};
  if (isObject(envIn))
    for (const [k, v] of Object.entries(envIn)) env[k] = v === null ? null : pyStr(v);
  else if (envIn !== undefined && envIn !== null) failures.push("env must be an object of strings");
  const labels: Record<string, string> = {};
  if (isObject(rendered.labels)) {
    for (const [k, v] of Object.entries(rendered.labels)) {
      if (typeof v === "string") labels[k] = v;
      else failures.push(`labels.${k} must be a string`);
    }
  }
  const cfg: WorkerConfiguration = {
    command: str(rendered.command) || null,
    env,
    labels,
    name: str(rendered.name),
    taskDefinition: isObject(rendered.task_definition) ? rendered.task_definition : {},
    taskRunRequest: isObject(rendered.task_run_request) ? rendered.task_run_request : {},
    configureCloudwatchLogs: pyBool(rendered.configure_cloudwatch_logs),
    cloudwatchLogsOptions: isObject(rendered.cloudwatch_logs_options)
      ? rendered.cloudwatch_logs_options
      : {},
    cloudwatchLogsPrefix: str(rendered.cloudwatch_logs_prefix),
    networkConfiguration: isObject(rendered.network_configuration)
      ? rendered.network_configuration
      : {},
    autoDeregisterTaskDefinition: pyBool(rendered.auto_deregister_task_definition),
    vpcId: str(rendered.vpc_id),
    containerName: str(rendered.container_name),
    cluster: str(rendered.cluster),
    prefectApiKeySecretArn: str(rendered.prefect_api_key_secret_arn),
    prefectApiAuthStringSecretArn: str(rendered.prefect_api_auth_string_secret_arn),
    executionRoleArn: str(rendered.execution_role_arn),
  };
  // model validators, in the order ECSJobConfiguration declares them
  if (!truthy(cfg.taskRunRequest.taskDefinition) && Object.keys(cfg.taskDefinition).length === 0) {
    failures.push(
      "A task definition must be provided if a task definition ARN is not present on the task run request.",
    );
  }
  if (cfg.containerName === null)
    cfg.containerName = containerNameFromTaskDefinition(cfg.taskDefinition);
  const defs = cfg.taskDefinition.containerDefinitions;
  if (
    Array.isArray(defs) &&
    defs.length > 0 &&
    defs.every((c) => isObject(c) && c.essential === false)
  ) {
    failures.push("At least one container in the task definition must be marked as essential.");
  }
  if (
    cfg.configureCloudwatchLogs &&
    !cfg.executionRoleArn &&
    !truthy(cfg.taskRunRequest.taskDefinition) &&
    !truthy(cfg.taskDefinition.executionRoleArn)
  ) {
    failures.push(
      "An `execution_role_arn` must be provided to use `configure_cloudwatch_logs` or `stream_logs`.",
    );
  }
  if (Object.keys(cfg.cloudwatchLogsOptions).length > 0 && !cfg.configureCloudwatchLogs) {
    failures.push("`configure_cloudwatch_log` must be enabled to use `cloudwatch_logs_options`.");
  }
  if (Object.keys(cfg.networkConfiguration).length > 0 && !cfg.vpcId) {
    failures.push("You must provide a `vpc_id` to enable custom `network_configuration`.");
  }
  return cfg;
}

function getContainer(containers: JsonValue[], name: string | null): JsonObject | null {
  for (const c of containers) if (isObject(c) && c.name === name) return c;
  return null;
}

/** _container_name_from_task_definition */
export function containerNameFromTaskDefinition(taskDefinition: JsonObject): string | null {
  const defs = Array.isArray(taskDefinition.containerDefinitions)
    ? taskDefinition.containerDefinitions
    : [];
  if (getContainer(defs, ECS_DEFAULT_CONTAINER_NAME)) return ECS_DEFAULT_CONTAINER_NAME;
  const first = defs[0];
  if (defs.length > 0) return isObject(first) ? str(first.name) : null;
  return null;
}

interface Resolved {
  ctx: Required<
    Omit<FlowRunContext, "deploymentId" | "deploymentName" | "deploymentUpdated" | "workerId">
  > & {
    deploymentId: string | null;
    deploymentName: string | null;
    deploymentUpdated: string | null;
    workerId: string | null;
  };
  symbols: Set<string>;
}

/** Fills unknown run-time facts with symbols, remembering which strings are symbolic. */
export function resolveContext(input: FlowRunContext = {}): Resolved {
  const symbols = new Set<string>();
  const pick = <K extends keyof typeof SYMBOLIC>(
    key: K,
    given: string | null | undefined,
  ): string | null => {
    if (given !== undefined) return given;
    symbols.add(SYMBOLIC[key]);
    return SYMBOLIC[key];
  };
  const ctx = {
    flowRunId: pick("flowRunId", input.flowRunId) ?? "",
    flowRunName: pick("flowRunName", input.flowRunName) ?? "",
    flowId: pick("flowId", input.flowId) ?? "",
    flowName: pick("flowName", input.flowName) ?? "",
    deploymentId: pick("deploymentId", input.deploymentId),
    deploymentName: pick("deploymentName", input.deploymentName),
    deploymentUpdated: pick("deploymentUpdated", input.deploymentUpdated),
    workPoolName: pick("workPoolName", input.workPoolName) ?? "",
    workPoolId: pick("workPoolId", input.workPoolId) ?? "",
    workerName: pick("workerName", input.workerName) ?? "",
    workerId: pick("workerId", input.workerId),
    prefectVersion: input.prefectVersion ?? "3.9.1",
    region: pick("region", input.region) ?? "",
    baseEnvironment: input.baseEnvironment ?? {},
    image: input.image ?? PREFECT_WORKER_IMAGE,
    registeredTaskDefinitionArn:
      pick("registeredTaskDefinitionArn", input.registeredTaskDefinitionArn) ?? "",
  };
  return { ctx, symbols };
}

/** BaseJobConfiguration.prepare_for_flow_run + ECSJobConfiguration.prepare_for_flow_run. */
export function prepareForFlowRun(
  cfg: WorkerConfiguration,
  { ctx }: Resolved,
  failures: string[],
): void {
  const attribution: Record<string, string> = {};
  if (ctx.workerId !== null) attribution.PREFECT__WORKER_ID = ctx.workerId;
  attribution.PREFECT__WORKER_NAME = ctx.workerName;
  attribution.PREFECT__FLOW_ID = ctx.flowId;
  if (ctx.flowName) attribution.PREFECT__FLOW_NAME = ctx.flowName;
  if (ctx.deploymentId) attribution.PREFECT__DEPLOYMENT_ID = ctx.deploymentId;
  if (ctx.deploymentName) attribution.PREFECT__DEPLOYMENT_NAME = ctx.deploymentName;
  const env: Record<string, string | null> = {
    ...ctx.baseEnvironment,
    PREFECT__FLOW_RUN_ID: ctx.flowRunId,
    ...attribution,
    ...cfg.env,
  };
  cfg.env = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== null));
  const deploymentLabels: Record<string, string> = {};
  if (ctx.deploymentId !== null) {
    deploymentLabels["prefect.io/deployment-id"] = ctx.deploymentId;
    deploymentLabels["prefect.io/deployment-name"] = ctx.deploymentName ?? "";
    if (ctx.deploymentUpdated !== null)
      deploymentLabels["prefect.io/deployment-updated"] = ctx.deploymentUpdated;
  }
  cfg.labels = {
    "prefect.io/flow-run-id": ctx.flowRunId,
    "prefect.io/flow-run-name": ctx.flowRunName,
    "prefect.io/version": ctx.prefectVersion,
    "prefect.io/work-pool-name": ctx.workPoolName,
    "prefect.io/work-pool-id": ctx.workPoolId,
    "prefect.io/worker-name": ctx.workerName,
    "prefect.io/flow-id": ctx.flowId,
    "prefect.io/flow-name": ctx.flowName,
    ...deploymentLabels,
    ...cfg.labels,
  };
  // `{{ ctx.flow_run.* }}` in the name renders at run time; keep what is there, else the run's name
  cfg.name = cfg.name || ctx.flowRunName;
  cfg.command = cfg.command || "prefect flow-run execute";
  if (cfg.prefectApiKeySecretArn) {
    if (!("PREFECT_API_KEY" in cfg.env))
      failures.push(
        "KeyError: 'PREFECT_API_KEY' (the worker has no API key to replace with the secret)",
      );
    delete cfg.env.PREFECT_API_KEY;
  }
  if (cfg.prefectApiAuthStringSecretArn) delete cfg.env.PREFECT_API_AUTH_STRING;
}
