import { describe, expect, it } from "vitest";
import defaultTemplate from "@/lib/template/fixtures/prefect-ecs-default.json";
import type { JsonObject } from "@/lib/template/types";
import { applyOps } from "./document-model";
import { activePreset, presetOps } from "./presets";
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
