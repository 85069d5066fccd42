import { describe, expect, it } from "vitest";
import { check, findings, messages, withDefaults } from "@/testing/checks";
import { snapshot } from "@/testing/snapshot";

const path = "/variables/properties/capacity_provider_strategy/default/0/capacityProvider";
const template = (provider: string) =>
  withDefaults({
    launch_type: "EC2",
    capacity_provider_strategy: [{ capacityProvider: provider, weight: 1, base: 0 }],
  });

describe("ecs/provider-not-in-cluster", () => {
  const rule = "ecs/provider-not-in-cluster";
  it("is skipped without a snapshot", () => {
    const result = check(template("asg-other"));
    expect(findings(result, rule)).toEqual([]);
    expect(result.skipped).toContainEqual({
      rule,
      reason: "needs a cluster snapshot (pass --snapshot or pick a cluster)",
    });
  });
  it("reports a provider the cluster does not have", () => {
    const result = check(template("asg-other"), "hybrid", { snapshot: snapshot() });
    expect(findings(result, rule)).toEqual([
      { rule, severity: "error", document: "template", path },
    ]);
    expect(messages(result, rule)[0]).toBe(
      'Capacity provider "asg-other" is not associated with cluster "demo", so RunTask fails. Use one of the cluster\'s providers (FARGATE, FARGATE_SPOT, asg-main) or associate it with the cluster first.',
    );
  });
  it("accepts an associated provider", () => {
    expect(findings(check(template("asg-main"), "hybrid", { snapshot: snapshot() }), rule)).toEqual(
      [],
    );
  });
});

describe("ecs/provider-inactive", () => {
  const rule = "ecs/provider-inactive";
  it("is skipped without a snapshot", () => {
    expect(check(template("asg-main")).skipped.map((s) => s.rule)).toContain(rule);
  });
  it("reports an INACTIVE provider", () => {
    const snap = snapshot();
    snap.capacityProviders[2]!.status = "INACTIVE";
    const result = check(template("asg-main"), "hybrid", { snapshot: snap });
    expect(findings(result, rule)).toEqual([
      { rule, severity: "error", document: "template", path },
    ]);
    expect(messages(result, rule)[0]).toContain("is INACTIVE");
  });
  it("accepts an UPDATING provider", () => {
    const snap = snapshot();
    snap.capacityProviders[2]!.status = "UPDATING";
    expect(findings(check(template("asg-main"), "hybrid", { snapshot: snap }), rule)).toEqual([]);
  });
});
