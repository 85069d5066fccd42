/**
 * The invariant of "create the equivalent pool": a template with no check error in its pool's
 * mode converts to one with no check error in the other mode, given the same cluster snapshot.
 * Sources: the seed's templates and every template a preset produces from them, in both modes,
 * plus each hybrid source converted to push (so push → hybrid also starts from converted
 * templates). A conversion that does leave an error cannot be created without typing the pool
 * name (components/compare/equivalent-pool.tsx), so this covers what the page creates directly.
 */
import { describe, expect, it } from "vitest";
import { runChecks } from "@/lib/checks";
import type { ClusterSnapshot } from "@/lib/snapshot/schema";
import type { JsonObject } from "@/lib/template/types";
import { applyOps } from "./document-model";
import { convertTemplate } from "./convert-pool-kind";
import { decidePreset, PRESETS, type PresetMode } from "./presets";
import { CLUSTERS, MODES, prepared, seededTemplates } from "@/testing/seeded-clusters";

const BLOCK_ID = "4f1c2a52-8d1e-4d0c-9a57-1b0f8f6b1c11";

const errorsOf = (template: JsonObject, mode: PresetMode, snapshot?: ClusterSnapshot) =>
  runChecks({ template, mode, ...(snapshot ? { snapshot } : {}) })
    .diagnostics.filter((d) => d.severity === "error")
    .map((d) => `${d.rule} at ${d.path}`);

/** The seed's templates for `mode` on the cluster, and what each applicable preset makes of them. */
function sources(mode: PresetMode, snapshot: ClusterSnapshot): [string, JsonObject][] {
  const out: [string, JsonObject][] = [];
  for (const [name, template] of Object.entries(seededTemplates())) {
    const start = prepared(template, mode, snapshot.cluster.name);
    out.push([name, start]);
    const text = JSON.stringify(start, null, 2);
    for (const preset of PRESETS) {
      const decision = decidePreset(start, preset.id, { kind: "loaded", snapshot }, mode);
      if (decision.kind === "apply")
        out.push([`${preset.label} on ${name}`, JSON.parse(applyOps(text, decision.ops))]);
    }
  }
  return out;
}

describe("the equivalent pool converter never turns a clean template into a rejected one", () => {
  it("every source × direction × cluster, with and without the snapshot", () => {
    const failures: string[] = [];
    let converted = 0;
    for (const snapshot of CLUSTERS) {
      const corpus: Record<PresetMode, [string, JsonObject][]> = {
        hybrid: sources("hybrid", snapshot),
        push: sources("push", snapshot),
      };
      for (const [name, template] of corpus.hybrid)
        corpus.push.push([
          `${name}, converted to push`,
          convertTemplate(template, "push", { credentialsBlockId: BLOCK_ID }).template,
        ]);
      for (const from of MODES) {
        const to: PresetMode = from === "push" ? "hybrid" : "push";
        for (const [name, template] of corpus[from])
          for (const known of [snapshot, undefined]) {
            if (errorsOf(template, from, known).length > 0) continue;
            converted++;
            const result = convertTemplate(
              template,
              to,
              to === "push" ? { credentialsBlockId: BLOCK_ID } : {},
            ).template;
            const errors = errorsOf(result, to, known);
            if (errors.length > 0)
              failures.push(
                `${name} (${from} → ${to}, ${snapshot.cluster.name}${known ? "" : ", not read"}): ${errors.join(", ")}`,
              );
          }
      }
    }
    expect(failures).toEqual([]);
    expect(converted).toBe(230);
  });
});
