import { describe, expect, it } from "vitest";

import { fakeWorld } from "@/testing/ecs-fake-world";
import {
  describeContainerInstances,
  describeCapacityProviders,
  listContainerInstanceArns,
} from "./reads";
import { describeTaskDefinitions, getClusterSnapshot, listClusters } from "./snapshot";
import { awsError, mockedContext } from "@/testing/ecs-mock";

describe("batching and paging", () => {
  it.each([
    [0, 0, 0],
    [1, 1, 1],
    [100, 1, 1],
    [101, 2, 2],
    [300, 3, 3],
    [1_234, 13, 13],
  ])(
    "%i container instances: %i list pages, %i describe calls (⌈n/100⌉)",
    async (n, listCalls, describeCalls) => {
      const world = fakeWorld({ instances: n, providers: 1, families: 0 });
      const m = mockedContext(world.handler);
      const arns = await listContainerInstanceArns(m.ctx, "us-east-1", "big");
      const described = await describeContainerInstances(m.ctx, "us-east-1", "big", arns);
      expect(arns).toEqual(world.instanceArns);
      expect(described.map((d) => d.containerInstanceArn)).toEqual(world.instanceArns);
      // ListContainerInstances is always called once, even for an empty cluster
      expect(m.count("ListContainerInstances")).toBe(Math.max(1, listCalls));
      expect(m.count("DescribeContainerInstances")).toBe(describeCalls);
      const sizes = m.calls
        .filter((c) => c.operation === "DescribeContainerInstances")
        .map((c) => (c.input.containerInstances as string[]).length);
      expect(sizes.every((s) => s <= 100)).toBe(true);
    },
  );

  it.each([
    [1, 1],
    [10, 1],
    [11, 2],
    [23, 3],
  ])("%i capacity providers are described by name in %i calls of at most 10", async (n, calls) => {
    const world = fakeWorld({ instances: 0, providers: n, families: 0 });
    const m = mockedContext(world.handler);
    const out = await describeCapacityProviders(m.ctx, "us-east-1", world.providerNames);
    expect(out.providers.map((p) => p.name)).toEqual(world.providerNames);
    expect(m.count("DescribeCapacityProviders")).toBe(calls);
    expect(m.calls.map((c) => (c.input.capacityProviders as string[]).length)).toEqual(
      Array.from({ length: calls }, (_, i) => Math.min(10, n - i * 10)),
    );
  });

  it("a whole snapshot of 250 instances, 12 providers and 1,050 families costs 1+2+3+3+11 calls and no describes of families", async () => {
    const world = fakeWorld({ instances: 250, providers: 12, families: 1_050 });
    const m = mockedContext(world.handler, { concurrency: 4 });
    const result = await getClusterSnapshot(
      { region: "us-east-1", cluster: "big" },
      { ctx: m.ctx },
    );
    expect(m.byOperation()).toEqual({
      DescribeCapacityProviders: 2,
      DescribeClusters: 1,
      DescribeContainerInstances: 3,
      ListContainerInstances: 3,
      ListTaskDefinitionFamilies: 11,
    });
    expect(m.maxInFlight()).toBeLessThanOrEqual(4);
    const snap = result.snapshot!;
    expect(snap.containerInstances).toHaveLength(250);
    expect(snap.taskDefinitionFamilies).toHaveLength(1_050);
    expect(snap.taskDefinitions).toEqual([]);
    // FARGATE is associated but never described: it is synthesized
    expect(snap.capacityProviders.map((p) => p.name)).toEqual([...world.providerNames, "FARGATE"]);
    expect(snap.capacityProviders.at(-1)).toMatchObject({
      kind: "FARGATE",
      status: "ACTIVE",
      arn: null,
    });
    expect(snap.containerInstances[0]).toMatchObject({
      instanceType: "m5.large",
      availabilityZone: "us-east-1a",
      capacityProviderName: "asg-1",
      registered: { cpu: 2048, memory: 3904 },
      remaining: { cpu: 1024, memory: 2880 },
    });
    expect(Object.values(result.sections).every((s) => s.error === null)).toBe(true);
  });

  it("serves a second snapshot within the TTL from the cache, and shares one in-flight read per key", async () => {
    const world = fakeWorld({ instances: 5, providers: 2, families: 3 });
    const m = mockedContext(world.handler);
    const [a, b] = await Promise.all([
      getClusterSnapshot({ region: "us-east-1", cluster: "big" }, { ctx: m.ctx }),
      getClusterSnapshot({ region: "us-east-1", cluster: "big" }, { ctx: m.ctx }),
    ]);
    expect(m.calls).toHaveLength(5);
    expect(a.snapshot!.fetchedAt).toBe(b.snapshot!.fetchedAt);
    await getClusterSnapshot({ region: "us-east-1", cluster: "big" }, { ctx: m.ctx });
    expect(m.calls).toHaveLength(5);
    await getClusterSnapshot({ region: "us-east-1", cluster: "big" }, { ctx: m.ctx, fresh: true });
    expect(m.calls).toHaveLength(10);
  });

  it("describes each requested family once (latest ACTIVE revision) and keeps environment values on the server", async () => {
    const world = fakeWorld({ instances: 0, providers: 0, families: 30 });
    const m = mockedContext(world.handler, { concurrency: 3 });
    const wanted = world.families.slice(0, 25);
    const out = await describeTaskDefinitions("us-east-1", [...wanted, wanted[0]!, "nope"], {
      ctx: m.ctx,
    });
    expect(m.count("DescribeTaskDefinition")).toBe(26);
    expect(m.maxInFlight()).toBe(3);
    const first = out[wanted[0]!]!;
    expect(first.ok && first.data).toMatchObject({
      revision: 3,
      compatibilities: ["EC2", "FARGATE"],
      cpu: "512",
      memory: "1024",
    });
    expect(first.ok && first.data.containers[0]!.environmentNames).toEqual([
      "DB_PASSWORD",
      "API_TOKEN",
    ]);
    expect(JSON.stringify(out)).not.toContain("hunter2");
    expect(out.nope).toMatchObject({
      ok: false,
      error: { kind: "invalid-request", action: "ecs:DescribeTaskDefinition" },
    });
    await describeTaskDefinitions("us-east-1", wanted, { ctx: m.ctx });
    expect(m.count("DescribeTaskDefinition")).toBe(26);
  });
});

