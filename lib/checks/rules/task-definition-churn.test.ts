import { describe, expect, it } from "vitest";
import { comparableTaskDefinition } from "@/lib/template/task-definition-equality";
import { runChecks } from "../run-checks";
import { findings, messages, withDefaults } from "@/testing/checks";
import { snapshot } from "@/testing/snapshot";

const rule = "ecs/task-definition-churn";

describe("ecs/task-definition-churn", () => {
  it("push pool without match_latest_revision_in_family: warns, with three quick fixes", () => {
    const snap = snapshot({
      taskDefinitionFamilies: ["demo"],
      taskDefinitions: [
        {
          arn: "arn:aws:ecs:us-east-1:123456789012:task-definition/demo:3",
          family: "demo",
          revision: 3,
          status: "ACTIVE",
          compatibilities: ["EC2", "FARGATE"],
          requiresCompatibilities: ["FARGATE"],
          networkMode: "awsvpc",
          cpu: "1024",
          memory: "2048",
          containers: [],
          comparable: comparableTaskDefinition({ family: "demo", cpu: "512" }),
        },
      ],
    });
    const result = runChecks({
      template: withDefaults({}),
      jobVariables: { family: "demo" },
      mode: "push",
      snapshot: snap,
    });
    expect(findings(result, rule)).toEqual([
      {
        rule,
        severity: "warning",
        document: "template",
        path: "/variables/properties/match_latest_revision_in_family/default",
        fix: {
          title: "Set match_latest_revision_in_family to true",
          document: "job_variables",
          edits: [{ op: "add", path: "/match_latest_revision_in_family", value: true }],
        },
        alternativeFixes: [
          {
            title: 'Use the fixed family "prefect-flows" with match_latest_revision_in_family',
            document: "job_variables",
            edits: [
              { op: "replace", path: "/family", value: "prefect-flows" },
              { op: "add", path: "/match_latest_revision_in_family", value: true },
            ],
          },
          {
            title: "Pin task_definition_arn to demo:3",
            document: "job_variables",
            edits: [
              {
                op: "add",
                path: "/task_definition_arn",
                value: "arn:aws:ecs:us-east-1:123456789012:task-definition/demo:3",
              },
            ],
          },
        ],
      },
    ]);
    expect(messages(result, rule)).toEqual([
      'The worker registers a new revision of demo on every run: a push pool has no long-lived worker and match_latest_revision_in_family is off: every run is a first run. Families fill with revisions and runs that start together hit RegisterTaskDefinition\'s rate limit ("Too many concurrent attempts"). Set match_latest_revision_in_family, use a fixed family, or pin task_definition_arn.',
    ]);
  });

  it("is quiet for a hybrid pool (one registration per worker start) and for push with match_latest", () => {
    expect(findings(runChecks({ template: withDefaults({}), mode: "hybrid" }), rule)).toEqual([]);
    expect(
      findings(
        runChecks({
          template: withDefaults({ match_latest_revision_in_family: true }),
          mode: "push",
        }),
        rule,
      ),
    ).toEqual([]);
  });

  it("warns in a hybrid pool when flow runs set a job variable that reaches the task definition", () => {
    const result = runChecks({
      template: withDefaults({ match_latest_revision_in_family: true }),
      mode: "hybrid",
      registration: { perRunJobVariables: ["image"] },
    });
    expect(messages(result, rule)[0]).toContain(
      "the task definition contains job variable image, which changes with every flow run.",
    );
  });

  it("is skipped in raw mode", () => {
    const result = runChecks({ template: withDefaults({}), mode: "raw" });
    expect(result.skipped.find((s) => s.rule === rule)).toEqual({
      rule,
      reason: "raw mode models no worker",
    });
  });
});
