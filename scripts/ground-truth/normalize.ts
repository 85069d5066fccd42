/**
 * Normalization of the worker's requests before they are compared with the preview. The preview
 * (prepareEcsRun without run-time facts) shows values that exist only when a worker runs a flow
 * run as marked symbols ("<flow-run-id>", lib/template/ecs-worker.ts SYMBOLIC). Here the worker's
 * actual run-specific values are replaced by those same symbols, each by exact key and only when
 * the value is the one this run produced, so the model's output is compared as it is. Items:
 *
 * - RunTask `clientToken`: an idempotency token botocore generates for every call (random UUID);
 *   not part of the request the worker builds. Removed.
 * - RunTask `taskDefinition` when the worker registered one: AWS assigns the ARN (family and
 *   revision) at registration → "<registered task definition ARN>".
 * - Task definition `family` when the template sets none: the worker generates
 *   `prefect_<work pool name>_<deployment id>` → "prefect_<work-pool-name>_<deployment-id>".
 * - awslogs-stream-prefix when configure_cloudwatch_logs is on and no prefix is set: the worker
 *   generates `prefect-logs_<work pool name>_<deployment id>` → the same symbols.
 * - Environment entries PREFECT__FLOW_RUN_ID, PREFECT__FLOW_ID, PREFECT__FLOW_NAME,
 *   PREFECT__DEPLOYMENT_ID, PREFECT__DEPLOYMENT_NAME, PREFECT__WORKER_NAME (and
 *   PREFECT__WORKER_ID, sent only to Prefect Cloud) and the prefect.io/* tags with the same
 *   facts: ids and names of this flow run, flow, deployment, work pool and worker → their symbol.
 * - Environment entries named in WORKER_SETTINGS_ENV: Prefect copies the worker process's own
 *   Prefect settings into every flow run (BaseJobConfiguration._base_environment); they depend
 *   on how the worker is started, not on the template, and the preview is made without them.
 *   Removed.
 * - Order of `environment` (per container) and of `tags`: ECS treats both as sets (names and
 *   keys are unique), so both sides are sorted by name/key. Every other list keeps its order.
 */
import type { JsonObject, JsonValue } from "@/lib/template/types";
import { isObject } from "@/lib/template/pointer";

/** The run's identifiers, as the capture recorded them. */
export type RunFacts = {
  workPoolName: string;
  workPoolId: string;
  flowId: string;
  flowName: string;
  deploymentId: string;
  deploymentName: string;
  flowRunId: string;
  flowRunName: string;
};

/** Worker-process settings seen in the flow run environment. */
export const WORKER_SETTINGS_ENV = [
  // set by the harness on the worker process (run-worker.ts)
  "PREFECT_API_URL",
  "PREFECT_HOME",
  // from the "ephemeral" profile Prefect activates in a fresh PREFECT_HOME (prefect/settings/profiles.toml)
  "PREFECT_SERVER_EPHEMERAL_ENABLED",
] as const;

