/**
 * Moves a base job template between pool kinds: hybrid (`ecs`, a worker in the user's network)
 * and push (`ecs:push`, Prefect Cloud calls RunTask). Pure: the page shows the result in a diff,
 * and the create-pool action stores exactly what this returns.
 *
 * hybrid → push
 * - aws_credentials: variable, `{{ aws_credentials }}` placeholder and `required`
 *   (requireAwsCredentials); a chosen block becomes its default (`{"$ref": {"block_document_id"}}`,
 *   the shape Prefect's own push provisioner writes).
 * - launch_type FARGATE_SPOT (a worker convenience, not an ECS launch type) becomes the
 *   FARGATE_SPOT capacity provider strategy the worker would have built.
 * - launchType is removed from task_run_request when the template sets a capacity provider
 *   strategy: the push runner does not drop it (docs/design.md, Prefect issue #13030).
 * push → hybrid
 * - aws_credentials is no longer required (the worker may use its own IAM role); a stored block
 *   is kept and reported, because removing it would change which identity calls ECS.
 * - launchType `{{ launch_type }}` comes back when no strategy is set, so launch_type works again.
 * - launchType `{{ launch_type }}` (FARGATE) also comes back when the strategy has only Fargate
 *   providers: without a launchType the worker registers an EC2-shaped task definition, which
 *   Fargate rejects; with FARGATE it registers a Fargate one and still drops launchType itself.
 */
import {
  PUSH_CREDENTIALS_DESCRIPTION,
  requireAwsCredentials,
  type TemplateChange,
} from "@/lib/template/push-template";
import { cloneJson, isObject } from "@/lib/template/pointer";
import { placeholdersInString } from "@/lib/template/placeholders";
import type { JsonObject, JsonValue } from "@/lib/template/types";
import type { PoolKind } from "@/lib/template/pool-type";

export type { PoolKind } from "@/lib/template/pool-type";

/** The ECS worker's own aws_credentials description, restored when a template moves back to hybrid. */
export const WORKER_CREDENTIALS_DESCRIPTION =
  "The AWS credentials to use to connect to ECS. If not provided, credentials will be inferred from the local environment following AWS's boto client's rules.";

export interface ConvertOptions {
  /** push only: id of the AWS Credentials block document to use as aws_credentials' default */
  credentialsBlockId?: string;
}

export interface ConvertedTemplate {
  template: JsonObject;
  changes: TemplateChange[];
  /** things the converter left alone on purpose, as sentences */
  notes: string[];
}

const objectAt = (parent: JsonObject, key: string): JsonObject | undefined => {
  const value = parent[key];
  return isObject(value) ? value : undefined;
};

/** The value a task_run_request entry renders to with pool defaults: a literal, or a lone placeholder's default. */
function defaultValueOf(
  value: JsonValue | undefined,
  properties: JsonObject,
): JsonValue | undefined {
  if (typeof value !== "string") return value;
  const found = placeholdersInString(value);
  const only = found.length === 1 ? found[0] : undefined;
  if (!only || only.raw !== value.trim() || only.kind !== "variable") return value;
  const variable = objectAt(properties, only.name);
  return variable?.default;
}

/** The non-empty capacity provider strategy the template sends with its defaults, if any. */
function strategyOf(template: JsonObject): JsonValue[] | undefined {
  const request = objectAt(objectAt(template, "job_configuration") ?? {}, "task_run_request");
  const properties = objectAt(objectAt(template, "variables") ?? {}, "properties") ?? {};
  if (!request) return undefined;
  const strategy = defaultValueOf(request.capacityProviderStrategy, properties);
  return Array.isArray(strategy) && strategy.length > 0 ? strategy : undefined;
}

/** Does the template, with its defaults, send a non-empty capacity provider strategy? */
export function templateSetsStrategy(template: JsonObject): boolean {
  return strategyOf(template) !== undefined;
}

/** Does the strategy use only AWS's Fargate providers (always named FARGATE and FARGATE_SPOT)? */
function onlyFargateProviders(strategy: JsonValue[]): boolean {
  return strategy.every(
    (item) =>
      isObject(item) &&
      (item.capacityProvider === "FARGATE" || item.capacityProvider === "FARGATE_SPOT"),
  );
}

