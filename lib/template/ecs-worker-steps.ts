/**
 * ECSWorker._prepare_task_definition, _validate_task_definition and _prepare_task_run_request
 * (prefect_aws/workers/ecs_worker.py), step for step. `notes` gets a sentence for every change.
 */
import { cloneJson } from "./pointer";
import { pyRepr as pyReprValue, pyStr } from "./python-str";
import { shlexSplit, slugifyTag } from "./python-text";
import { truthy } from "./truthy";
import type { JsonObject, JsonValue } from "./types";
import {
  containerNameFromTaskDefinition,
  ECS_DEFAULT_CONTAINER_NAME,
  ECS_DEFAULT_CPU,
  ECS_DEFAULT_FAMILY,
  ECS_DEFAULT_LAUNCH_TYPE,
  ECS_DEFAULT_MEMORY,
  SYMBOLIC,
  type resolveContext,
  type WorkerConfiguration,
} from "./ecs-worker";
import { isObject } from "./pointer";

type Ctx = ReturnType<typeof resolveContext>;

export interface StepLog {
  notes: string[];
  failures: string[];
}

function findContainer(containers: JsonValue[], name: string | null): JsonObject | null {
  for (const c of containers) if (isObject(c) && c.name === name) return c;
  return null;
}

/** Python int() of a JSON value, or the message of the exception Python raises. */
function pyIntOf(value: JsonValue): number | { error: string } {
  if (typeof value === "boolean") return value ? 1 : 0;
  if (typeof value === "number") return Math.trunc(value);
  if (typeof value === "string") {
    if (/^\s*[+-]?[0-9]+(?:_[0-9]+)*\s*$/.test(value))
      return Number(value.trim().replace(/_/g, ""));
    return { error: `invalid literal for int() with base 10: ${pyReprValue(value)}` };
  }
  const type = value === null ? "NoneType" : Array.isArray(value) ? "list" : "dict";
  return {
    error: `int() argument must be a string, a bytes-like object or a real number, not '${type}'`,
  };
}

/** _drop_empty_keys_from_dict: drop None, "", 0, [] and {} (not False), recursing into dicts. */
export function dropEmptyKeys(dict: JsonObject): void {
  for (const key in dict) {
    if (!Object.hasOwn(dict, key)) continue;
    const value = dict[key] as JsonValue;
    if (!truthy(value) && value !== false) delete dict[key];
    if (isObject(value)) dropEmptyKeys(value);
    if (Array.isArray(value) && key !== "capacity_provider_strategy") {
      for (const item of value) if (isObject(item)) dropEmptyKeys(item);
    }
  }
}

function familySuffix(ctx: Ctx["ctx"]): string {
  return ctx.deploymentId ? ctx.deploymentId : ctx.flowId;
}