const WORKER_NAME = /^ECSWorker[ -][0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const ISO_UTC = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?\+00:00$/;

type Rule = { symbol: string; matches: (value: string, run: RunFacts) => boolean };
const is = (pick: (r: RunFacts) => string) => (v: string, r: RunFacts) => v === pick(r);

/** Environment names whose values are run-specific, with the preview's symbol. */
export const RUN_ENV: Record<string, Rule> = {
  PREFECT__FLOW_RUN_ID: { symbol: "<flow-run-id>", matches: is((r) => r.flowRunId) },
  PREFECT__FLOW_ID: { symbol: "<flow-id>", matches: is((r) => r.flowId) },
  PREFECT__FLOW_NAME: { symbol: "<flow-name>", matches: is((r) => r.flowName) },
  PREFECT__DEPLOYMENT_ID: { symbol: "<deployment-id>", matches: is((r) => r.deploymentId) },
  PREFECT__DEPLOYMENT_NAME: { symbol: "<deployment-name>", matches: is((r) => r.deploymentName) },
  PREFECT__WORKER_NAME: { symbol: "<worker-name>", matches: (v) => WORKER_NAME.test(v) },
  PREFECT__WORKER_ID: { symbol: "<worker-id>", matches: () => true },
};

/** Tag keys whose values are run-specific (tags are slugified: the worker name gets a "-"). */
export const RUN_TAGS: Record<string, Rule> = {
  "prefect.io/flow-run-id": { symbol: "<flow-run-id>", matches: is((r) => r.flowRunId) },
  "prefect.io/flow-run-name": { symbol: "<flow-run-name>", matches: is((r) => r.flowRunName) },
  "prefect.io/work-pool-name": { symbol: "<work-pool-name>", matches: is((r) => r.workPoolName) },
  "prefect.io/work-pool-id": { symbol: "<work-pool-id>", matches: is((r) => r.workPoolId) },
  "prefect.io/worker-name": { symbol: "<worker-name>", matches: (v) => WORKER_NAME.test(v) },
  "prefect.io/flow-id": { symbol: "<flow-id>", matches: is((r) => r.flowId) },
  "prefect.io/flow-name": { symbol: "<flow-name>", matches: is((r) => r.flowName) },
  "prefect.io/deployment-id": { symbol: "<deployment-id>", matches: is((r) => r.deploymentId) },
  "prefect.io/deployment-name": {
    symbol: "<deployment-name>",
    matches: is((r) => r.deploymentName),
  },
  "prefect.io/deployment-updated": {
    symbol: "<deployment-updated>",
    matches: (v) => ISO_UTC.test(v),
  },
};

export const REGISTERED_ARN = "<registered task definition ARN>";
export const GENERATED_FAMILY = "prefect_<work-pool-name>_<deployment-id>";
export const GENERATED_LOG_PREFIX = "prefect-logs_<work-pool-name>_<deployment-id>";

function byField(field: string) {
  return (a: JsonValue, b: JsonValue) => {
    const x = isObject(a) ? String(a[field]) : "";
    const y = isObject(b) ? String(b[field]) : "";
    return x < y ? -1 : x > y ? 1 : 0;
  };
}

/** Replaces run-specific values (worker side) and sorts a list of {name|key, value}. */
function normalizeList(
  list: JsonValue | undefined,
  field: "name" | "key",
  rules: Record<string, Rule> | null,
  run: RunFacts | null,
) {
  if (!Array.isArray(list)) return list;
  const settings = new Set<string>(WORKER_SETTINGS_ENV);
  return list
    .filter((e) => !(rules && field === "name" && isObject(e) && settings.has(String(e.name))))
    .map((e) => {
      if (!rules || !run || !isObject(e)) return e;
      const rule = rules[String(e[field])];
      return rule && typeof e.value === "string" && rule.matches(e.value, run)
        ? { ...e, value: rule.symbol }
        : e;
    })
    .sort(byField(field));
}

/**
 * Normalizes a RunTask request. With `run` (the worker's request) run-specific values become the
 * preview's symbols; without it (the model's request) only the set-like lists are sorted.
 */
export function normalizeRunTask(
  request: JsonObject,
  run: RunFacts | null,
  registered: boolean,
): JsonObject {
  const r = structuredClone(request);
  if (run) {
    delete r.clientToken;
    if (registered && typeof r.taskDefinition === "string") r.taskDefinition = REGISTERED_ARN;
  }
  if ("tags" in r) r.tags = normalizeList(r.tags, "key", run && RUN_TAGS, run) as JsonValue;
  const overrides = r.overrides;
  if (isObject(overrides) && Array.isArray(overrides.containerOverrides)) {
    for (const c of overrides.containerOverrides) {
      if (isObject(c) && "environment" in c)
        c.environment = normalizeList(c.environment, "name", run && RUN_ENV, run) as JsonValue;
    }
  }
  return r;
}

/** Normalizes a RegisterTaskDefinition request the same way. */
export function normalizeTaskDefinition(definition: JsonObject, run: RunFacts | null): JsonObject {
  const d = structuredClone(definition);
  if (run && d.family === `prefect_${run.workPoolName}_${run.deploymentId}`)
    d.family = GENERATED_FAMILY;
  if (Array.isArray(d.containerDefinitions)) {
    for (const c of d.containerDefinitions) {
      if (!isObject(c)) continue;
      if ("environment" in c)
        c.environment = normalizeList(c.environment, "name", null, null) as JsonValue;
      const options = isObject(c.logConfiguration) ? c.logConfiguration.options : undefined;
      const generated = run && `prefect-logs_${run.workPoolName}_${run.deploymentId}`;
      if (isObject(options) && generated && options["awslogs-stream-prefix"] === generated) {
        options["awslogs-stream-prefix"] = GENERATED_LOG_PREFIX;
      }
    }
  }
  return d;
}
