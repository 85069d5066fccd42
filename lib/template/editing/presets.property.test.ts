/**
 * The invariant of presets: every preset, on every seeded template, in both modes, with the
 * cluster snapshot in every state, is either refused (waiting or disabled, with a reason) or
 * produces a template the checks of that mode report no error on, given that same snapshot.
 * Exhaustive over the cases below (4 presets × 3 templates × 2 modes × 3 clusters × 4 states).
 */
import { describe, expect, it } from "vitest";
import { runChecks } from "@/lib/checks";
import type { ClusterSnapshot } from "@/lib/snapshot/schema";
import { applyOps } from "./document-model";
import { decidePreset, PRESETS, type PresetMode } from "./presets";
import { CLUSTERS, MODES, prepared, seededTemplates, states } from "@/testing/seeded-clusters";

const errorsOf = (text: string, mode: PresetMode, snapshot?: ClusterSnapshot) =>
  runChecks({ template: JSON.parse(text), mode, ...(snapshot ? { snapshot } : {}) })
    .diagnostics.filter((d) => d.severity === "error")
    .map((d) => `${d.rule} at ${d.path}`);

describe("presets never produce a template their checks reject", () => {
  it("every preset × template × mode × cluster × snapshot state applies cleanly or says why not", () => {
    const failures: string[] = [];
    const applied = new Map<string, number>();
    let refused = 0;
    for (const [templateName, template] of Object.entries(seededTemplates()))
      for (const mode of MODES)
        for (const cluster of CLUSTERS)
          for (const { state, cluster: named, snapshot } of states(cluster)) {
            const text = JSON.stringify(prepared(template, mode, named), null, 2);
            for (const preset of PRESETS) {
              const decision = decidePreset(JSON.parse(text), preset.id, state, mode);
              const label = `${preset.label} on ${templateName} (${mode}, ${cluster.cluster.name}, ${state.kind})`;
              if (decision.kind !== "apply") {
                refused++;
                if (!decision.reason) failures.push(`${label}: refused without a reason`);
                if (state.kind === "loading" && decision.kind !== "wait")
                  failures.push(`${label}: ${decision.kind} while loading`);
                continue;
              }
              applied.set(preset.id, (applied.get(preset.id) ?? 0) + 1);
              const errors = errorsOf(applyOps(text, decision.ops), mode, snapshot);
              if (errors.length > 0) failures.push(`${label}: ${errors.join(", ")}`);
            }
          }
    expect(failures).toEqual([]);
    // the invariant is not met by refusing everything: each preset applies somewhere
    expect(Object.fromEntries(applied)).toEqual({
      ec2: 72,
      "capacity-providers": 27,
      fargate: 72,
      "fargate-spot": 48,
    });
    expect(refused).toBeGreaterThan(0);
  });
});
