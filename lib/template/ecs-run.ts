/**
 * What reaches ECS: the task definition and the RunTask request, in three modes
 * (hybrid = the prefect-aws ECS worker, push = Prefect Cloud's push runner, raw = as rendered).
 */
import type { ClusterSnapshot, TaskDefinitionSummary } from "@/lib/snapshot/schema";
import {
  resolveContext,
  workerConfiguration,
  prepareForFlowRun,
  type FlowRunContext,
} from "./ecs-worker";
import {
  prepareTaskDefinition,
  prepareTaskRunRequest,
  validateTaskDefinition,
  type StepLog,
} from "./ecs-worker-steps";
import { originLookup } from "./origins";
import type { Placeholder } from "./placeholders";
import { buildJobConfiguration } from "./render";
import { truthy } from "./truthy";
import type { BaseJobTemplate } from "./schema";
import type { DocumentKind, JsonObject, JsonPointer, JsonValue, Mode, ValueOrigin } from "./types";
import { isObject } from "./pointer";
import { placementOf, type Placement } from "./placement";
import { clusterOfRequest } from "./target-cluster";

export interface EcsRunInput {
  template: BaseJobTemplate;
  jobVariables?: JsonObject;
  mode: Mode;
  snapshot?: ClusterSnapshot;
  /** what the worker would look up in AWS: the subnets of `vpc_id` or of the default VPC */
  network?: { subnets?: string[] };
  /** run-time facts (flow run id, work pool name, ...); unknown ones become marked symbols like "<flow-run-id>" */
  flowRun?: FlowRunContext;
}

export type EcsTaskDefinition =
  | { source: "registered"; definition: JsonObject }
  | { source: "existing"; arn: string; definition?: TaskDefinitionSummary };

export type Origin = { document: DocumentKind; pointer: JsonPointer };

export interface EcsRunPlan {
  values: JsonObject;
  origins: Record<string, ValueOrigin>;
  /** rendered job_configuration */
  configuration: JsonObject;
  taskDefinition: EcsTaskDefinition;
  /** what RunTask receives */
  runTaskRequest: JsonObject;
  effectiveLaunchType: Placement;
  /** where a top-level key of the RunTask request came from in the edited document(s); null if nowhere */
  originOfRequestKey(key: string): Origin | null;
  originOfTaskDefinitionKey(key: string): Origin | null;
  /** prefect.variables.*, prefect.blocks.*, $ENV: shown as unresolved, never guessed */
  unresolved: Placeholder[];
  /** human sentences: what worker logic changed */
  notes: string[];
  /** hybrid only: why the worker would fail the flow run before or at RunTask (its own validation) */
  workerFailures: string[];
}

/** Finds a task definition named by ARN, `family:revision` or family in the snapshot. */
export function findTaskDefinition(
  snapshot: ClusterSnapshot | undefined,
  ref: string,
): TaskDefinitionSummary | undefined {
  if (!snapshot) return undefined;
  const name = ref.includes(":task-definition/") ? (ref.split(":task-definition/")[1] ?? ref) : ref;
  return snapshot.taskDefinitions.find(
    (td) =>
      td.arn === ref ||
      `${td.family}:${td.revision}` === name ||
      (!name.includes(":") && td.family === name),
  );
}

function summaryAsDefinition(summary: TaskDefinitionSummary): JsonObject {
  const td: JsonObject = { requiresCompatibilities: [...summary.requiresCompatibilities] };
  if (summary.networkMode !== null) td.networkMode = summary.networkMode;
  td.containerDefinitions = summary.containers.map((c) => ({ name: c.name }));
  return td;
}

/** Models the task definition and RunTask request for a template, job variables and mode. */
export function prepareEcsRun(input: EcsRunInput): EcsRunPlan {
  const built = buildJobConfiguration(input.template, input.jobVariables ?? {});
  const rendered = built.configuration;
  const log: StepLog = { notes: [], failures: [] };
  const origins = originLookup(input.template, built.values, built.origins, rendered);
  const base = {
    values: built.values,
    origins: built.origins,
    configuration: rendered,
    unresolved: built.unresolved,
    originOfRequestKey: origins.requestKey,
    originOfTaskDefinitionKey: origins.taskDefinitionKey,
  };
  if (input.mode !== "hybrid") {
    // push and raw change nothing, so the plan shares these objects with `configuration` (read-only)
    const request = isObject(rendered.task_run_request) ? rendered.task_run_request : {};
    const arn = request.taskDefinition;
    const taskDefinition: EcsTaskDefinition =
      typeof arn === "string" && arn !== ""
        ? withSummary({ source: "existing", arn }, findTaskDefinition(input.snapshot, arn))
        : {
            source: "registered",
            definition: isObject(rendered.task_definition) ? rendered.task_definition : {},
          };
    if (input.mode === "push") {
      log.notes.push(
        "push: the request as rendered; Prefect Cloud's push runner is modelled conservatively (launchType is never dropped, nothing is added).",
      );
    }
    return {
      ...base,
      taskDefinition,
      runTaskRequest: request,
      effectiveLaunchType: placementOf(request, input.snapshot),
      notes: log.notes,
      workerFailures: [],
    };
  }
  return prepareHybrid(input, base, log);
}

