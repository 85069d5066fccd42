/**
 * Pooldeck's template engine (pure, isomorphic): the base job template model, Prefect's
 * templating, variable resolution, and a model of what reaches ECS.
 */
export * from "./types";
// The zod document model (parseTemplateDocument) is imported from "@/lib/template/template-document"
// directly: re-exported here it would put zod into every browser bundle that uses the engine.
export {
  variableProperties,
  resolveRef,
  effectiveSchema,
  type BaseJobTemplate,
  type VariablesSchema,
} from "./schema";
export {
  findPlaceholders,
  placeholderKind,
  placeholderRoot,
  placeholdersInString,
  type Placeholder,
  type PlaceholderKind,
} from "./placeholders";
export { applyValues, getFromDict, NOT_SET, type NotSet, type ApplyOptions } from "./apply-values";
export { pyStr, pyRepr } from "./python-str";
export { resolveVariables, schemaDefaults, deepMerge } from "./variables";
export {
  renderJobConfiguration,
  blockReferences,
  buildJobConfiguration,
  type RenderOptions,
} from "./render";
export { truthy } from "./truthy";
export { placementOf, providerKindOf, STRATEGY_LIMITS, type Placement } from "./placement";
export { isEcsPoolType, modeOfPoolType, poolTypeOfMode, type EcsPoolType } from "./pool-type";
export {
  prepareEcsRun,
  findTaskDefinition,
  type EcsRunInput,
  type EcsRunPlan,
  type EcsTaskDefinition,
  type Origin,
} from "./ecs-run";
export {
  SYMBOLIC,
  PREFECT_WORKER_IMAGE,
  ECS_DEFAULT_CPU,
  ECS_DEFAULT_MEMORY,
  ECS_DEFAULT_LAUNCH_TYPE,
  type FlowRunContext,
} from "./ecs-worker";
export { shlexSplit, slugifyTag } from "./python-text";
export { escapePointerToken, joinPointer, cloneJson } from "./pointer";