function toPush(template: JsonObject, options: ConvertOptions): ConvertedTemplate {
  const changes = requireAwsCredentials(template);
  const notes: string[] = [];
  const properties = (template.variables as JsonObject).properties as JsonObject;
  const credentials = properties.aws_credentials as JsonObject;
  if (options.credentialsBlockId) {
    credentials.default = { $ref: { block_document_id: options.credentialsBlockId } };
    changes.push({
      pointer: "/variables/properties/aws_credentials/default",
      title: `Set aws_credentials to block document ${options.credentialsBlockId}`,
      why: "Prefect Cloud calls ECS with this AWS Credentials block.",
    });
  } else if (credentials.default === undefined) {
    notes.push(
      "No AWS Credentials block is set yet: choose one (aws_credentials) before the first run, or every run is refused.",
    );
  }
  const launchType = objectAt(properties, "launch_type");
  const strategyVariable = objectAt(properties, "capacity_provider_strategy");
  if (launchType?.default === "FARGATE_SPOT" && !templateSetsStrategy(template)) {
    if (strategyVariable) {
      strategyVariable.default = [{ capacityProvider: "FARGATE_SPOT", weight: 1 }];
      launchType.default = "FARGATE";
      changes.push({
        pointer: "/variables/properties/capacity_provider_strategy/default",
        title: "Turned launch_type FARGATE_SPOT into a FARGATE_SPOT capacity provider strategy",
        why: "FARGATE_SPOT is not an ECS launch type: the hybrid worker rewrites it into this strategy, the push runner sends what the template renders. launch_type is now FARGATE so the task definition stays Fargate-shaped.",
      });
    } else {
      notes.push(
        "launch_type defaults to FARGATE_SPOT, which only the hybrid worker understands; add a capacity_provider_strategy variable with FARGATE_SPOT instead.",
      );
    }
  }
  const request = objectAt(objectAt(template, "job_configuration") ?? {}, "task_run_request");
  if (request && "launchType" in request && templateSetsStrategy(template)) {
    delete request.launchType;
    changes.push({
      pointer: "/job_configuration/task_run_request/launchType",
      title: "Removed launchType from task_run_request",
      why: "The template sets a capacity provider strategy. The hybrid worker drops launchType itself; the push runner sends both, and ECS rejects RunTask with both (Prefect issue #13030).",
    });
  }
  return { template, changes, notes };
}

function toHybrid(template: JsonObject): ConvertedTemplate {
  const changes: TemplateChange[] = [];
  const notes: string[] = [];
  const variables = objectAt(template, "variables");
  const properties = variables ? (objectAt(variables, "properties") ?? {}) : {};
  if (
    variables &&
    Array.isArray(variables.required) &&
    variables.required.includes("aws_credentials")
  ) {
    const rest = variables.required.filter((name) => name !== "aws_credentials");
    if (rest.length > 0) variables.required = rest;
    else delete variables.required;
    changes.push({
      pointer: "/variables/required",
      title: "aws_credentials is no longer required",
      why: "A hybrid worker can call ECS with its own IAM role (the ECS task role or instance profile it runs with).",
    });
  }
  const credentials = objectAt(properties, "aws_credentials");
  if (credentials?.description === PUSH_CREDENTIALS_DESCRIPTION) {
    credentials.description = WORKER_CREDENTIALS_DESCRIPTION;
    changes.push({
      pointer: "/variables/properties/aws_credentials/description",
      title: "Restored the worker's aws_credentials description",
      why: "On a hybrid pool the block is optional; without it the worker uses its own credentials.",
    });
  }
  if (credentials && credentials.default !== undefined && credentials.default !== null) {
    notes.push(
      "aws_credentials still names a credentials block: the worker will call ECS with it instead of its own IAM role. Clear it to use the worker's role.",
    );
  }
  const request = objectAt(objectAt(template, "job_configuration") ?? {}, "task_run_request");
  const strategy = strategyOf(template);
  const launchType = objectAt(properties, "launch_type");
  if (
    request &&
    !("launchType" in request) &&
    launchType &&
    strategy &&
    onlyFargateProviders(strategy)
  ) {
    request.launchType = "{{ launch_type }}";
    changes.push({
      pointer: "/job_configuration/task_run_request/launchType",
      title: "Put launchType {{ launch_type }} back into task_run_request",
      why: "The strategy runs tasks on Fargate. Without a launchType the worker registers an EC2-shaped task definition, which Fargate rejects; with launch_type FARGATE it registers a Fargate one, and it drops launchType from RunTask itself because a strategy is set.",
    });
    if (launchType.default !== "FARGATE") {
      launchType.default = "FARGATE";
      changes.push({
        pointer: "/variables/properties/launch_type/default",
        title: "Set launch_type to FARGATE",
        why: "The worker shapes the task definition by launch_type; the strategy's providers are Fargate.",
      });
    }
  } else if (request && !("launchType" in request) && launchType && !strategy) {
    request.launchType = "{{ launch_type }}";
    changes.push({
      pointer: "/job_configuration/task_run_request/launchType",
      title: "Put launchType {{ launch_type }} back into task_run_request",
      why: "Without a capacity provider strategy, launch_type (EC2, FARGATE, FARGATE_SPOT) should reach the worker again; the worker drops launchType by itself whenever a strategy is set.",
    });
  }
  return { template, changes, notes };
}

/** Converts a template for a pool of the other kind; the input is not modified. */
export function convertTemplate(
  template: JsonObject,
  to: PoolKind,
  options: ConvertOptions = {},
): ConvertedTemplate {
  const copy = cloneJson(template);
  return to === "push" ? toPush(copy, options) : toHybrid(copy);
}
