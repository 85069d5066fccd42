import { describe, expect, it } from "vitest";
import { prepareEcsRun } from "./ecs-run";
import defaultTemplate from "./fixtures/prefect-ecs-default.json";
import {
  latestRevision,
  matchLatestOf,
  perRunValuesIn,
  predictionHeadline,
  predictRegistration,
  registrationsFor,
  type RegistrationInput,
} from "./registration";
import type { BaseJobTemplate } from "./schema";
import {
  comparableTaskDefinition,
  pyEqual,
  taskDefinitionDiff,
  taskDefinitionsEqual,
} from "./task-definition-equality";
import type { JsonObject } from "./types";

const template = defaultTemplate as unknown as BaseJobTemplate;

function prepared(jobVariables: JsonObject) {
  const plan = prepareEcsRun({
    template,
    jobVariables,
    mode: "hybrid",
    flowRun: { deploymentId: "d-1", workPoolName: "pool", region: "us-east-1" },
  });
  return { plan, taskDefinition: plan.taskDefinition as RegistrationInput["taskDefinition"] };
}

/** DescribeTaskDefinition's answer for a registration of `td` (shape from AWS's API reference). */
function described(td: JsonObject, revision: number): JsonObject {
  return {
    ...td,
    taskDefinitionArn: `arn:aws:ecs:us-east-1:123456789012:task-definition/${String(td.family)}:${revision}`,
    revision,
    status: "ACTIVE",
    compatibilities: ["EC2", "FARGATE"],
    requiresAttributes: [{ name: "ecs.capability.task-eni" }],
    registeredAt: "2026-12-01T10:00:00.000Z",
    registeredBy: "arn:aws:iam::123456789012:role/worker",
    containerDefinitions: (td.containerDefinitions as JsonObject[]).map((c) => ({
      cpu: 0,
      portMappings: [],
      essential: true,
      environment: [],
      mountPoints: [],
      volumesFrom: [],
      systemControls: [],
      ...c,
    })),
    volumes: [],
    placementConstraints: [],
  };
}

describe("taskDefinitionsEqual (the worker's normalisation)", () => {
  const base: JsonObject = {
    family: "demo",
    containerDefinitions: [
      {
        name: "prefect",
        image: "img",
        environment: [
          { name: "B", value: "2" },
          { name: "A", value: "1" },
        ],
        secrets: [
          { name: "Y", valueFrom: "arn:y" },
          { name: "X", valueFrom: "arn:x" },
        ],
        environmentFiles: [
          { value: "s3://b", type: "s3" },
          { value: "s3://a", type: "s3" },
        ],
      },
      { name: "sidecar", image: "side", essential: false },
    ],
  };

  it("ignores the order of environment, secrets and environmentFiles, the default networkMode and essential, empty keys and post-registration fields", () => {
    const other: JsonObject = {
      family: "demo",
      networkMode: "bridge",
      taskDefinitionArn: "arn:aws:ecs:us-east-1:1:task-definition/demo:3",
      revision: 3,
      status: "ACTIVE",
      volumes: [],
      containerDefinitions: [
        {
          name: "prefect",
          image: "img",
          essential: true,
          cpu: 0,
          environment: [
            { name: "A", value: "1" },
            { name: "B", value: "2" },
          ],
          secrets: [
            { name: "X", valueFrom: "arn:x" },
            { name: "Y", valueFrom: "arn:y" },
          ],
          environmentFiles: [
            { value: "s3://a", type: "s3" },
            { value: "s3://b", type: "s3" },
          ],
          mountPoints: [],
        },
        { name: "sidecar", image: "side", essential: false },
      ],
    };
    expect(taskDefinitionsEqual(base, other)).toBe(true);
  });

  it("keeps essential: false, so a sidecar that became essential differs", () => {
    const other = structuredClone(base);
    delete ((other.containerDefinitions as JsonObject[])[1] as JsonObject).essential;
    expect(taskDefinitionsEqual(base, other)).toBe(false);
    expect(taskDefinitionDiff(other, base)).toEqual([
      "containerDefinitions[1].essential: true → false",
    ]);
  });

  it("a comparable view carries environment digests, never values, and compares like the worker", () => {
    const view = comparableTaskDefinition({
      family: "demo",
      containerDefinitions: [
        { name: "prefect", environment: [{ name: "DB_PASSWORD", value: "hunter2" }] },
      ],
    });
    expect(view).toEqual({
      family: "demo",
      networkMode: "bridge",
      containerDefinitions: [
        {
          name: "prefect",
          essential: true,
          environment: [{ name: "DB_PASSWORD", value: "sha256:f52fbd32b2b3b86f" }],
        },
      ],
    });
    expect(JSON.stringify(view)).not.toContain("hunter2");
    expect(
      pyEqual(comparableTaskDefinition(base), comparableTaskDefinition(structuredClone(base))),
    ).toBe(true);
  });

  it("does not reorder containers or portMappings", () => {
    const other = structuredClone(base);
    (other.containerDefinitions as JsonObject[]).reverse();
    expect(taskDefinitionsEqual(base, other)).toBe(false);
  });

  it("lists differing paths, latest → prepared, at most five", () => {
    expect(
      taskDefinitionDiff(
        { family: "demo", cpu: "512", containerDefinitions: [{ name: "prefect", image: "a:1" }] },
        { family: "demo", cpu: "1024", containerDefinitions: [{ name: "prefect", image: "a:2" }] },
      ),
    ).toEqual(['containerDefinitions[0].image: "a:1" → "a:2"', 'cpu: "512" → "1024"']);
  });
});

