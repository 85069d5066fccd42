/**
 * Pooldeck's check engine (pure, isomorphic): every rule of the docs/design.md check catalog, run by
 * the editor on each keystroke, by server actions before each push, and by `pooldeck check`.
 */
export * from "./types";
export {
  runChecks,
  checkText,
  checkJobVariablesText,
  type CheckResult,
  type CheckTextOptions,
  type SkippedRule,
} from "./run-checks";
export { RULES, RULE_IDS, INVALID_JSON_RULE } from "./registry";
export type { Rule } from "./rule";
export { parseJsonText, type ParsedJson } from "@/lib/template/json-text";
export { FARGATE_CPU_MEMORY, isValidFargatePair } from "./fargate";
