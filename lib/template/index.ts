/**
 * Pooldeck's template engine (pure, isomorphic): the base job template model, Prefect's
 * templating, variable resolution, and a model of what reaches ECS.
 */
export * from "./types";
export {
  baseJobTemplateSchema,
  variablesSchemaSchema,
  parseTemplateDocument,
  variableProperties,
  resolveRef,
  effectiveSchema,
  type BaseJobTemplate,
  type VariablesSchema,
  type ParsedTemplateDocument,
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
  truthy,
  type RenderOptions,
} from "./render";
export {
  prepareEcsRun,
  type EcsRunInput,
  type EcsRunPlan,
  type EcsTaskDefinition,
} from "./ecs-run";
export { escapePointerToken, joinPointer } from "./pointer";
