/**
 * What reaches ECS: the task definition and the RunTask request, in three modes
 * (hybrid = the prefect-aws ECS worker, push = Prefect Cloud's push runner, raw = as rendered).
 */
import type { ClusterSnapshot, TaskDefinitionSummary } from "@/lib/snapshot/schema";
import type { Placeholder } from "./placeholders";
import { buildJobConfiguration } from "./render";
import type { BaseJobTemplate } from "./schema";
import type {
  DocumentKind,
  EffectiveLaunchType,
  JsonObject,
  JsonPointer,
  Mode,
  ValueOrigin,
} from "./types";

export interface EcsRunInput {
  template: BaseJobTemplate;
  jobVariables?: JsonObject;
  mode: Mode;
  snapshot?: ClusterSnapshot;
  /** what the worker would look up in AWS (the default VPC's subnets) when known */
  network?: { subnets?: string[] };
}

export type EcsTaskDefinition =
  | { source: "registered"; definition: JsonObject }
  | { source: "existing"; arn: string; definition?: TaskDefinitionSummary };

export interface EcsRunPlan {
  values: JsonObject;
  origins: Record<string, ValueOrigin>;
  /** rendered job_configuration */
  configuration: JsonObject;
  taskDefinition: EcsTaskDefinition;
  /** what RunTask receives */
  runTaskRequest: JsonObject;
  effectiveLaunchType: EffectiveLaunchType;
  /** where a top-level key of the RunTask request came from in the edited document(s); null if nowhere */
  originOfRequestKey(key: string): { document: DocumentKind; pointer: JsonPointer } | null;
  originOfTaskDefinitionKey(key: string): { document: DocumentKind; pointer: JsonPointer } | null;
  /** prefect.variables.*, prefect.blocks.*, $ENV: shown as unresolved, never guessed */
  unresolved: Placeholder[];
  /** human sentences: what worker logic changed */
  notes: string[];
}

function isObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** Models what the RunTask call and task definition look like for a template in a mode. */
export function prepareEcsRun(input: EcsRunInput): EcsRunPlan {
  const built = buildJobConfiguration(input.template, input.jobVariables ?? {});
  const request = isObject(built.configuration.task_run_request)
    ? structuredClone(built.configuration.task_run_request)
    : {};
  const taskDefinition = isObject(built.configuration.task_definition)
    ? structuredClone(built.configuration.task_definition)
    : {};
  const arn = typeof request.taskDefinition === "string" ? request.taskDefinition : "";
  return {
    values: built.values,
    origins: built.origins,
    configuration: built.configuration,
    taskDefinition: arn
      ? { source: "existing", arn }
      : { source: "registered", definition: taskDefinition },
    runTaskRequest: request,
    effectiveLaunchType:
      typeof request.launchType === "string"
        ? (request.launchType as EffectiveLaunchType)
        : "CLUSTER_DEFAULT",
    originOfRequestKey: () => null,
    originOfTaskDefinitionKey: () => null,
    unresolved: built.unresolved,
    notes: [],
  };
}
