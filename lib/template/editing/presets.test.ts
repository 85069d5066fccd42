import { describe, expect, it } from "vitest";
import defaultTemplate from "@/lib/template/fixtures/prefect-ecs-default.json";
import type { JsonObject } from "@/lib/template/types";
import { applyOps } from "./document-model";
import { activePreset, decidePreset, presetOps, type PresetDecision } from "./presets";
import {
  fargateOnlyCluster,
  seededDemoCluster,
  twoAsgNoDefaultCluster,
} from "@/testing/seeded-clusters";
import { demoSnapshot } from "@/testing/snapshot";

const text = JSON.stringify(defaultTemplate, null, 2);

function run(id: Parameters<typeof presetOps>[1], from = text) {
  const out = applyOps(from, presetOps(JSON.parse(from), id, demoSnapshot));
  return JSON.parse(out) as JsonObject & {
    job_configuration: { task_run_request: JsonObject };
    variables: { properties: Record<string, JsonObject> };
  };
}

describe("presets", () => {
  it("capacity providers: removes launchType and sets the cluster's Auto Scaling providers", () => {
    const doc = run("capacity-providers");
    expect(Object.hasOwn(doc.job_configuration.task_run_request, "launchType")).toBe(false);
    expect(doc.job_configuration.task_run_request.capacityProviderStrategy).toBe(
      "{{ capacity_provider_strategy }}",
    );
    expect(doc.variables.properties.capacity_provider_strategy?.default).toEqual([
      { capacityProvider: "asg-spot", base: 1, weight: 1 },
    ]);
    expect(activePreset(doc)).toBe("capacity-providers");
  });

  it("EC2: launch_type EC2 and the strategy default removed", () => {
    const withStrategy = applyOps(
      text,
      presetOps(JSON.parse(text), "capacity-providers", demoSnapshot),
    );
    const doc = run("ec2", withStrategy);
    expect(doc.job_configuration.task_run_request.launchType).toBe("{{ launch_type }}");
    expect(doc.variables.properties.launch_type?.default).toBe("EC2");
    expect(
      Object.hasOwn(doc.variables.properties.capacity_provider_strategy ?? {}, "default"),
    ).toBe(false);
    expect(activePreset(doc)).toBe("ec2");
  });

  it("Fargate and Fargate Spot set launch_type", () => {
    expect(run("fargate").variables.properties.launch_type?.default).toBe("FARGATE");
    expect(run("fargate-spot").variables.properties.launch_type?.default).toBe("FARGATE_SPOT");
    expect(activePreset(run("fargate-spot"))).toBe("fargate-spot");
  });

  it("replaces a literal strategy in the request instead of a variable", () => {
    const literal = JSON.parse(text);
    literal.job_configuration.task_run_request.capacityProviderStrategy = [
      { capacityProvider: "x", weight: 1 },
    ];
    const doc = run("fargate", JSON.stringify(literal, null, 2));
    expect(Object.hasOwn(doc.job_configuration.task_run_request, "capacityProviderStrategy")).toBe(
      false,
    );
  });

  it("leaves everything else byte for byte", () => {
    const out = applyOps(text, presetOps(JSON.parse(text), "fargate", demoSnapshot));
    // launch_type already defaults to FARGATE in Prefect's template: nothing to change
    expect(out).toBe(text);
  });
});

