/**
 * The demo's first look: the pools `npm run demo` seeds name demo-cluster, so the pool page reads
 * its snapshot and every rule runs. Prefect's default template (what the tests seed) names no
 * cluster, and the cluster-aware rules say they were skipped.
 */
import { describe, expect, it } from "vitest";
import fixture from "@/lib/template/fixtures/prefect-ecs-default.json";
import { runChecks } from "@/lib/checks";
import { clusterOfTemplate } from "@/lib/template/ecs-run";
import { seededDemoCluster } from "@/testing/seeded-clusters";
import { SEED } from "./ecs";
import { DEMO_CONCURRENCY_LIMIT, targetingCluster } from "./prefect";

describe("the demo pools' template", () => {
  const demo = targetingCluster(fixture, SEED.cluster);

  it("targets the seeded cluster in both modes and changes nothing else", () => {
    expect(clusterOfTemplate(demo as never, "hybrid")).toBe("demo-cluster");
    expect(clusterOfTemplate(demo as never, "push")).toBe("demo-cluster");
    const back = structuredClone(demo) as typeof fixture;
    delete (back.variables.properties.cluster as { default?: unknown }).default;
    expect(back).toEqual(fixture);
    // the fixture itself is left alone
    expect(Object.hasOwn(fixture.variables.properties.cluster, "default")).toBe(false);
  });

  it("runs every rule on the seeded cluster's snapshot; Prefect's default skips the cluster-aware ones", () => {
    const skippedRules = (r: { skipped: { rule: string }[] }) => r.skipped.map((s) => s.rule);
    const onDemo = runChecks({
      template: demo as never,
      mode: "hybrid",
      snapshot: seededDemoCluster,
      concurrency: { pool: DEMO_CONCURRENCY_LIMIT },
    });
    expect(skippedRules(onDemo)).toEqual([]);
    // the burst rule also needs a concurrency limit: the demo's pools set one, the tests' do not
    const noLimit = runChecks({
      template: demo as never,
      mode: "hybrid",
      snapshot: seededDemoCluster,
    });
    expect(skippedRules(noLimit)).toEqual(["ecs/burst-exceeds-capacity"]);
    const bare = runChecks({ template: fixture as never, mode: "hybrid" });
    expect(skippedRules(bare)).toEqual([
      "ecs/provider-not-in-cluster",
      "ecs/provider-inactive",
      "ecs/no-capacity",
      "ecs/task-too-large",
      "ecs/burst-exceeds-capacity",
    ]);
  });
});
