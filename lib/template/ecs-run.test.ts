import { describe, expect, it } from "vitest";
import { emptySnapshot } from "@/testing/snapshot";
import { hybridPlanOf, prepareEcsRun } from "./ecs-run";
import { placementOf, providerKindOf } from "./placement";
import defaultTemplate from "./fixtures/prefect-ecs-default.json";
import type { BaseJobTemplate } from "./schema";
import type { JsonObject } from "./types";

const template = defaultTemplate as unknown as BaseJobTemplate;
const flowRun = {
  flowRunId: "fr-1",
  flowRunName: "brave-fox",
  flowId: "f-1",
  flowName: "etl",
  deploymentId: "d-1",
  deploymentName: "nightly",
  deploymentUpdated: null,
  workPoolName: "pool",
  workPoolId: "wp-1",
  workerName: "w",
  workerId: null,
  region: "us-east-1",
  registeredTaskDefinitionArn: "arn:aws:ecs:us-east-1:1:task-definition/x:1",
};
const runEnv = [
  { name: "PREFECT__FLOW_RUN_ID", value: "fr-1" },
  { name: "PREFECT__WORKER_NAME", value: "w" },
  { name: "PREFECT__FLOW_ID", value: "f-1" },
  { name: "PREFECT__FLOW_NAME", value: "etl" },
  { name: "PREFECT__DEPLOYMENT_ID", value: "d-1" },
  { name: "PREFECT__DEPLOYMENT_NAME", value: "nightly" },
];
const runTags = [
  { key: "prefect.io/flow-run-id", value: "fr-1" },
  { key: "prefect.io/flow-run-name", value: "brave-fox" },
  { key: "prefect.io/version", value: "3.9.1" },
  { key: "prefect.io/work-pool-name", value: "pool" },
  { key: "prefect.io/work-pool-id", value: "wp-1" },
  { key: "prefect.io/worker-name", value: "w" },
  { key: "prefect.io/flow-id", value: "f-1" },
  { key: "prefect.io/flow-name", value: "etl" },
  { key: "prefect.io/deployment-id", value: "d-1" },
  { key: "prefect.io/deployment-name", value: "nightly" },
];
const asgStrategy = [{ capacityProvider: "asg-1", weight: 1, base: 0 }];

