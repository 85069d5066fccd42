/**
 * The `ecs:push` default template where the server has none. Self-hosted Prefect servers only
 * ship the prefect-aws `ecs` worker template (their collections endpoint has no push types);
 * Prefect Cloud serves `ecs:push` from `/collections/work_pool_types`. Prefect's push runner uses
 * the same job configuration as the ECS worker, so Pooldeck derives the push template from the
 * server's `ecs` template with exactly these changes:
 *
 * 1. `aws_credentials` becomes required (`variables.required`). A hybrid worker may fall back to
 *    its own IAM role; Prefect Cloud has no such environment, so a push pool without an AWS
 *    Credentials block can never call ECS. Prefect ignores `required` when pools and deployments
 *    are saved but enforces it when a flow run is created, so a missing block fails at once
 *    instead of at RunTask.
 * 2. The `aws_credentials` description says so (it otherwise talks about the local environment).
 * 3. The `aws_credentials` variable and its `{{ aws_credentials }}` placeholder are added to
 *    `job_configuration` when the `ecs` template lacks them.
 *
 * Everything else is carried over unchanged: same variables, same request, same defaults.
 */
import { cloneJson, isObject } from "./pointer";
import type { JsonObject } from "./types";

/** Description of aws_credentials in push templates (what Pooldeck writes when deriving or converting). */
export const PUSH_CREDENTIALS_DESCRIPTION =
  "The AWS Credentials block Prefect Cloud uses to call ECS. Required: a push pool runs no worker in your account, so there is no local environment or IAM role to infer credentials from.";

/** The aws_credentials variable Pooldeck adds when a template has none (Prefect's block reference shape). */
export const AWS_CREDENTIALS_VARIABLE: JsonObject = {
  title: "AWS Credentials",
  description: PUSH_CREDENTIALS_DESCRIPTION,
  type: "object",
};

/** The placeholder job_configuration needs so the credentials reach the runner. */
export const AWS_CREDENTIALS_PLACEHOLDER = "{{ aws_credentials }}";

/** One change a derivation or conversion made, for the page to list next to the diff. */
export interface TemplateChange {
  /** JSON pointer into the resulting template */
  pointer: string;
  /** what changed, imperative past ("Added aws_credentials to variables.required") */
  title: string;
  /** why the other kind of pool needs it */
  why: string;
}

/**
 * Ensures the template asks for an AWS Credentials block (variable, placeholder, required), in
 * place; returns the changes. Shared by derivePushTemplate and the hybrid→push converter.
 */
export function requireAwsCredentials(template: JsonObject): TemplateChange[] {
  const changes: TemplateChange[] = [];
  if (!isObject(template.variables)) template.variables = { type: "object", properties: {} };
  const variables = template.variables as JsonObject;
  if (!isObject(variables.properties)) variables.properties = {};
  const properties = variables.properties as JsonObject;
  const existing = properties.aws_credentials;
  if (!isObject(existing)) {
    properties.aws_credentials = cloneJson(AWS_CREDENTIALS_VARIABLE);
    changes.push({
      pointer: "/variables/properties/aws_credentials",
      title: "Added the aws_credentials variable",
      why: "Prefect Cloud calls ECS with a stored AWS Credentials block; the template had no variable to hold it.",
    });
  } else if (existing.description !== PUSH_CREDENTIALS_DESCRIPTION) {
    existing.description = PUSH_CREDENTIALS_DESCRIPTION;
    changes.push({
      pointer: "/variables/properties/aws_credentials/description",
      title: "Described aws_credentials as required",
      why: "The ECS worker's description says credentials are inferred from the local environment; a push pool has none.",
    });
  }
  const required = Array.isArray(variables.required) ? variables.required : [];
  if (!required.includes("aws_credentials")) {
    variables.required = [...required, "aws_credentials"];
    changes.push({
      pointer: "/variables/required",
      title: "Added aws_credentials to variables.required",
      why: "Without credentials every push run fails; Prefect enforces required variables when a flow run is created, so the mistake shows there and not at RunTask.",
    });
  }
  if (!isObject(template.job_configuration)) template.job_configuration = {};
  const configuration = template.job_configuration as JsonObject;
  if (configuration.aws_credentials === undefined) {
    configuration.aws_credentials = AWS_CREDENTIALS_PLACEHOLDER;
    changes.push({
      pointer: "/job_configuration/aws_credentials",
      title: "Added the {{ aws_credentials }} placeholder to job_configuration",
      why: "The runner reads the credentials from the job configuration; without the placeholder the block never reaches it.",
    });
  }
  return changes;
}

/** Derives the `ecs:push` default template from the server's `ecs` template (see the module comment). */
export function derivePushTemplate(ecsTemplate: JsonObject): {
  template: JsonObject;
  changes: TemplateChange[];
} {
  const template = cloneJson(ecsTemplate);
  return { template, changes: requireAwsCredentials(template) };
}

/** The ecs and ecs:push default templates as the page shows them: the server's push template when it has one (Prefect Cloud), else derived. */
export function defaultTemplatePair(
  hybrid: JsonObject,
  push: JsonObject | undefined,
): { hybrid: JsonObject; push: JsonObject; derived: TemplateChange[] | null } {
  if (push) return { hybrid, push, derived: null };
  const derived = derivePushTemplate(hybrid);
  return { hybrid, push: derived.template, derived: derived.changes };
}
