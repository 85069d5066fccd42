/**
 * The JSON Schema Monaco gets for completion and hover: the shape of a Prefect ECS base job
 * template, RunTask and RegisterTaskDefinition keys, and — built from the document itself — each
 * variable's own schema under its `default`, so `"default": ` completes `"EC2"` for launch_type.
 * Validation stays with lib/checks (Monaco's schema validation is switched off): one voice.
 */
import type { JsonObject, JsonValue } from "@/lib/template/types";
import { isObject } from "@/lib/template/pointer";

type Schema = JsonObject;

const placeholder: Schema = {
  type: "string",
  pattern: "\\{\\{.*\\}\\}",
  description: "A Prefect placeholder, replaced by the variable's value when a flow run starts.",
};

function key(description: string, extra: Schema = {}): Schema {
  return { description, ...extra };
}

function enumOrPlaceholder(values: string[], description: string): Schema {
  return { description, anyOf: [{ enum: values }, placeholder] };
}

const strategyItem: Schema = {
  type: "object",
  properties: {
    capacityProvider: key("Name of a capacity provider associated with the cluster."),
    base: key("Tasks placed on this provider first (0–100000; only one item may be > 0).", {
      type: "integer",
    }),
    weight: key("Relative share of tasks after base (0–1000; at least one item > 0).", {
      type: "integer",
    }),
  },
  required: ["capacityProvider"],
};

const runTaskRequest: Schema = {
  type: "object",
  description: "Keyword arguments of ECS RunTask, after placeholders are filled in.",
  properties: {
    cluster: key("Cluster name or ARN. Empty → the default cluster."),
    launchType: enumOrPlaceholder(
      ["EC2", "FARGATE", "EXTERNAL", "MANAGED_INSTANCES"],
      "Where the task runs. Mutually exclusive with capacityProviderStrategy: RunTask rejects both.",
    ),
    capacityProviderStrategy: key(
      "Capacity providers to place the task on (≤ 20). Mutually exclusive with launchType.",
      { anyOf: [{ type: "array", items: strategyItem, maxItems: 20 }, placeholder] },
    ),
    taskDefinition: key("Family, family:revision or ARN of the task definition to run."),
    overrides: key(
      "Container and task overrides (containerOverrides, cpu, memory, taskRoleArn …).",
    ),
    networkConfiguration: key(
      "awsvpcConfiguration: subnets (1–16), securityGroups (≤ 5), assignPublicIp.",
    ),
    platformVersion: key("Fargate platform version. Fargate only."),
    placementConstraints: key("Placement constraints. Not for Fargate."),
    placementStrategy: key("Placement strategy. Not for Fargate."),
    count: key("Number of tasks (≤ 10). Prefect starts one per flow run.", { type: "integer" }),
    tags: key("Tags as [{key, value}]."),
    enableECSManagedTags: key("Adds ECS managed tags.", { type: "boolean" }),
    enableExecuteCommand: key("Allows ECS Exec into the task.", { type: "boolean" }),
    propagateTags: enumOrPlaceholder(
      ["TASK_DEFINITION", "SERVICE", "NONE"],
      "Where tags are copied from.",
    ),
    referenceId: key("An id for the task, up to 64 characters."),
    startedBy: key("An optional tag for who started the task."),
    group: key("Task group name."),
  },
};

const taskDefinition: Schema = {
  type: "object",
  description: "RegisterTaskDefinition arguments; used when task_definition_arn is empty.",
  properties: {
    family: key("Task definition family."),
    containerDefinitions: key("Containers; the one named container_name runs the flow."),
    cpu: key("Task-level CPU units (Fargate: 256, 512, 1024, 2048, 4096, 8192, 16384)."),
    memory: key("Task-level memory in MiB (Fargate: a valid pair with cpu)."),
    executionRoleArn: key("Role ECS uses to pull images and write logs."),
    taskRoleArn: key("Role the flow's code runs as."),
    networkMode: enumOrPlaceholder(
      ["awsvpc", "bridge", "host", "none"],
      "Fargate requires awsvpc.",
    ),
    requiresCompatibilities: key("EC2, FARGATE, EXTERNAL or MANAGED_INSTANCES."),
    runtimePlatform: key("operatingSystemFamily and cpuArchitecture."),
  },
};