describe("prepareEcsRun, hybrid (the prefect-aws worker)", () => {
  it("registers an EC2 task definition with container-level cpu/memory and sends launchType EC2", () => {
    const plan = prepareEcsRun({
      template,
      mode: "hybrid",
      jobVariables: { launch_type: "EC2", image: "app:1", cpu: 512, memory: 1024 },
      flowRun,
    });
    expect(plan.taskDefinition).toEqual({
      source: "registered",
      definition: {
        containerDefinitions: [{ image: "app:1", name: "prefect", cpu: 512, memory: 1024 }],
        cpu: "512",
        memory: "1024",
        family: "prefect_pool_d-1",
      },
    });
    expect(plan.runTaskRequest).toEqual({
      launchType: "EC2",
      overrides: {
        containerOverrides: [
          {
            cpu: 512,
            memory: 1024,
            name: "prefect",
            command: ["prefect", "flow-run", "execute"],
            environment: runEnv,
          },
        ],
        cpu: "512",
        memory: "1024",
      },
      taskDefinition: "arn:aws:ecs:us-east-1:1:task-definition/x:1",
      tags: runTags,
    });
    expect(plan.effectiveLaunchType).toBe("EC2");
    expect(plan.workerFailures).toEqual([]);
  });

  it("drops launchType for a strategy but still registers a Fargate-shaped task definition", () => {
    const plan = prepareEcsRun({
      template,
      mode: "hybrid",
      jobVariables: { capacity_provider_strategy: asgStrategy },
      flowRun,
      network: { subnets: ["subnet-a", "subnet-b"] },
    });
    expect(plan.runTaskRequest).not.toHaveProperty("launchType");
    expect(plan.runTaskRequest.capacityProviderStrategy).toEqual(asgStrategy);
    expect(plan.runTaskRequest.networkConfiguration).toEqual({
      awsvpcConfiguration: {
        subnets: ["subnet-a", "subnet-b"],
        assignPublicIp: "ENABLED",
        securityGroups: [],
      },
    });
    expect(
      plan.taskDefinition.source === "registered" && plan.taskDefinition.definition,
    ).toMatchObject({
      cpu: "1024",
      memory: "2048",
      requiresCompatibilities: ["FARGATE"],
      networkMode: "awsvpc",
    });
    expect(plan.effectiveLaunchType).toBe("EC2");
    expect(plan.notes).toContain(
      "launchType FARGATE removed because capacityProviderStrategy is set (the worker never sends both).",
    );
  });

  it("marks what only AWS or the flow run knows as symbols and says so", () => {
    const plan = prepareEcsRun({ template, mode: "hybrid", jobVariables: { image: "app" } });
    expect(plan.runTaskRequest.networkConfiguration).toEqual({
      awsvpcConfiguration: {
        subnets: ["<subnets of the default VPC>"],
        assignPublicIp: "ENABLED",
        securityGroups: [],
      },
    });
    expect(plan.runTaskRequest.taskDefinition).toBe("<registered task definition ARN>");
    const last = plan.notes[plan.notes.length - 1] ?? "";
    expect(last).toMatch(
      /^Values in angle brackets \(.*\) are known only when the worker runs the flow run/,
    );
    expect(last).toContain("<flow-run-id>");
    expect(last).toContain("<subnets of the default VPC>");
    expect(last).not.toContain("<region>");
  });

  it("turns FARGATE_SPOT into a FARGATE_SPOT strategy", () => {
    const plan = prepareEcsRun({
      template,
      mode: "hybrid",
      jobVariables: { launch_type: "FARGATE_SPOT" },
      flowRun,
    });
    expect(plan.runTaskRequest).not.toHaveProperty("launchType");
    expect(plan.runTaskRequest.capacityProviderStrategy).toEqual([
      { capacityProvider: "FARGATE_SPOT", weight: 1 },
    ]);
    expect(plan.effectiveLaunchType).toBe("FARGATE");
    expect(plan.originOfRequestKey("capacityProviderStrategy")).toEqual({
      document: "job_variables",
      pointer: "/launch_type",
    });
  });

  it("uses an existing task definition from the snapshot and knows where it may run", () => {
    const arn = "arn:aws:ecs:eu-west-1:1:task-definition/app:3";
    const summary = {
      arn,
      family: "app",
      revision: 3,
      status: "ACTIVE",
      compatibilities: ["EC2"],
      requiresCompatibilities: ["EC2"],
      networkMode: "bridge",
      cpu: null,
      memory: null,
      containers: [],
    };
    const plan = prepareEcsRun({
      template,
      mode: "hybrid",
      jobVariables: { task_definition_arn: "app:3", launch_type: "" },
      snapshot: emptySnapshot({ taskDefinitions: [summary] }),
      flowRun,
    });
    expect(plan.taskDefinition).toEqual({ source: "existing", arn: "app:3", definition: summary });
    // an EC2 task definition with an empty launch type: the key is removed and the cluster default applies
    expect(plan.runTaskRequest).not.toHaveProperty("launchType");
    expect(plan.runTaskRequest).not.toHaveProperty("networkConfiguration");
    expect(plan.effectiveLaunchType).toBe("EC2");
  });

  it("does not refuse a snapshot task definition for an executionRoleArn the summary cannot show", () => {
    const arn = "arn:aws:ecs:eu-west-1:1:task-definition/app:3";
    const summary = {
      arn,
      family: "app",
      revision: 3,
      status: "ACTIVE",
      compatibilities: ["EC2", "FARGATE"],
      requiresCompatibilities: ["FARGATE"],
      networkMode: "awsvpc",
      cpu: "256",
      memory: "512",
      containers: [],
    };
    const plan = prepareEcsRun({
      template,
      mode: "hybrid",
      jobVariables: { task_definition_arn: arn, configure_cloudwatch_logs: true },
      snapshot: emptySnapshot({ taskDefinitions: [summary] }),
      flowRun,
    });
    expect(plan.workerFailures).toEqual([]);
    expect(plan.notes).toContain(
      `configure_cloudwatch_logs: the worker requires an executionRoleArn on ${arn}; the snapshot does not say whether it has one.`,
    );
  });

  it("reports where the worker would fail the run", () => {
    const plan = prepareEcsRun({
      template,
      mode: "hybrid",
      jobVariables: { network_configuration: { subnets: ["s"] }, configure_cloudwatch_logs: true },
      flowRun,
    });
    expect(plan.workerFailures).toEqual([
      "An `execution_role_arn` must be provided to use `configure_cloudwatch_logs` or `stream_logs`.",
      "You must provide a `vpc_id` to enable custom `network_configuration`.",
      "An execution role arn must be set on the task definition to use `configure_cloudwatch_logs` or `stream_logs` but no execution role was found on the task definition.",
    ]);
  });
});

