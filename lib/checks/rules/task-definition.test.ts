import { describe, expect, it } from "vitest";
import {
  check,
  defaultTemplate,
  taskRunRequest,
  findings,
  jobConfiguration,
  messages,
  withDefaults,
} from "@/testing/checks";
import { snapshot } from "@/testing/snapshot";
import type { JsonObject } from "@/lib/template/types";

const SPOT = [{ capacityProvider: "FARGATE_SPOT", weight: 1, base: 0 }];
const ARN = "arn:aws:ecs:us-east-1:123456789012:task-definition/etl:3";

function snapshotWithTaskDefinition(compatibilities: string[], networkMode = "bridge") {
  return snapshot({
    taskDefinitionFamilies: ["etl"],
    taskDefinitions: [
      {
        arn: ARN,
        family: "etl",
        revision: 3,
        status: "ACTIVE",
        compatibilities,
        requiresCompatibilities: compatibilities.filter((c) => c !== "EC2"),
        networkMode,
        cpu: "1024",
        memory: "2048",
        containers: [],
      },
    ],
  });
}

describe("ecs/task-definition-incompatible", () => {
  const rule = "ecs/task-definition-incompatible";
  it("reports a Fargate strategy with an EC2-shaped registered task definition and offers launch_type FARGATE", () => {
    const result = check(withDefaults({ launch_type: "EC2", capacity_provider_strategy: SPOT }));
    expect(findings(result, rule)).toEqual([
      {
        rule,
        severity: "error",
        document: "template",
        path: "/variables/properties/capacity_provider_strategy/default",
        fix: {
          title: "Set launch_type to FARGATE",
          document: "template",
          edits: [
            { op: "replace", path: "/variables/properties/launch_type/default", value: "FARGATE" },
          ],
        },
      },
    ]);
    expect(messages(result, rule)[0]).toContain("only compatible with EC2");
  });
  it("explains that removing launchType sends FARGATE with an EC2-shaped task definition, and puts it back", () => {
    // what the real worker does (scripts/ground-truth, scenario no-launch-type-no-strategy)
    const template = defaultTemplate();
    delete taskRunRequest(template).launchType;
    const result = check(template);
    expect(findings(result, rule)).toEqual([
      {
        rule,
        severity: "error",
        document: "template",
        path: "/job_configuration/task_run_request",
        fix: {
          title: "Put launchType back into task_run_request",
          document: "template",
          edits: [
            {
              op: "add",
              path: "/job_configuration/task_run_request/launchType",
              value: "{{ launch_type }}",
            },
          ],
        },
      },
    ]);
    expect(messages(result, rule)[0]).toBe(
      'task_run_request has no launchType, so the worker registers an EC2-shaped task definition (compatible with EC2: no awsvpc, no task-level cpu/memory) and then sends its default launchType FARGATE. ECS rejects RunTask. Removing launchType does not select the cluster\'s default strategy: put launchType back into task_run_request, use a capacity provider strategy, or add requiresCompatibilities ["EC2"] to task_definition (then the worker drops launchType).',
    );
  });
  it("is quiet when launchType is removed and the task definition requires EC2 (the worker drops launchType)", () => {
    const template = defaultTemplate();
    delete taskRunRequest(template).launchType;
    (jobConfiguration(template).task_definition as JsonObject).requiresCompatibilities = ["EC2"];
    expect(findings(check(template), rule)).toEqual([]);
  });
  it("is skipped for an existing task definition without a snapshot", () => {
    const result = check(withDefaults({ task_definition_arn: ARN }));
    expect(findings(result, rule)).toEqual([]);
    expect(result.skipped.find((s) => s.rule === rule)?.reason).toContain(
      "needs the existing task definition's compatibilities",
    );
  });
  it("reports an existing EC2-only task definition run on Fargate, pointing at its ARN", () => {
    const result = check(withDefaults({ task_definition_arn: ARN }), "hybrid", {
      snapshot: snapshotWithTaskDefinition(["EC2"]),
    });
    expect(findings(result, rule)).toEqual([
      {
        rule,
        severity: "error",
        document: "template",
        path: "/variables/properties/task_definition_arn/default",
        fix: undefined,
      },
    ]);
  });
  it("accepts the default template and a Fargate-compatible existing task definition", () => {
    expect(findings(check(withDefaults({})), rule)).toEqual([]);
    const result = check(withDefaults({ task_definition_arn: ARN }), "hybrid", {
      snapshot: snapshotWithTaskDefinition(["EC2", "FARGATE"], "awsvpc"),
    });
    expect(findings(result, rule)).toEqual([]);
  });
});

