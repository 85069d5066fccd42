import { describe, expect, it } from "vitest";

import { fakeWorld } from "@/testing/ecs-fake-world";
import { countFamilyRevisions, readFamilyLatest } from "./snapshot";
import { awsError, mockedContext } from "@/testing/ecs-mock";

describe("readFamilyLatest", () => {
  it("costs one DescribeTaskDefinition per distinct family, and a missing family is 'none'", async () => {
    const world = fakeWorld({ instances: 0, providers: 0, families: 3 });
    const m = mockedContext(world.handler);
    // 9 deployments over 3 families plus one family that does not exist
    const families = [...world.families, ...world.families, ...world.families, "not-yet"];
    const out = await readFamilyLatest("us-east-1", families, { ctx: m.ctx });
    expect(m.byOperation()).toEqual({ DescribeTaskDefinition: 4 });
    expect(out["not-yet"]).toEqual({ ok: true, latest: "none" });
    const first = out[world.families[0]!];
    expect(first).toMatchObject({ ok: true, latest: { revision: 3 } });
    // the comparable view has the environment value's digest, never the value
    expect(JSON.stringify(first)).not.toContain("hunter2");
    expect(first?.ok && first.latest !== "none" && first.latest.comparable).toEqual({
      family: world.families[0],
      requiresCompatibilities: ["FARGATE"],
      networkMode: "awsvpc",
      cpu: "512",
      memory: "1024",
      containerDefinitions: [
        {
          name: "app",
          image: "app:1",
          essential: true,
          environment: [{ name: "DB_PASSWORD", value: "sha256:f52fbd32b2b3b86f" }],
          secrets: [{ name: "API_TOKEN", valueFrom: "arn:aws:ssm:::parameter/token" }],
        },
      ],
    });
  });

  it("AccessDenied on DescribeTaskDefinition is an error naming the action, not 'none'", async () => {
    const m = mockedContext(() => {
      throw awsError(
        "AccessDeniedException",
        "User is not authorized to perform: ecs:DescribeTaskDefinition",
      );
    });
    const out = await readFamilyLatest("us-east-1", ["demo"], { ctx: m.ctx });
    expect(out.demo).toMatchObject({
      ok: false,
      error: { kind: "access-denied", action: "ecs:DescribeTaskDefinition" },
    });
  });
});

describe("countFamilyRevisions", () => {
  it("pages ListTaskDefinitions by family to the end", async () => {
    const world = fakeWorld({ instances: 0, providers: 0, families: 2 });
    const handler = (op: string, input: Record<string, unknown>) =>
      world.handler(op, { ...input, maxResults: 2 });
    const m = mockedContext(handler);
    const out = await countFamilyRevisions("us-east-1", world.families[1]!, { ctx: m.ctx });
    expect(out).toMatchObject({ ok: true, data: 3 });
    expect(m.byOperation()).toEqual({ ListTaskDefinitions: 2 });
    expect(await countFamilyRevisions("us-east-1", "not-yet", { ctx: m.ctx })).toMatchObject({
      ok: true,
      data: 0,
    });
  });

  it("AccessDenied: the count is omitted and ecs:ListTaskDefinitions is named", async () => {
    const m = mockedContext(() => {
      throw awsError("AccessDeniedException", "not authorized to perform: ecs:ListTaskDefinitions");
    });
    const out = await countFamilyRevisions("us-east-1", "demo", { ctx: m.ctx });
    expect(out).toMatchObject({
      ok: false,
      error: {
        kind: "access-denied",
        action: "ecs:ListTaskDefinitions",
        message:
          "Access denied: the dashboard's IAM identity is missing ecs:ListTaskDefinitions. Add it to the policy (see docs/iam-policy.json).",
      },
    });
  });
});
