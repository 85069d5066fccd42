/** Every rule of the docs/design.md check catalog, in the order diagnostics are reported. */
import type { Rule } from "./rule";
import { burstExceedsCapacity } from "./rules/burst-capacity";
import { noCapacity, taskTooLarge } from "./rules/capacity";
import { fargateOnlyOption } from "./rules/fargate-only-option";
import { jobVariableUnknown, jobVariableViolatesSchema } from "./rules/job-variables";
import { launchTypeAndStrategy } from "./rules/launch-type-and-strategy";
import { networkConfiguration } from "./rules/network-configuration";
import {
  cloudwatchRequiresExecutionRole,
  networkConfigurationRequiresVpcId,
  pushRequiresAwsCredentials,
} from "./rules/prefect-worker";
import { providerInactive, providerNotInCluster } from "./rules/strategy-cluster";
import { strategyWithFargateTaskDefinition } from "./rules/strategy-fargate-task-definition";
import {
  strategyMixedProviderTypes,
  strategyMultipleBase,
  strategyOutOfRange,
  strategyTooLong,
  strategyZeroWeight,
} from "./rules/strategy-shape";
import {
  fargateCpuMemory,
  fargateRequiresAwsvpc,
  taskDefinitionIncompatible,
} from "./rules/task-definition";
import { taskDefinitionChurn } from "./rules/task-definition-churn";
import { defaultViolatesSchema, invalidVariablesSchema } from "./rules/template-schema";
import { missingSection, undeclaredVariable } from "./rules/template-structure";

/** Reported by checkText, not by a rule: the document is not JSON. */
export const INVALID_JSON_RULE = "template/invalid-json";

/** All rules; ids are stable (CLI, editor and server actions share them). */
export const RULES: readonly Rule[] = [
  missingSection,
  undeclaredVariable,
  invalidVariablesSchema,
  defaultViolatesSchema,
  launchTypeAndStrategy,
  strategyTooLong,
  strategyMultipleBase,
  strategyZeroWeight,
  strategyOutOfRange,
  strategyMixedProviderTypes,
  providerNotInCluster,
  providerInactive,
  strategyWithFargateTaskDefinition,
  taskDefinitionIncompatible,
  fargateRequiresAwsvpc,
  fargateCpuMemory,
  networkConfiguration,
  noCapacity,
  taskTooLarge,
  fargateOnlyOption,
  networkConfigurationRequiresVpcId,
  cloudwatchRequiresExecutionRole,
  pushRequiresAwsCredentials,
  jobVariableUnknown,
  jobVariableViolatesSchema,
  taskDefinitionChurn,
  burstExceedsCapacity,
];

/** Every rule id of the catalog, including template/invalid-json. */
export const RULE_IDS: readonly string[] = [INVALID_JSON_RULE, ...RULES.map((r) => r.id)];