const jobConfiguration: Schema = {
  type: "object",
  description: "What the ECS worker receives; placeholders refer to variables.properties.",
  properties: {
    task_run_request: runTaskRequest,
    task_definition: taskDefinition,
    command: key("Command the container runs; empty → Prefect's default."),
    env: key("Environment variables for the flow run container (merged key by key)."),
    labels: key("Labels; become RunTask tags."),
    name: key("Name of created infrastructure."),
    aws_credentials: key("An AwsCredentials block reference; required for push pools."),
    cluster: key("Cluster name or ARN."),
    container_name: key("The container that runs the flow."),
    vpc_id: key(
      "VPC whose subnets are used for awsvpc tasks; required with network_configuration.",
    ),
    network_configuration: key(
      "Inner awsvpcConfiguration {subnets, securityGroups, assignPublicIp}.",
    ),
    configure_cloudwatch_logs: key("Sends container logs to CloudWatch; needs execution_role_arn."),
    cloudwatch_logs_options: key("awslogs driver options."),
    cloudwatch_logs_prefix: key("Log stream prefix."),
    stream_output: key("Streams CloudWatch logs to the worker."),
    task_start_timeout_seconds: key("How long the worker waits for the task to start."),
    task_watch_poll_interval: key("How often the worker polls the task."),
    auto_deregister_task_definition: key("Deregisters task definitions the worker registered."),
    match_latest_revision_in_family: key(
      "Reuses the latest revision of the family when it matches.",
    ),
  },
};

const propertySchema: Schema = {
  type: "object",
  description: "A variable: a JSON Schema with an optional default that pools give to flow runs.",
  properties: {
    title: { type: "string" },
    description: { type: "string" },
    type: { enum: ["string", "number", "integer", "boolean", "object", "array", "null"] },
    default: { description: "The pool's value for this variable; deployments may override it." },
    enum: { type: "array" },
    anyOf: { type: "array" },
    allOf: { type: "array" },
    $ref: { type: "string" },
    items: { type: "object" },
    additionalProperties: {},
  },
};

/** The schema for one document: static shape plus each declared variable's own schema as `default`. */
export function templateJsonSchema(doc: JsonValue | undefined): Schema {
  const variables = isObject(doc) && isObject(doc.variables) ? doc.variables : {};
  const props = isObject(variables.properties) ? variables.properties : {};
  const perVariable: Schema = {};
  for (const [name, schema] of Object.entries(props)) {
    if (!isObject(schema)) continue;
    const { default: _default, ...own } = schema;
    perVariable[name] = {
      allOf: [propertySchema],
      properties: {
        default: { ...own, description: String(schema.description ?? schema.title ?? name) },
      },
    };
  }
  return {
    $schema: "http://json-schema.org/draft-07/schema#",
    type: "object",
    description: "A Prefect base job template for ECS work pools.",
    required: ["job_configuration", "variables"],
    properties: {
      job_configuration: jobConfiguration,
      variables: {
        type: "object",
        description:
          "JSON Schema of the variables job_configuration may use; defaults are the pool's values.",
        properties: {
          type: { const: "object" },
          description: { type: "string" },
          required: { type: "array", items: { type: "string" } },
          properties: {
            type: "object",
            properties: perVariable,
            additionalProperties: propertySchema,
          },
          definitions: { type: "object" },
          $defs: { type: "object" },
        },
      },
    },
    // variable schemas use "#/definitions/…" or "#/$defs/…" relative to `variables`; mirror them here
    definitions: isObject(variables.definitions) ? variables.definitions : {},
    $defs: isObject(variables.$defs) ? variables.$defs : {},
  };
}
