import { describe, expect, it } from "vitest";

import { fakeWorld } from "@/testing/ecs-fake-world";
import { awsError, mockedContext } from "@/testing/ecs-mock";
import defaultTemplate from "@/lib/template/fixtures/prefect-ecs-default.json";
import type { JsonObject } from "@/lib/template/types";

import { predictPoolRegistrations } from "./pool-predictions";

const template = defaultTemplate as unknown as JsonObject;

describe("predictPoolRegistrations", () => {
  it("200 deployments over 50 families cost one DescribeTaskDefinition per family", async () => {
    const world = fakeWorld({ instances: 0, providers: 0, families: 50 });
    const m = mockedContext(world.handler);
    const deployments = Array.from({ length: 200 }, (_, i) => ({
      id: `d-${i}`,
      name: `flow/d-${i}`,
      jobVariables: { family: world.families[i % 50]!, match_latest_revision_in_family: true },
    }));
    const views = await predictPoolRegistrations(
      { name: "pool", template, mode: "hybrid" },
      deployments,
      { region: "us-east-1", ctx: m.ctx },
    );
    expect(m.byOperation()).toEqual({ DescribeTaskDefinition: 50, ListTaskDefinitions: 50 });
    // the fake family's revision 3 differs (its own image and environment): registers revision 4 once
    expect(views.get("d-0")).toEqual({
      headline: "registers family-00000:4 on the next run, then reuses it",
      kind: "reuses",
      family: "family-00000",
      reason:
        "match_latest_revision_in_family: the latest revision differs, so the next run registers family-00000:4; later runs reuse it.",
      diff: [
        'containerDefinitions[0].environment: [{"name":"DB_PASSWORD","value":"sha256:f52fbd32b2b3b86f"}] → (absent)',
        'containerDefinitions[0].image: "app:1" → "prefecthq/prefect:3.9.1-python3.11"',
        'containerDefinitions[0].name: "app" → "prefect"',
        'containerDefinitions[0].secrets: [{"name":"API_TOKEN","valueFrom":"arn:aws:ssm:::parameter... → (absent)',
        'cpu: "512" → "1024"',
      ],
      revisionCount: 3,
      countProblem: null,
      latestProblem: null,
    });
  });

  it("a new family registers revision 1; a generated family per deployment; AccessDenied omits the count", async () => {
    const m = mockedContext((op) => {
      if (op === "DescribeTaskDefinition")
        throw awsError("ClientException", "Unable to describe task definition.");
      throw awsError("AccessDeniedException", "not authorized to perform: ecs:ListTaskDefinitions");
    });
    const views = await predictPoolRegistrations(
      { name: "pool", template, mode: "hybrid" },
      [{ id: "d-1", name: "etl/nightly", jobVariables: {} }],
      { region: "us-east-1", ctx: m.ctx },
    );
    expect(views.get("d-1")).toEqual({
      headline: "registers a new revision on the first run after each worker start",
      kind: "per-worker-start",
      family: "prefect_pool_d-1",
      reason:
        "match_latest_revision_in_family is off: the worker's cache starts empty at each start.",
      diff: [],
      revisionCount: 0,
      countProblem: null,
      latestProblem: null,
    });
    expect(m.byOperation()).toEqual({ DescribeTaskDefinition: 1 });
  });
});
