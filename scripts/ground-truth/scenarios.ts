/**
 * The ground-truth scenarios: a base job template and deployment job_variables each, built from
 * Prefect's default ECS template and the AWS world of the run.
 */
import defaultTemplate from "@/lib/template/fixtures/prefect-ecs-default.json";
// what ECSWorker.get_default_base_job_template() returns in prefect-aws 0.7.12: it has the
// prefect_api_key_secret_arn and prefect_api_auth_string_secret_arn variables the server's copy lacks
import workerDefaultTemplate from "@/lib/template/fixtures/prefect-aws-worker-default.json";
import type { JsonObject } from "@/lib/template/types";

import type { AwsWorld } from "./aws-world";

export type ScenarioInputs = { template: JsonObject; jobVariables: JsonObject };

export type Scenario = {
  id: string;
  title: string;
  /** by default the worker must call RunTask; these scenarios expect it to fail the run instead */
  expect?: "worker-fails-the-run";
  build(world: AwsWorld): ScenarioInputs;
};

function template(edit?: (t: JsonObject) => void): JsonObject {
  const t = structuredClone(defaultTemplate) as JsonObject;
  edit?.(t);
  return t;
}

function section(t: JsonObject, ...keys: string[]): JsonObject {
  let node: JsonObject = t;
  for (const k of keys) node = node[k] as JsonObject;
  return node;
}

function setDefault(t: JsonObject, variable: string, value: JsonObject[string]) {
  section(t, "variables", "properties", variable).default = value;
}

const asgStrategy = (name: string) => [{ capacityProvider: name, weight: 1, base: 0 }];