/** What a plan holds beyond the rendering: the worker's own steps, which depend on the mode. */
type WorkerSteps =
  "taskDefinition" | "runTaskRequest" | "effectiveLaunchType" | "notes" | "workerFailures";
/** The rendering (values, configuration, origins, unresolved placeholders): the same in every mode. */
type EcsRendering = Omit<EcsRunPlan, WorkerSteps>;

/**
 * The hybrid worker's plan for the input a plan of another mode was prepared from: the rendering
 * does not depend on the mode, so only the worker's own steps run again. `input` gives what those
 * steps read (the snapshot, the network, the flow run).
 */
export function hybridPlanOf(
  plan: EcsRunPlan,
  input: Pick<EcsRunInput, "snapshot" | "network" | "flowRun">,
): EcsRunPlan {
  const {
    taskDefinition: _t,
    runTaskRequest: _r,
    effectiveLaunchType: _l,
    notes: _n,
    workerFailures: _w,
    ...rendering
  } = plan;
  return prepareHybrid(input, rendering, { notes: [], failures: [] });
}

/** The symbolic strings that occur in (or inside) the given values, in first-seen order. */
function symbolsIn(values: JsonValue[], symbols: Set<string>): string[] {
  const found = new Set<string>();
  const walk = (v: JsonValue): void => {
    if (typeof v === "string") {
      if (!v.includes("<")) return; // every symbol is written in angle brackets
      for (const s of symbols) if (v.includes(s)) found.add(s);
    } else if (Array.isArray(v)) v.forEach(walk);
    else if (isObject(v)) Object.values(v).forEach(walk);
  };
  values.forEach(walk);
  return [...found];
}

function withSummary(
  td: { source: "existing"; arn: string },
  summary?: TaskDefinitionSummary,
): EcsTaskDefinition {
  return summary ? { ...td, definition: summary } : td;
}

function prepareHybrid(
  input: Pick<EcsRunInput, "snapshot" | "network" | "flowRun">,
  base: EcsRendering,
  log: StepLog,
): EcsRunPlan {
  const ctx = resolveContext({
    ...(input.snapshot ? { region: input.snapshot.region } : {}),
    ...input.flowRun,
  });
  const cfg = workerConfiguration(base.configuration, log.failures);
  prepareForFlowRun(cfg, ctx, log.failures);
  const arn = cfg.taskRunRequest.taskDefinition;
  let taskDefinition: EcsTaskDefinition;
  let definitionForRequest: JsonObject;
  let arnUsed: string;
  if (!truthy(arn)) {
    const registered = prepareTaskDefinition(cfg, ctx, log);
    taskDefinition = { source: "registered", definition: registered };
    definitionForRequest = registered;
    arnUsed = ctx.ctx.registeredTaskDefinitionArn;
    validateTaskDefinition(registered, cfg, log);
  } else {
    arnUsed = typeof arn === "string" ? arn : String(arn);
    const summary = findTaskDefinition(input.snapshot, arnUsed);
    taskDefinition = withSummary({ source: "existing", arn: arnUsed }, summary);
    if (Object.keys(cfg.taskDefinition).length > 0) {
      log.notes.push(
        "task_definition_arn is set: the worker ignores the task_definition section and uses that task definition.",
      );
    }
    if (summary) {
      definitionForRequest = summaryAsDefinition(summary);
      validateTaskDefinition(definitionForRequest, cfg, log, false);
      if (cfg.configureCloudwatchLogs) {
        log.notes.push(
          `configure_cloudwatch_logs: the worker requires an executionRoleArn on ${arnUsed}; the snapshot does not say whether it has one.`,
        );
      }
    } else {
      definitionForRequest = {};
      log.notes.push(
        `Task definition ${arnUsed} is not in the snapshot: its requiresCompatibilities and networkMode are unknown, so the model assumes neither EC2 nor awsvpc.`,
      );
    }
  }
  const request = prepareTaskRunRequest(
    {
      cfg,
      taskDefinition: definitionForRequest,
      taskDefinitionArn: arnUsed,
      newTaskDefinitionRegistered: taskDefinition.source === "registered",
      ...(input.network?.subnets ? { subnets: input.network.subnets } : {}),
    },
    ctx,
    log,
  );
  const used = symbolsIn(
    [taskDefinition.source === "registered" ? taskDefinition.definition : null, request],
    ctx.symbols,
  );
  if (used.length > 0) {
    log.notes.push(
      "Values in angle brackets (" +
        used.join(", ") +
        ") are known only when the worker runs the flow run; the model shows them as placeholders.",
    );
  }
  return {
    ...base,
    taskDefinition,
    runTaskRequest: request,
    effectiveLaunchType: placementOf(request, input.snapshot),
    notes: log.notes,
    workerFailures: log.failures,
  };
}

/** The cluster of a template's request rendered with its defaults; null when it names none or does not render. */
export function clusterOfTemplate(template: JsonValue, mode: Mode): string | null {
  if (!isObject(template) || !isObject(template.job_configuration) || !isObject(template.variables))
    return null;
  try {
    const plan = prepareEcsRun({ template: template as unknown as BaseJobTemplate, mode });
    return clusterOfRequest(plan.runTaskRequest);
  } catch {
    return null;
  }
}