describe("ecs/fargate-requires-awsvpc", () => {
  const rule = "ecs/fargate-requires-awsvpc";
  it("reports a Fargate task definition with networkMode bridge and offers awsvpc", () => {
    const template = withDefaults({});
    (jobConfiguration(template).task_definition as JsonObject).networkMode = "bridge";
    const result = check(template);
    expect(findings(result, rule)).toEqual([
      {
        rule,
        severity: "error",
        document: "template",
        path: "/job_configuration/task_definition/networkMode",
        fix: {
          title: "Set networkMode to awsvpc",
          document: "template",
          edits: [
            {
              op: "replace",
              path: "/job_configuration/task_definition/networkMode",
              value: "awsvpc",
            },
          ],
        },
      },
    ]);
    expect(messages(result, rule)[0]).toContain("Fargate supports only awsvpc");
  });
  it("accepts bridge on EC2", () => {
    const template = withDefaults({ launch_type: "EC2" });
    (jobConfiguration(template).task_definition as JsonObject).networkMode = "bridge";
    expect(findings(check(template), rule)).toEqual([]);
  });
});

describe("ecs/fargate-cpu-memory", () => {
  const rule = "ecs/fargate-cpu-memory";
  it("reports memory that does not fit the cpu and offers the closest valid memory", () => {
    const result = check(withDefaults({ cpu: 1024, memory: 1000 }));
    expect(findings(result, rule)).toEqual([
      {
        rule,
        severity: "error",
        document: "template",
        path: "/variables/properties/memory/default",
        fix: {
          title: "Set memory to 2048",
          document: "template",
          edits: [{ op: "replace", path: "/variables/properties/memory/default", value: 2048 }],
        },
      },
    ]);
    expect(messages(result, rule)[0]).toBe(
      "memory 1000 does not fit cpu 1024 on Fargate: with 1024 cpu Fargate accepts 2048–8192 MiB in steps of 1024, and ECS rejects other pairs. The closest valid memory is 2048.",
    );
  });
  it("reports a cpu Fargate does not offer", () => {
    const result = check(withDefaults({ cpu: 300, memory: 1024 }));
    expect(findings(result, rule)).toEqual([
      { rule, severity: "error", document: "template", path: "/variables/properties/cpu/default" },
    ]);
  });
  it("points at the deployment's job variable", () => {
    const result = check(withDefaults({}), "hybrid", {
      jobVariables: { cpu: 8192, memory: 18432 },
    });
    expect(findings(result, rule)).toEqual([
      {
        rule,
        severity: "error",
        document: "job_variables",
        path: "/memory",
        fix: {
          title: "Set memory to 20480",
          document: "job_variables",
          edits: [{ op: "replace", path: "/memory", value: 20480 }],
        },
      },
    ]);
  });
  it("accepts valid pairs, the worker defaults, and any pair on EC2", () => {
    expect(findings(check(withDefaults({ cpu: 256, memory: 512 })), rule)).toEqual([]);
    expect(findings(check(withDefaults({ cpu: 16384, memory: 122880 })), rule)).toEqual([]);
    expect(findings(check(withDefaults({})), rule)).toEqual([]);
    expect(
      findings(check(withDefaults({ launch_type: "EC2", cpu: 1024, memory: 1000 })), rule),
    ).toEqual([]);
  });
});