/** _prepare_task_definition: the task definition the worker registers. */
export function prepareTaskDefinition(
  cfg: WorkerConfiguration,
  { ctx }: Ctx,
  log: StepLog,
): JsonObject {
  const td: JsonObject = cloneJson(cfg.taskDefinition);
  if (!Object.hasOwn(td, "containerDefinitions")) td.containerDefinitions = [];
  const defsIn = td.containerDefinitions;
  const defs: JsonValue[] = Array.isArray(defsIn) ? defsIn.filter((d) => truthy(d)) : [];
  td.containerDefinitions = defs;
  const containerName =
    cfg.containerName || containerNameFromTaskDefinition(td) || ECS_DEFAULT_CONTAINER_NAME;
  let container = findContainer(defs, containerName);
  if (container === null) {
    if (containerName !== ECS_DEFAULT_CONTAINER_NAME) {
      log.failures.push(`Container '${containerName}' not found in task definition.`);
      container = { name: containerName };
    } else {
      container =
        (defs.find((d) => isObject(d) && !Object.hasOwn(d, "name")) as JsonObject | undefined) ??
        null;
      if (container) {
        container.name = containerName;
        log.notes.push(`The worker named the unnamed container "${containerName}".`);
      } else {
        container = { name: containerName };
        defs.push(container);
        log.notes.push(
          `The worker added a container named "${containerName}" to the task definition.`,
        );
      }
    }
  }
  if (!Object.hasOwn(container, "image")) {
    container.image = ctx.image;
    log.notes.push(`No image set: the worker uses its own Prefect image (${ctx.image}).`);
  }
  const unset = new Set(
    Object.entries(cfg.env)
      .filter(([, v]) => v === null)
      .map(([k]) => k),
  );
  if (Array.isArray(container.environment)) {
    container.environment = container.environment.filter(
      (item) =>
        !(
          isObject(item) &&
          ((typeof item.name === "string" && unset.has(item.name)) || item.value === null)
        ),
    );
  }
  if (cfg.configureCloudwatchLogs) {
    const prefix = `prefect-logs_${ctx.workPoolName}_${familySuffix(ctx)}`;
    container.logConfiguration = {
      logDriver: "awslogs",
      options: {
        "awslogs-create-group": "true",
        "awslogs-group": "prefect",
        "awslogs-region": ctx.region,
        "awslogs-stream-prefix": cfg.cloudwatchLogsPrefix || prefix,
        ...cfg.cloudwatchLogsOptions,
      },
    };
    log.notes.push(
      "configure_cloudwatch_logs: the worker set the container's logConfiguration to awslogs.",
    );
  }
  if (!truthy(td.family)) {
    // the worker computes a slug of this name and then discards it, so the raw name is used
    td.family = `${ECS_DEFAULT_FAMILY}_${ctx.workPoolName}_${familySuffix(ctx)}`;
    log.notes.push(`No family set: the worker names it ${td.family}.`);
  }
  const cpu: JsonValue = truthy(td.cpu) ? (td.cpu as JsonValue) : ECS_DEFAULT_CPU;
  const memory: JsonValue = truthy(td.memory) ? (td.memory as JsonValue) : ECS_DEFAULT_MEMORY;
  const launchType = cfg.taskRunRequest.launchType;
  if (launchType === "FARGATE" || launchType === "FARGATE_SPOT") {
    td.cpu = pyStr(cpu);
    td.memory = pyStr(memory);
    if (!Object.hasOwn(td, "requiresCompatibilities")) td.requiresCompatibilities = [];
    const rc = td.requiresCompatibilities;
    if (Array.isArray(rc) && !rc.includes("FARGATE")) rc.push("FARGATE");
    if (!Object.hasOwn(td, "networkMode")) td.networkMode = "awsvpc";
    log.notes.push(
      `launch_type ${launchType}: the worker registers a Fargate-shaped task definition ` +
        `(task cpu ${pyStr(cpu)}, memory ${pyStr(memory)}, FARGATE in requiresCompatibilities, networkMode ${pyStr(td.networkMode ?? null)}).`,
    );
  } else {
    for (const [key, value] of [
      ["cpu", cpu],
      ["memory", memory],
    ] as const) {
      if (Object.hasOwn(container, key)) continue;
      const n = pyIntOf(value);
      if (typeof n === "number") container[key] = n;
      else log.failures.push(n.error);
    }
  }
  if (truthy(td.cpu)) td.cpu = pyStr(td.cpu as JsonValue);
  if (truthy(td.memory)) td.memory = pyStr(td.memory as JsonValue);
  dropEmptyKeys(td);
  const secrets: [string, string][] = [];
  if (cfg.prefectApiKeySecretArn) secrets.push(["PREFECT_API_KEY", cfg.prefectApiKeySecretArn]);
  if (cfg.prefectApiAuthStringSecretArn)
    secrets.push(["PREFECT_API_AUTH_STRING", cfg.prefectApiAuthStringSecretArn]);
  if (secrets.length > 0) {
    const names = new Set(secrets.map(([n]) => n));
    if (Array.isArray(container.environment)) {
      container.environment = container.environment.filter(
        (item) => !(isObject(item) && typeof item.name === "string" && names.has(item.name)),
      );
    }
    const pending = new Map(secrets);
    const list: JsonValue[] = Array.isArray(container.secrets) ? [...container.secrets] : [];
    for (const s of list) {
      if (isObject(s) && typeof s.name === "string" && pending.has(s.name)) {
        s.valueFrom = pending.get(s.name) ?? null;
        pending.delete(s.name);
      }
    }
    for (const [name, valueFrom] of pending) list.push({ name, valueFrom });
    container.secrets = list;
  }
  return td;
}