describe("prepareEcsRun, push and raw", () => {
  const jobVariables = {
    capacity_provider_strategy: [{ capacityProvider: "FARGATE_SPOT", weight: 1, base: 0 }],
  };

  it("push keeps launchType next to a strategy and adds nothing", () => {
    const plan = prepareEcsRun({ template, mode: "push", jobVariables });
    expect(plan.runTaskRequest).toEqual({
      launchType: "FARGATE",
      overrides: { containerOverrides: [{}] },
      capacityProviderStrategy: [{ capacityProvider: "FARGATE_SPOT", weight: 1, base: 0 }],
    });
    expect(plan.taskDefinition).toEqual({
      source: "registered",
      definition: { containerDefinitions: [{}] },
    });
    expect(plan.effectiveLaunchType).toBe("FARGATE");
    expect(plan.workerFailures).toEqual([]);
  });

  it("raw is the rendered task_run_request as is", () => {
    const plan = prepareEcsRun({
      template,
      mode: "raw",
      jobVariables: { launch_type: "FARGATE_SPOT" },
    });
    expect(plan.runTaskRequest).toEqual(plan.configuration.task_run_request as JsonObject);
    expect(plan.runTaskRequest.launchType).toBe("FARGATE_SPOT");
    expect(plan.notes).toEqual([]);
  });
});

describe("origins", () => {
  it("follows a lone placeholder to the job variable or the default, and a literal to the template", () => {
    const t = structuredClone(template);
    (t.job_configuration.task_run_request as JsonObject).platformVersion = "1.4.0";
    const plan = prepareEcsRun({
      template: t,
      mode: "push",
      jobVariables: { cluster: "prod", cpu: 256 },
    });
    expect(plan.originOfRequestKey("launchType")).toEqual({
      document: "template",
      pointer: "/variables/properties/launch_type/default",
    });
    expect(plan.originOfRequestKey("cluster")).toEqual({
      document: "job_variables",
      pointer: "/cluster",
    });
    expect(plan.originOfRequestKey("platformVersion")).toEqual({
      document: "template",
      pointer: "/job_configuration/task_run_request/platformVersion",
    });
    expect(plan.originOfRequestKey("count")).toBeNull();
    expect(plan.originOfTaskDefinitionKey("cpu")).toEqual({
      document: "job_variables",
      pointer: "/cpu",
    });
    expect(plan.originOfTaskDefinitionKey("requiresCompatibilities")).toEqual({
      document: "template",
      pointer: "/variables/properties/launch_type/default",
    });
  });

  it("points into a whole-section variable", () => {
    const t = structuredClone(template);
    t.job_configuration.task_run_request = "{{ request }}";
    (t.variables.properties ?? {}).request = { type: "object", default: { launchType: "EC2" } };
    const plan = prepareEcsRun({ template: t, mode: "raw" });
    expect(plan.originOfRequestKey("launchType")).toEqual({
      document: "template",
      pointer: "/variables/properties/request/default/launchType",
    });
  });
});