describe("decidePreset", () => {
  const withCluster = (cluster: string, defaults: Record<string, unknown> = {}) => {
    const doc = JSON.parse(text);
    doc.variables.properties.cluster.default = cluster;
    for (const [k, v] of Object.entries(defaults)) doc.variables.properties[k].default = v;
    return doc as JsonObject;
  };
  const strategyAfter = (doc: JsonObject, decision: PresetDecision) => {
    if (decision.kind !== "apply") throw new Error(`expected apply, got ${decision.kind}`);
    const out = JSON.parse(applyOps(JSON.stringify(doc, null, 2), decision.ops));
    return {
      launchType: out.job_configuration.task_run_request.launchType,
      strategy: out.variables.properties.capacity_provider_strategy.default,
    };
  };

  it("capacity providers waits while the cluster is read, and says so", () => {
    const doc = withCluster("demo-cluster");
    expect(
      decidePreset(
        doc,
        "capacity-providers",
        { kind: "loading", cluster: "demo-cluster" },
        "hybrid",
      ),
    ).toEqual({ kind: "wait", reason: "reading demo-cluster…" });
    expect(
      decidePreset(
        JSON.parse(text),
        "capacity-providers",
        { kind: "loading", cluster: "" },
        "push",
      ),
    ).toEqual({ kind: "wait", reason: "reading the default cluster…" });
  });

  it("capacity providers is disabled without a cluster to choose from", () => {
    expect(
      decidePreset(JSON.parse(text), "capacity-providers", { kind: "none" }, "hybrid"),
    ).toEqual({ kind: "disabled", reason: "pick a cluster to choose its providers" });
    expect(
      decidePreset(
        withCluster("demo-cluster"),
        "capacity-providers",
        { kind: "failed", cluster: "demo-cluster", error: "AccessDeniedException: not authorized" },
        "hybrid",
      ),
    ).toEqual({
      kind: "disabled",
      reason: "demo-cluster could not be read: AccessDeniedException: not authorized",
    });
  });

  it("capacity providers uses the cluster's Auto Scaling providers once it is read", () => {
    const doc = withCluster("demo-cluster");
    const state = { kind: "loaded", snapshot: seededDemoCluster } as const;
    expect(strategyAfter(doc, decidePreset(doc, "capacity-providers", state, "hybrid"))).toEqual({
      launchType: undefined,
      strategy: [
        { capacityProvider: "general-asg", base: 1, weight: 1 },
        { capacityProvider: "gpu-asg", base: 0, weight: 1 },
      ],
    });
  });

  it("capacity providers replaces a strategy whose providers the cluster does not have", () => {
    const doc = withCluster("two-asg-cluster", {
      capacity_provider_strategy: [{ capacityProvider: "general-asg", base: 1, weight: 1 }],
    });
    const state = { kind: "loaded", snapshot: twoAsgNoDefaultCluster } as const;
    expect(strategyAfter(doc, decidePreset(doc, "capacity-providers", state, "push"))).toEqual({
      launchType: undefined,
      strategy: [
        { capacityProvider: "asg-a", base: 1, weight: 1 },
        { capacityProvider: "asg-b", base: 0, weight: 1 },
      ],
    });
  });

  it("capacity providers on a Fargate-only cluster: disabled for the worker, the default strategy for push", () => {
    const doc = withCluster("fargate-cluster");
    const state = { kind: "loaded", snapshot: fargateOnlyCluster } as const;
    // without launchType the worker registers an EC2-shaped task definition, which Fargate rejects
    expect(decidePreset(doc, "capacity-providers", state, "hybrid")).toEqual({
      kind: "disabled",
      reason: "this cluster has no Auto Scaling provider",
    });
    expect(strategyAfter(doc, decidePreset(doc, "capacity-providers", state, "push"))).toEqual({
      launchType: undefined,
      strategy: [
        { capacityProvider: "FARGATE", base: 1, weight: 1 },
        { capacityProvider: "FARGATE_SPOT", base: 0, weight: 3 },
      ],
    });
  });

  it("Fargate Spot needs the cluster's FARGATE_SPOT provider; launch types never wait", () => {
    const doc = withCluster("two-asg-cluster");
    const loaded = { kind: "loaded", snapshot: twoAsgNoDefaultCluster } as const;
    expect(decidePreset(doc, "fargate-spot", loaded, "hybrid")).toEqual({
      kind: "disabled",
      reason: "this cluster has no Fargate Spot provider",
    });
    expect(
      decidePreset(doc, "fargate-spot", { kind: "loading", cluster: "two-asg-cluster" }, "hybrid"),
    ).toEqual({ kind: "wait", reason: "reading two-asg-cluster…" });
    expect(
      decidePreset(doc, "ec2", { kind: "loading", cluster: "two-asg-cluster" }, "hybrid"),
    ).toEqual({ kind: "apply", ops: presetOps(doc, "ec2") });
  });
});