/** _validate_task_definition: where the worker refuses the task definition before RunTask. */
export function validateTaskDefinition(
  td: JsonObject,
  cfg: WorkerConfiguration,
  log: StepLog,
  /** false for a task definition known only by its snapshot summary, which has no executionRoleArn */
  executionRoleKnown = true,
): void {
  if (cfg.configureCloudwatchLogs && executionRoleKnown && !truthy(td.executionRoleArn)) {
    log.failures.push(
      "An execution role arn must be set on the task definition to use `configure_cloudwatch_logs` or `stream_logs` but no execution role was found on the task definition.",
    );
  }
  let launchType = cfg.taskRunRequest.launchType;
  const strategy = cfg.taskRunRequest.capacityProviderStrategy;
  const rc = Array.isArray(td.requiresCompatibilities) ? td.requiresCompatibilities : null;
  const requiresEc2 = (rc ?? []).includes("EC2");
  if (!truthy(launchType) && !truthy(strategy) && !requiresEc2)
    launchType = ECS_DEFAULT_LAUNCH_TYPE;
  if (truthy(strategy) && launchType !== "FARGATE_SPOT") return;
  if (requiresEc2 && !truthy(launchType)) return;
  if (launchType !== "EC2" && !(rc ?? [ECS_DEFAULT_LAUNCH_TYPE]).includes("FARGATE")) {
    log.failures.push(
      `Task definition does not have 'FARGATE' in 'requiresCompatibilities' and cannot be used with launch type ${pyRepr(launchType)}`,
    );
    return;
  }
  if (launchType === "FARGATE" || launchType === "FARGATE_SPOT") {
    const mode = Object.hasOwn(td, "networkMode") ? td.networkMode : "awsvpc";
    if (mode !== "awsvpc") {
      log.failures.push(
        `Found network mode ${pyRepr(mode)} which is not compatible with launch type ${pyRepr(launchType)}. Use either the 'EC2' launch type or the 'awsvpc' network mode.`,
      );
    }
  }
}

function pyRepr(value: JsonValue | undefined): string {
  return pyReprValue(value ?? null);
}

export interface RequestInput {
  cfg: WorkerConfiguration;
  taskDefinition: JsonObject;
  taskDefinitionArn: string;
  newTaskDefinitionRegistered: boolean;
  subnets?: string[];
}