describe("predictRegistration", () => {
  it("default hybrid pool: registers on the first run after each worker start", () => {
    const { plan, taskDefinition } = prepared({});
    const p = predictRegistration({
      taskDefinition,
      mode: "hybrid",
      matchLatest: matchLatestOf(plan.configuration),
      latest: "none",
      perRunValues: [],
    });
    expect(p).toEqual({
      kind: "per-worker-start",
      family: "prefect_pool_d-1",
      reason:
        "match_latest_revision_in_family is off: the worker's cache starts empty at each start.",
    });
    expect(predictionHeadline(p)).toBe(
      "registers a new revision on the first run after each worker start",
    );
    expect(registrationsFor(p, 3, 1)).toBe(1);
  });

  it("match_latest with an equal latest revision reuses it, even with the environment in another order", () => {
    const { plan, taskDefinition } = prepared({
      family: "demo",
      match_latest_revision_in_family: true,
    });
    const td = (taskDefinition as { definition: JsonObject }).definition;
    const p = predictRegistration({
      taskDefinition,
      mode: "push",
      matchLatest: matchLatestOf(plan.configuration),
      latest: latestRevision(described(td, 3)),
      perRunValues: [],
    });
    expect(p).toEqual({
      kind: "reuses",
      family: "demo",
      revision: 3,
      registersFirst: false,
      reason: "match_latest_revision_in_family: the latest revision equals this task definition.",
    });
    expect(predictionHeadline(p)).toBe("reuses demo:3");
    expect(registrationsFor(p, 3, 3)).toBe(0);
  });

  it("match_latest with a different latest revision registers once, then reuses, with the diff", () => {
    const { taskDefinition } = prepared({ family: "demo", cpu: 1024 });
    const td = (taskDefinition as { definition: JsonObject }).definition;
    const p = predictRegistration({
      taskDefinition,
      mode: "hybrid",
      matchLatest: true,
      latest: latestRevision(described({ ...td, cpu: "512" }, 7)),
      perRunValues: [],
    });
    expect(p).toEqual({
      kind: "reuses",
      family: "demo",
      revision: 8,
      registersFirst: true,
      reason:
        "match_latest_revision_in_family: the latest revision differs, so the next run registers demo:8; later runs reuse it.",
      diff: ['cpu: "512" → "1024"'],
    });
    expect(predictionHeadline(p)).toBe("registers demo:8 on the next run, then reuses it");
    expect(registrationsFor(p, 3, 1)).toBe(1);
  });

  it("a family that does not exist yet: the first run registers revision 1", () => {
    const { taskDefinition } = prepared({ family: "fresh" });
    const p = predictRegistration({
      taskDefinition,
      mode: "hybrid",
      matchLatest: true,
      latest: "none",
      perRunValues: [],
    });
    expect(p).toMatchObject({ kind: "reuses", revision: 1, registersFirst: true });
    expect(p.reason).toBe(
      "family fresh has no revision yet: the first run registers revision 1; later runs reuse it.",
    );
  });

  it("push pool without match_latest: every run registers", () => {
    const { taskDefinition } = prepared({});
    const p = predictRegistration({
      taskDefinition,
      mode: "push",
      matchLatest: false,
      latest: "none",
      perRunValues: [],
    });
    expect(p).toEqual({
      kind: "every-run",
      family: "prefect_pool_d-1",
      reason:
        "a push pool has no long-lived worker and match_latest_revision_in_family is off: every run is a first run.",
    });
    expect(predictionHeadline(p)).toBe("registers a new revision on every run");
    expect(registrationsFor(p, 3, 3)).toBe(3);
  });

  it("a per-run job variable in the task definition: every run registers, whatever match_latest says", () => {
    const perRun = perRunValuesIn(template, ["image", "env", "command"]);
    expect(perRun).toEqual(["job variable image"]);
    const { taskDefinition } = prepared({ family: "demo", match_latest_revision_in_family: true });
    const p = predictRegistration({
      taskDefinition,
      mode: "hybrid",
      matchLatest: true,
      latest: "none",
      perRunValues: perRun,
    });
    expect(p).toEqual({
      kind: "every-run",
      family: "demo",
      reason: "the task definition contains job variable image, which changes with every flow run.",
    });
    expect(registrationsFor(p, 3, 1)).toBe(3);
  });

  it("a family shared with a deployment whose task definition differs flip-flops, naming it", () => {
    const { taskDefinition } = prepared({ family: "shared" });
    const other = prepared({ family: "shared", cpu: 2048 }).taskDefinition as {
      definition: JsonObject;
    };
    const same = prepared({ family: "shared" }).taskDefinition as { definition: JsonObject };
    const input: RegistrationInput = {
      taskDefinition,
      mode: "hybrid",
      matchLatest: true,
      latest: "none",
      perRunValues: [],
      peers: [
        { deployment: "etl/nightly", taskDefinition: other.definition },
        { deployment: "etl/hourly", taskDefinition: same.definition },
      ],
    };
    expect(predictRegistration(input)).toEqual({
      kind: "per-worker-start",
      family: "shared",
      reason:
        "family shared is shared with etl/nightly, whose task definition differs: after each worker start the latest revision belongs to the other deployment.",
      flipFlopWith: ["etl/nightly"],
    });
    expect(predictRegistration({ ...input, mode: "push" })).toMatchObject({
      kind: "every-run",
      flipFlopWith: ["etl/nightly"],
    });
  });

  it("a pinned task_definition_arn never registers", () => {
    const { taskDefinition } = prepared({
      task_definition_arn: "arn:aws:ecs:us-east-1:123456789012:task-definition/pinned:4",
    });
    const p = predictRegistration({
      taskDefinition,
      mode: "push",
      matchLatest: false,
      latest: "none",
      perRunValues: [],
    });
    expect(p).toEqual({
      kind: "reuses",
      family: "pinned",
      revision: 4,
      registersFirst: false,
      reason: "task_definition_arn is set: the worker never registers.",
    });
    expect(predictionHeadline(p)).toBe("reuses pinned:4");
  });
});
