import { describe, expect, it } from "vitest";
import { check, findings, messages, withDefaults } from "@/testing/checks";
import { instance, snapshot } from "@/testing/snapshot";

const ASG = [{ capacityProvider: "asg-main", weight: 1, base: 0 }];

describe("ecs/no-capacity", () => {
  const rule = "ecs/no-capacity";
  it("is skipped without a snapshot", () => {
    expect(check(withDefaults({ launch_type: "EC2" })).skipped.map((s) => s.rule)).toContain(rule);
  });
  it("warns for launch type EC2 on a cluster without instances", () => {
    const result = check(withDefaults({ launch_type: "EC2" }), "hybrid", {
      snapshot: snapshot({ containerInstances: [] }),
    });
    expect(findings(result, rule)).toEqual([
      {
        rule,
        severity: "warning",
        document: "template",
        path: "/variables/properties/launch_type/default",
      },
    ]);
    expect(messages(result, rule)[0]).toContain('cluster "demo" has no ACTIVE container instance');
  });
  it("warns for a strategy whose provider has no instance and no managed scaling", () => {
    const snap = snapshot({ containerInstances: [] });
    snap.capacityProviders[2]!.managedScaling = null;
    const result = check(
      withDefaults({ launch_type: "EC2", capacity_provider_strategy: ASG }),
      "hybrid",
      {
        snapshot: snap,
      },
    );
    expect(findings(result, rule)).toEqual([
      {
        rule,
        severity: "warning",
        document: "template",
        path: "/variables/properties/capacity_provider_strategy/default",
      },
    ]);
  });
  it("accepts a provider with managed scaling, a connected instance, and Fargate", () => {
    const empty = snapshot({ containerInstances: [] });
    const strategy = withDefaults({ launch_type: "EC2", capacity_provider_strategy: ASG });
    expect(findings(check(strategy, "hybrid", { snapshot: empty }), rule)).toEqual([]);
    expect(
      findings(
        check(withDefaults({ launch_type: "EC2" }), "hybrid", { snapshot: snapshot() }),
        rule,
      ),
    ).toEqual([]);
    expect(findings(check(withDefaults({}), "hybrid", { snapshot: empty }), rule)).toEqual([]);
  });
  it("does not count a disconnected instance", () => {
    const snap = snapshot({ containerInstances: [instance({ agentConnected: false })] });
    expect(
      findings(check(withDefaults({ launch_type: "EC2" }), "hybrid", { snapshot: snap }), rule),
    ).toHaveLength(1);
  });
});

describe("ecs/task-too-large", () => {
  const rule = "ecs/task-too-large";
  it("reports cpu above every instance", () => {
    const result = check(withDefaults({ launch_type: "EC2", cpu: 8192, memory: 4096 }), "hybrid", {
      snapshot: snapshot(),
    });
    expect(findings(result, rule)).toEqual([
      { rule, severity: "error", document: "template", path: "/variables/properties/cpu/default" },
    ]);
    expect(messages(result, rule)[0]).toBe(
      'The task needs 8192 cpu and 4096 MiB, but no container instance in cluster "demo" registers that much (largest: 4096 cpu, 7482 MiB). ECS cannot place it and the run never starts. Lower cpu or add larger instances.',
    );
  });
  it("reports memory above every instance", () => {
    const result = check(withDefaults({ launch_type: "EC2", cpu: 1024, memory: 8192 }), "hybrid", {
      snapshot: snapshot(),
    });
    expect(findings(result, rule)).toEqual([
      {
        rule,
        severity: "error",
        document: "template",
        path: "/variables/properties/memory/default",
      },
    ]);
  });
  it("accepts a task that fits, and Fargate tasks of any size", () => {
    const snap = snapshot();
    expect(
      findings(
        check(withDefaults({ launch_type: "EC2", cpu: 4096, memory: 7482 }), "hybrid", {
          snapshot: snap,
        }),
        rule,
      ),
    ).toEqual([]);
    expect(
      findings(
        check(withDefaults({ cpu: 8192, memory: 16384 }), "hybrid", { snapshot: snap }),
        rule,
      ),
    ).toEqual([]);
  });
});