describe("placementOf", () => {
  it("reads launchType, then the strategy, then the cluster's default strategy", () => {
    expect(placementOf({ launchType: "EXTERNAL" })).toBe("EXTERNAL");
    expect(placementOf({ launchType: "BOGUS" })).toBe("UNKNOWN");
    expect(placementOf({ capacityProviderStrategy: [{ capacityProvider: "FARGATE" }] })).toBe(
      "FARGATE",
    );
    expect(placementOf({ capacityProviderStrategy: asgStrategy })).toBe("EC2");
    expect(placementOf({})).toBe("CLUSTER_DEFAULT");
    expect(placementOf({}, emptySnapshot())).toBe("EC2");
    const withDefault = emptySnapshot({
      cluster: {
        defaultCapacityProviderStrategy: [{ capacityProvider: "FARGATE_SPOT", weight: 1, base: 0 }],
      },
    });
    expect(placementOf({ capacityProviderStrategy: [] }, withDefault)).toBe("FARGATE");
  });

  it("calls a strategy mixing Fargate and EC2 providers MIXED, and FARGATE_SPOT no launch type", () => {
    expect(
      placementOf({
        capacityProviderStrategy: [{ capacityProvider: "FARGATE" }, ...asgStrategy],
      }),
    ).toBe("MIXED");
    expect(placementOf({ launchType: "FARGATE_SPOT" })).toBe("UNKNOWN");
    expect(placementOf({ capacityProviderStrategy: [{ weight: 1 }] })).toBe("UNKNOWN");
  });

  it("knows FARGATE and FARGATE_SPOT as AWS's providers and every other as an Auto Scaling group", () => {
    expect(["FARGATE", "FARGATE_SPOT", "asg-1"].map((n) => providerKindOf(n))).toEqual([
      "FARGATE",
      "FARGATE_SPOT",
      "AUTO_SCALING_GROUP",
    ]);
  });
});

describe("hybridPlanOf", () => {
  it("gives the hybrid plan from a push plan's rendering, as prepareEcsRun in hybrid mode does", () => {
    const jobVariables: JsonObject = {
      cpu: 1024,
      memory: 4096,
      env: { STAGE: "prod" },
      launch_type: "FARGATE_SPOT",
      cluster: "demo-cluster",
    };
    const snapshot = emptySnapshot({ region: "eu-west-1" });
    const input = { template, jobVariables, snapshot, flowRun };
    const push = prepareEcsRun({ ...input, mode: "push" });
    const derived = hybridPlanOf(push, { snapshot, flowRun });
    const direct = prepareEcsRun({ ...input, mode: "hybrid" });
    const comparable = (p: typeof direct) => ({
      values: p.values,
      origins: p.origins,
      configuration: p.configuration,
      taskDefinition: p.taskDefinition,
      runTaskRequest: p.runTaskRequest,
      effectiveLaunchType: p.effectiveLaunchType,
      unresolved: p.unresolved,
      notes: p.notes,
      workerFailures: p.workerFailures,
      requestKey: p.originOfRequestKey("launchType"),
    });
    expect(comparable(derived)).toEqual(comparable(direct));
    // the worker's steps ran: FARGATE_SPOT becomes a capacity provider strategy
    expect(derived.runTaskRequest.capacityProviderStrategy).toEqual([
      { capacityProvider: "FARGATE_SPOT", weight: 1 },
    ]);
    expect(derived.runTaskRequest.launchType).toBeUndefined();
    // the push plan is left as it was (its request keeps launchType)
    expect(push.runTaskRequest.launchType).toBe("FARGATE_SPOT");
    expect(push.notes).toHaveLength(1);
  });
});
