/** Builders for rule tests: Prefect's default ECS template with edits (snapshots: ./snapshot). */
import fixture from "@/lib/template/fixtures/prefect-ecs-default.json";
import type { ClusterSnapshot } from "@/lib/snapshot/schema";
import type { JsonObject, JsonValue, Mode } from "@/lib/template/types";
import { runChecks, type CheckResult } from "@/lib/checks/run-checks";
import type { Diagnostic } from "@/lib/checks/types";

/** A fresh copy of `prefect work-pool get-default-base-job-template --type ecs`. */
export function defaultTemplate(): JsonObject {
  return structuredClone(fixture) as JsonObject;
}

function properties(template: JsonObject): JsonObject {
  return (template.variables as JsonObject).properties as JsonObject;
}

/** The default template with variable defaults set (undefined removes a default). */
export function withDefaults(
  values: Record<string, JsonValue | undefined>,
  template = defaultTemplate(),
): JsonObject {
  for (const [name, value] of Object.entries(values)) {
    const schema = (properties(template)[name] ??= {}) as JsonObject;
    if (value === undefined) delete schema.default;
    else schema.default = value;
  }
  return template;
}

/** The job_configuration object of a template, for direct edits. */
export function jobConfiguration(template: JsonObject): JsonObject {
  return template.job_configuration as JsonObject;
}

/** task_run_request of a template, for direct edits. */
export function taskRunRequest(template: JsonObject): JsonObject {
  return jobConfiguration(template).task_run_request as JsonObject;
}

/** Runs every rule. */
export function check(
  template: JsonValue,
  mode: Mode = "hybrid",
  extra: { jobVariables?: JsonValue; snapshot?: ClusterSnapshot } = {},
): CheckResult {
  return runChecks({ template, mode, ...extra });
}

/** The diagnostics of one rule, without messages (tests assert messages separately). */
export function findings(result: CheckResult, rule: string): Omit<Diagnostic, "message">[] {
  return result.diagnostics
    .filter((d) => d.rule === rule)
    .map(({ message: _message, ...rest }) => {
      void _message;
      return rest;
    });
}

/** The messages of one rule. */
export function messages(result: CheckResult, rule: string): string[] {
  return result.diagnostics.filter((d) => d.rule === rule).map((d) => d.message);
}

/** A strategy on the Auto Scaling group provider. */
export const ASG_STRATEGY: JsonValue = [{ capacityProvider: "asg-main", weight: 1, base: 0 }];
