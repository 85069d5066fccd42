/** Builders for rule tests: Prefect's default ECS template with edits, and small cluster snapshots. */
import fixture from "@/lib/template/fixtures/prefect-ecs-default.json";
import type { ClusterSnapshot, ContainerInstance } from "@/lib/snapshot/schema";
import type { JsonObject, JsonValue, Mode } from "@/lib/template/types";
import { runChecks, type CheckResult } from "./run-checks";
import type { Diagnostic } from "./types";

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

/** A container instance with moto's default resources. */
export function instance(overrides: Partial<ContainerInstance> = {}): ContainerInstance {
  return {
    arn: "arn:aws:ecs:us-east-1:123456789012:container-instance/demo/1",
    ec2InstanceId: "i-0123456789abcdef0",
    instanceType: "m5.large",
    availabilityZone: "us-east-1a",
    capacityProviderName: "asg-main",
    agentConnected: true,
    status: "ACTIVE",
    registered: { cpu: 4096, memory: 7482 },
    remaining: { cpu: 4096, memory: 7482 },
    runningTasksCount: 0,
    pendingTasksCount: 0,
    ...overrides,
  };
}

/** A cluster "demo" with FARGATE, FARGATE_SPOT and an Auto Scaling group provider "asg-main". */
export function snapshot(overrides: Partial<ClusterSnapshot> = {}): ClusterSnapshot {
  const fargate = (name: "FARGATE" | "FARGATE_SPOT") => ({
    name,
    arn: null,
    kind: name,
    status: "ACTIVE",
    associated: true,
    autoScalingGroupArn: null,
    managedScaling: null,
    managedTerminationProtection: null,
  });
  return {
    fetchedAt: "2026-11-27T12:00:00.000Z",
    region: "us-east-1",
    cluster: {
      name: "demo",
      arn: "arn:aws:ecs:us-east-1:123456789012:cluster/demo",
      status: "ACTIVE",
      capacityProviders: ["FARGATE", "FARGATE_SPOT", "asg-main"],
      defaultCapacityProviderStrategy: [],
      registeredContainerInstancesCount: 1,
      runningTasksCount: 0,
      pendingTasksCount: 0,
    },
    capacityProviders: [
      fargate("FARGATE"),
      fargate("FARGATE_SPOT"),
      {
        name: "asg-main",
        arn: "arn:aws:ecs:us-east-1:123456789012:capacity-provider/asg-main",
        kind: "AUTO_SCALING_GROUP",
        status: "ACTIVE",
        associated: true,
        autoScalingGroupArn:
          "arn:aws:autoscaling:us-east-1:123456789012:autoScalingGroup:1:autoScalingGroupName/main",
        managedScaling: {
          status: "ENABLED",
          targetCapacity: 100,
          minimumScalingStepSize: 1,
          maximumScalingStepSize: 10,
        },
        managedTerminationProtection: "DISABLED",
      },
    ],
    containerInstances: [instance()],
    taskDefinitionFamilies: [],
    taskDefinitions: [],
    ...overrides,
  };
}

/** A strategy on the Auto Scaling group provider. */
export const ASG_STRATEGY: JsonValue = [{ capacityProvider: "asg-main", weight: 1, base: 0 }];