/** _prepare_task_run_request: the RunTask request. */
export function prepareTaskRunRequest(
  input: RequestInput,
  { symbols }: Ctx,
  log: StepLog,
): JsonObject {
  const { cfg, taskDefinition: td } = input;
  const req: JsonObject = cloneJson(cfg.taskRunRequest);
  if (!Object.hasOwn(req, "taskDefinition")) req.taskDefinition = input.taskDefinitionArn;
  if (cfg.cluster && !truthy(req.cluster)) {
    req.cluster = cfg.cluster;
    log.notes.push(
      `cluster: the worker set it from the job configuration's cluster (${cfg.cluster}).`,
    );
  }
  const requiresEc2 =
    Array.isArray(td.requiresCompatibilities) && td.requiresCompatibilities.includes("EC2");
  const hasStrategy = truthy(req.capacityProviderStrategy);
  if (!truthy(req.launchType) && !requiresEc2) {
    req.launchType = ECS_DEFAULT_LAUNCH_TYPE;
    // with a strategy the default is removed again right below, so it is not worth a note
    if (!hasStrategy) log.notes.push("launchType was empty: the worker set it to FARGATE.");
  } else if (!truthy(req.launchType) && requiresEc2) {
    if (Object.hasOwn(req, "launchType")) {
      delete req.launchType;
      log.notes.push(
        "launchType was empty and the task definition requires EC2: the worker removed the key.",
      );
    }
  }
  if (hasStrategy) {
    if (Object.hasOwn(req, "launchType")) {
      if (truthy(cfg.taskRunRequest.launchType)) {
        log.notes.push(
          `launchType ${pyStr(req.launchType ?? null)} removed because capacityProviderStrategy is set (the worker never sends both).`,
        );
      }
      delete req.launchType;
    }
  } else if (req.launchType === "FARGATE_SPOT") {
    delete req.launchType;
    req.capacityProviderStrategy = [{ capacityProvider: "FARGATE_SPOT", weight: 1 }];
    log.notes.push(
      "launchType FARGATE_SPOT replaced by capacityProviderStrategy [{capacityProvider: FARGATE_SPOT, weight: 1}].",
    );
  }
  // `overrides` and `containerOverrides` are fresh, detached objects when missing (Python's .get default)
  const overrides: JsonObject = isObject(req.overrides) ? req.overrides : {};
  const containerOverrides: JsonValue[] = Array.isArray(overrides.containerOverrides)
    ? overrides.containerOverrides
    : [];
  if (
    td.networkMode === "awsvpc" &&
    !truthy(req.networkConfiguration) &&
    Object.keys(cfg.networkConfiguration).length === 0
  ) {
    const known = input.subnets && input.subnets.length > 0;
    const where = cfg.vpcId ? `VPC ${cfg.vpcId}` : "the default VPC";
    const subnets = known
      ? [...(input.subnets ?? [])]
      : [cfg.vpcId ? `<subnets of ${cfg.vpcId}>` : SYMBOLIC.defaultVpcSubnets];
    if (!known) for (const s of subnets) symbols.add(String(s));
    req.networkConfiguration = {
      awsvpcConfiguration: { subnets, assignPublicIp: "ENABLED", securityGroups: [] },
    };
    log.notes.push(
      `networkMode awsvpc without network configuration: the worker uses every subnet of ${where} with assignPublicIp ENABLED and no security groups.`,
    );
  }
  if (
    td.networkMode === "awsvpc" &&
    Object.keys(cfg.networkConfiguration).length > 0 &&
    cfg.vpcId
  ) {
    req.networkConfiguration = { awsvpcConfiguration: cloneJson(cfg.networkConfiguration) };
    log.notes.push(
      `networkConfiguration taken from network_configuration (the worker first checks that its subnets belong to ${cfg.vpcId}).`,
    );
  }
  const containerName =
    cfg.containerName || containerNameFromTaskDefinition(td) || ECS_DEFAULT_CONTAINER_NAME;
  const first = containerOverrides[0];
  if (isObject(first) && !truthy(first.name)) first.name = containerName;
  const orchestration = findContainer(containerOverrides, containerName);
  if (orchestration && cfg.command) orchestration.command = cfg.command;
  for (const container of containerOverrides) {
    if (!isObject(container)) continue;
    if (typeof container.command === "string") {
      try {
        container.command = shlexSplit(container.command);
      } catch (error) {
        // Python's shlex message, as the worker reports it; the note says which command
        log.failures.push((error as Error).message);
        log.notes.push(
          `The command ${JSON.stringify(container.command)} cannot be split into arguments.`,
        );
      }
    }
    if (isObject(container.environment)) {
      container.environment = Object.entries(container.environment).map(([name, value]) => ({
        name,
        value,
      }));
    }
    const envList = Array.isArray(container.environment) ? container.environment : [];
    container.environment = envList.filter((item) => !(isObject(item) && item.value === null));
  }
  if (isObject(req.tags))
    req.tags = Object.entries(req.tags).map(([key, value]) => ({ key, value }));
  if (truthy(overrides.cpu)) overrides.cpu = pyStr(overrides.cpu as JsonValue);
  if (truthy(overrides.memory)) overrides.memory = pyStr(overrides.memory as JsonValue);
  const labelKeys = new Set(Object.keys(cfg.labels));
  const existingTags = Array.isArray(req.tags) ? req.tags : [];
  const slug = (v: JsonValue | undefined): JsonValue => {
    if (typeof v !== "string") {
      log.failures.push(`tag ${pyStr(v ?? null)} is not a string`);
      return v ?? null;
    }
    return symbols.has(v) ? v : slugifyTag(v);
  };
  const tags: JsonValue[] = [
    ...existingTags.filter(
      (t) => !(isObject(t) && typeof t.key === "string" && labelKeys.has(t.key)),
    ),
    ...Object.entries(cfg.labels).map(([key, value]) => ({ key, value })),
  ].map((t) => (isObject(t) ? { key: slug(t.key), value: slug(t.value) } : t));
  if (input.newTaskDefinitionRegistered && cfg.autoDeregisterTaskDefinition) {
    tags.push({ key: "prefect.io/degregister-task-definition", value: "true" });
  }
  if (tags.length > 0) req.tags = tags;
  if (orchestration) {
    const envNames = new Set(Object.keys(cfg.env));
    const current = Array.isArray(orchestration.environment) ? orchestration.environment : [];
    const environment: JsonValue[] = [
      ...current.filter(
        (item) => !(isObject(item) && typeof item.name === "string" && envNames.has(item.name)),
      ),
      ...Object.entries(cfg.env)
        .filter(([, v]) => v !== null)
        .map(([name, value]) => ({ name, value })),
    ];
    if (environment.length > 0) orchestration.environment = environment;
  }
  overrides.containerOverrides = containerOverrides.filter((c) => truthy(c));
  return req;
}