describe("errors", () => {
  it("retries throttling with jittered exponential backoff, then succeeds", async () => {
    const world = fakeWorld({ instances: 0, providers: 0, families: 0 });
    let throttles = 2;
    const m = mockedContext((op, input) => {
      if (op === "ListClusters" && throttles-- > 0)
        throw awsError("ThrottlingException", "Rate exceeded");
      return world.handler(op, input);
    });
    const out = await listClusters("us-east-1", { ctx: m.ctx });
    expect(out.ok && out.data.map((c) => c.name)).toEqual(["big"]);
    expect(m.count("ListClusters")).toBe(3);
    // random() = 0.5 of a ceiling of 100 ms, then 200 ms
    expect(m.sleeps).toEqual([50, 100]);
  });

  it("reports throttling after the retries run out, naming the action", async () => {
    const m = mockedContext(() => {
      throw awsError("ThrottlingException", "Rate exceeded");
    });
    const out = await listClusters("us-east-1", { ctx: m.ctx });
    expect(out).toMatchObject({
      ok: false,
      error: { kind: "throttled", action: "ecs:ListClusters" },
    });
    expect(m.count("ListClusters")).toBe(5);
    expect(m.sleeps).toEqual([50, 100, 200, 400]);
  });

  it("AccessDenied on one call fails only its section and names the missing IAM action", async () => {
    const world = fakeWorld({ instances: 3, providers: 2, families: 4 });
    const m = mockedContext((op, input) => {
      if (op === "DescribeCapacityProviders") {
        throw awsError(
          "AccessDeniedException",
          "User is not authorized to perform: ecs:DescribeCapacityProviders",
        );
      }
      return world.handler(op, input);
    });
    const r = await getClusterSnapshot({ region: "us-east-1", cluster: "big" }, { ctx: m.ctx });
    expect(r.sections.capacityProviders.error).toMatchObject({
      kind: "access-denied",
      action: "ecs:DescribeCapacityProviders",
    });
    expect(r.sections.capacityProviders.error!.message).toContain("ecs:DescribeCapacityProviders");
    expect(r.sections.containerInstances.error).toBeNull();
    expect(r.snapshot!.containerInstances).toHaveLength(3);
    expect(r.snapshot!.taskDefinitionFamilies).toHaveLength(4);
    expect(r.snapshot!.capacityProviders).toEqual([]);
  });

  it("an unknown cluster gives no snapshot and a cluster-not-found error", async () => {
    const world = fakeWorld({ instances: 0, providers: 0, families: 0 });
    const m = mockedContext(world.handler);
    const r = await getClusterSnapshot({ region: "us-east-1", cluster: "ghost" }, { ctx: m.ctx });
    expect(r.snapshot).toBeNull();
    expect(r.sections.cluster.error).toMatchObject({
      kind: "cluster-not-found",
      action: "ecs:DescribeClusters",
    });
    expect(r.sections.cluster.error!.message).toBe(
      'Cluster "ghost" was not found in us-east-1 (MISSING). Check the name and the region.',
    );
  });

  it("missing credentials are reported as such, without retries", async () => {
    const m = mockedContext(() => {
      throw Object.assign(new Error("Could not load credentials from any providers"), {
        name: "CredentialsProviderError",
      });
    });
    const out = await listClusters("eu-west-1", { ctx: m.ctx });
    expect(out).toMatchObject({
      ok: false,
      error: { kind: "no-credentials", action: "ecs:ListClusters" },
    });
    expect(m.calls).toHaveLength(1);
  });

  it("an unparsable 403 answer (XML from an emulator or proxy) still names the refused action", async () => {
    const m = mockedContext(() => {
      throw awsError("SyntaxError", "Unexpected token '<'", 403);
    });
    const out = await listClusters("us-east-1", { ctx: m.ctx });
    expect(out).toMatchObject({
      ok: false,
      error: { kind: "access-denied", action: "ecs:ListClusters" },
    });
    expect(m.calls).toHaveLength(1);
  });

  it("an empty cluster makes no DescribeContainerInstances call", async () => {
    const world = fakeWorld({ instances: 0, providers: 1, families: 0 });
    const m = mockedContext(world.handler);
    const r = await getClusterSnapshot({ region: "us-east-1", cluster: "big" }, { ctx: m.ctx });
    expect(r.snapshot!.containerInstances).toEqual([]);
    expect(m.count("DescribeContainerInstances")).toBe(0);
    expect(r.sections.containerInstances.error).toBeNull();
  });
});