export const SCENARIOS: Scenario[] = [
  {
    id: "fargate-default",
    title: "Fargate: Prefect's default template, only a cluster",
    build: (w) => ({
      template: template(),
      jobVariables: { cluster: w.clusterFor("fargate-default") },
    }),
  },
  {
    id: "option-a-ec2",
    title:
      "Option A: launch_type EC2 (pool default), cpu/memory and family from the deployment, literal request keys",
    build: (w) => ({
      template: template((t) => {
        setDefault(t, "launch_type", "EC2");
        Object.assign(section(t, "job_configuration", "task_run_request"), {
          enableExecuteCommand: true,
          propagateTags: "TASK_DEFINITION",
          placementStrategy: [{ type: "binpack", field: "memory" }],
        });
      }),
      jobVariables: {
        cluster: w.clusterFor("option-a-ec2"),
        cpu: 512,
        memory: 1024,
        family: "nightly-etl",
      },
    }),
  },
  {
    id: "option-b-strategy-launch-type-kept",
    title:
      "Option B: capacity provider strategy, launchType still in the template (default FARGATE)",
    build: (w) => ({
      template: template(),
      jobVariables: {
        cluster: w.clusterFor("option-b-strategy-launch-type-kept"),
        capacity_provider_strategy: asgStrategy("gt-asg-provider"),
      },
    }),
  },
  {
    id: "option-b-strategy-launch-type-ec2",
    title: "Option B: capacity provider strategy with launch_type EC2",
    build: (w) => ({
      template: template(),
      jobVariables: {
        cluster: w.clusterFor("option-b-strategy-launch-type-ec2"),
        launch_type: "EC2",
        capacity_provider_strategy: asgStrategy("gt-asg-provider"),
      },
    }),
  },
  {
    id: "option-b-strategy-no-launch-type",
    title: "Option B: launchType removed from task_run_request, strategy as a pool default",
    build: (w) => ({
      template: template((t) => {
        delete section(t, "job_configuration", "task_run_request").launchType;
        setDefault(t, "capacity_provider_strategy", [
          { capacityProvider: "gt-asg-provider", weight: 2, base: 1 },
          { capacityProvider: "gt-asg-provider-2", weight: 1, base: 0 },
        ]);
      }),
      jobVariables: { cluster: w.clusterFor("option-b-strategy-no-launch-type") },
    }),
  },
  {
    id: "no-launch-type-no-strategy",
    title:
      "launchType removed from task_run_request and no strategy (meant: the cluster's default strategy)",
    build: (w) => ({
      template: template((t) => {
        delete section(t, "job_configuration", "task_run_request").launchType;
      }),
      jobVariables: { cluster: w.clusterFor("no-launch-type-no-strategy") },
    }),
  },
  {
    id: "ec2-task-definition-no-launch-type",
    title:
      "launchType removed and the template's task definition requires EC2 (cluster default strategy)",
    build: (w) => ({
      template: template((t) => {
        delete section(t, "job_configuration", "task_run_request").launchType;
        section(t, "job_configuration", "task_definition").requiresCompatibilities = ["EC2"];
      }),
      jobVariables: { cluster: w.clusterFor("ec2-task-definition-no-launch-type") },
    }),
  },
  {
    id: "fargate-spot",
    title: "Fargate Spot: launch_type FARGATE_SPOT",
    build: (w) => ({
      template: template(),
      jobVariables: {
        cluster: w.clusterFor("fargate-spot"),
        launch_type: "FARGATE_SPOT",
        cpu: 512,
        memory: 1024,
      },
    }),
  },
  {
    id: "existing-task-definition",
    title: "Existing task_definition_arn (EC2, bridge) with launch_type EC2",
    build: (w) => ({
      template: template(),
      jobVariables: {
        cluster: w.clusterFor("existing-task-definition"),
        task_definition_arn: w.existingTaskDefinition.arn,
        launch_type: "EC2",
      },
    }),
  },
  {
    id: "custom-network-configuration",
    title: "Fargate with vpc_id and a custom network_configuration",
    build: (w) => ({
      template: template(),
      jobVariables: {
        cluster: w.clusterFor("custom-network-configuration"),
        vpc_id: w.customVpc.id,
        network_configuration: {
          subnets: [w.customVpc.subnetIds[0] ?? ""],
          securityGroups: [w.customVpc.securityGroupId],
          assignPublicIp: "DISABLED",
        },
      },
    }),
  },
  {
    id: "vpc-id-only",
    title: "Fargate with vpc_id and no network_configuration (subnets looked up in that VPC)",
    build: (w) => ({
      template: template(),
      jobVariables: { cluster: w.clusterFor("vpc-id-only"), vpc_id: w.customVpc.id },
    }),
  },
  {
    id: "cloudwatch-logs",
    title: "configure_cloudwatch_logs with an execution role and extra awslogs options",
    build: (w) => ({
      template: template(),
      jobVariables: {
        cluster: w.clusterFor("cloudwatch-logs"),
        configure_cloudwatch_logs: true,
        execution_role_arn: "arn:aws:iam::123456789012:role/flow-exec",
        cloudwatch_logs_options: {
          "awslogs-group": "flows",
          "awslogs-datetime-format": "%Y-%m-%d",
        },
      },
    }),
  },
  {
    id: "env-merge",
    title:
      "env merged key by key (pool defaults + deployment job_variables), labels, image, roles, container name",
    build: (w) => ({
      template: template((t) => {
        setDefault(t, "env", { POOL_ONLY: "from-pool", SHARED: "from-pool" });
        setDefault(t, "labels", { team: "data" });
      }),
      jobVariables: {
        cluster: w.clusterFor("env-merge"),
        env: { SHARED: "from-deployment", DEPLOYMENT_ONLY: "from-deployment" },
        labels: { env: "prod", "cost centre": "ml/42 (shared)" },
        image: "123456789012.dkr.ecr.us-east-1.amazonaws.com/flows:1.2.3",
        task_role_arn: "arn:aws:iam::123456789012:role/flow-task",
        execution_role_arn: "arn:aws:iam::123456789012:role/flow-exec",
        command: "python -m my_flows.run --fast",
        container_name: "flow",
      },
    }),
  },
  {
    id: "network-configuration-without-vpc-id",
    title: "network_configuration without vpc_id: the worker fails the run",
    expect: "worker-fails-the-run",
    build: (w) => ({
      template: template(),
      jobVariables: {
        cluster: w.clusterFor("network-configuration-without-vpc-id"),
        network_configuration: {
          subnets: [w.customVpc.subnetIds[0] ?? ""],
          assignPublicIp: "DISABLED",
        },
      },
    }),
  },
  {
    id: "cloudwatch-logs-without-execution-role",
    title: "configure_cloudwatch_logs without execution_role_arn: the worker fails the run",
    expect: "worker-fails-the-run",
    build: (w) => ({
      template: template(),
      jobVariables: {
        cluster: w.clusterFor("cloudwatch-logs-without-execution-role"),
        configure_cloudwatch_logs: true,
      },
    }),
  },
  {
    id: "api-key-secret-arn-self-hosted",
    title:
      "prefect_api_key_secret_arn (worker's own default template) with a worker that has no PREFECT_API_KEY",
    expect: "worker-fails-the-run",
    build: (w) => ({
      template: structuredClone(workerDefaultTemplate) as JsonObject,
      jobVariables: {
        cluster: w.clusterFor("api-key-secret-arn-self-hosted"),
        prefect_api_key_secret_arn:
          "arn:aws:secretsmanager:us-east-1:123456789012:secret:prefect-key",
      },
    }),
  },
];
