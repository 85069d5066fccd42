/**
 * Puts the worker's captured requests and the model's preview for the same inputs side by side,
 * both normalized (normalize.ts), ready for `expect(model).toEqual(worker)`.
 */
import type { ClusterSnapshot, TaskDefinitionSummary } from "@/lib/snapshot/schema";
import { prepareEcsRun, type BaseJobTemplate } from "@/lib/template";
import type { JsonObject, JsonValue } from "@/lib/template/types";

import type { Capture } from "./harness";
import { normalizeRunTask, normalizeTaskDefinition } from "./normalize";

/**
 * What happened to the flow run: the worker called RunTask (with these requests), or it failed
 * the run before RunTask. The model's side says "fails" when its workerFailures is not empty.
 */
export type Comparable =
  | {
      outcome: "runs";
      taskDefinition:
        { source: "registered"; definition: JsonObject } | { source: "existing"; arn: string };
      runTaskRequest: JsonObject;
    }
  | { outcome: "fails" };

function str(v: JsonValue | undefined): string | undefined {
  return typeof v === "string" && v !== "" ? v : undefined;
}

function variableDefault(template: JsonObject, name: string): JsonValue | undefined {
  const props = (template.variables as JsonObject | undefined)?.properties as
    JsonObject | undefined;
  return (props?.[name] as JsonObject | undefined)?.default;
}

/** The value a variable resolves to: deployment job_variables over the pool default. */
function resolved(capture: Capture, name: string): JsonValue | undefined {
  return capture.inputs.jobVariables[name] ?? variableDefault(capture.inputs.template, name);
}

function summary(td: JsonObject): TaskDefinitionSummary {
  const containers = Array.isArray(td.containerDefinitions)
    ? (td.containerDefinitions as JsonObject[])
    : [];
  return {
    arn: String(td.taskDefinitionArn),
    family: String(td.family),
    revision: Number(td.revision),
    status: String(td.status ?? "ACTIVE"),
    compatibilities: (td.compatibilities as string[] | undefined) ?? [],
    requiresCompatibilities: (td.requiresCompatibilities as string[] | undefined) ?? [],
    networkMode: str(td.networkMode) ?? null,
    cpu: str(td.cpu) ?? null,
    memory: str(td.memory) ?? null,
    containers: containers.map((c) => ({
      name: String(c.name),
      image: str(c.image) ?? null,
      cpu: typeof c.cpu === "number" ? c.cpu : null,
      memory: typeof c.memory === "number" ? c.memory : null,
      memoryReservation: typeof c.memoryReservation === "number" ? c.memoryReservation : null,
      environmentNames: Array.isArray(c.environment)
        ? (c.environment as JsonObject[]).map((e) => String(e.name))
        : [],
    })),
  };
}

/** A cluster snapshot with what the worker could read from AWS in this scenario. */
export function snapshotFor(capture: Capture): ClusterSnapshot {
  const cluster = str(resolved(capture, "cluster")) ?? "default";
  const td = capture.aws.existingTaskDefinition;
  return {
    fetchedAt: "2026-01-01T00:00:00.000Z",
    region: "us-east-1",
    cluster: {
      name: cluster,
      arn: `arn:aws:ecs:us-east-1:123456789012:cluster/${cluster}`,
      status: "ACTIVE",
      capacityProviders: [],
      defaultCapacityProviderStrategy: [],
      registeredContainerInstancesCount: 0,
      runningTasksCount: 0,
      pendingTasksCount: 0,
    },
    capacityProviders: [],
    containerInstances: [],
    taskDefinitionFamilies: td ? [String(td.family)] : [],
    taskDefinitions: td ? [summary(td)] : [],
  };
}

/** The subnets the worker found: those of `vpc_id`, else of the default VPC. */
export function networkFor(capture: Capture): { subnets: string[] } {
  const vpc = str(resolved(capture, "vpc_id")) ?? capture.aws.defaultVpcId;
  return { subnets: capture.aws.subnetsByVpc[vpc] ?? [] };
}

/** The worker's side, normalized. */
export function workerSide(capture: Capture): Comparable {
  const { registerTaskDefinition: register, runTask } = capture.worker;
  if (!runTask) return { outcome: "fails" };
  return {
    outcome: "runs",
    taskDefinition: register
      ? { source: "registered", definition: normalizeTaskDefinition(register, capture.run) }
      : { source: "existing", arn: String(runTask.taskDefinition) },
    runTaskRequest: normalizeRunTask(runTask, capture.run, register !== null),
  };
}

/**
 * The model's side: the preview for the same inputs in hybrid mode. The only run-time fact it is
 * given is that the server is self-hosted (the worker has no backend id, so no PREFECT__WORKER_ID).
 */
export function modelSide(capture: Capture): {
  comparable: Comparable;
  notes: string[];
  workerFailures: string[];
} {
  const plan = prepareEcsRun({
    template: capture.inputs.template as unknown as BaseJobTemplate,
    jobVariables: capture.inputs.jobVariables,
    mode: "hybrid",
    snapshot: snapshotFor(capture),
    network: networkFor(capture),
    flowRun: { workerId: null },
  });
  const td = plan.taskDefinition;
  const comparable: Comparable = plan.workerFailures.length
    ? { outcome: "fails" }
    : {
        outcome: "runs",
        taskDefinition:
          td.source === "registered"
            ? { source: "registered", definition: normalizeTaskDefinition(td.definition, null) }
            : { source: "existing", arn: td.arn },
        runTaskRequest: normalizeRunTask(plan.runTaskRequest, null, false),
      };
  return { comparable, notes: plan.notes, workerFailures: plan.workerFailures };
}
