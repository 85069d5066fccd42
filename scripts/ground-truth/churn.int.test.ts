/**
 * Ground truth for task definition churn: the real prefect-aws ECS worker handles 3 flow runs in a
 * row per scenario (churn.ts); its RegisterTaskDefinition calls, counted by the recording proxy,
 * must equal what lib/template/registration.ts predicted before the first run.
 */
import { beforeAll, describe, expect, it } from "vitest";

import { CHURN_SCENARIOS, runChurnGroundTruth, type ChurnResult } from "./churn";

const results = new Map<string, ChurnResult>();

beforeAll(async () => {
  const run = await runChurnGroundTruth();
  for (const r of run.results) results.set(r.scenario, r);
  console.info(
    `churn ground truth: ${run.results.length} scenarios in ${(run.ms / 1000).toFixed(1)} s (` +
      run.results.map((r) => `${r.scenario} ${r.registered}/${r.predicted}`).join(", ") +
      ")",
  );
}, 175_000);

function result(id: string): ChurnResult {
  const r = results.get(id);
  if (!r) throw new Error(`scenario ${id} did not run`);
  return r;
}

describe("ground truth: how often the real worker registers a task definition", () => {
  it.each(CHURN_SCENARIOS.map((s) => [s.id]))(
    "%s: the prediction equals the worker's RegisterTaskDefinition calls over 3 runs",
    (id) => {
      const r = result(id);
      expect(r.registered).toBe(r.predicted);
    },
  );

  it("the predictions are the expected kinds (so equal counts are not a coincidence)", () => {
    const kinds = Object.fromEntries(
      CHURN_SCENARIOS.map((s) => [
        s.id,
        result(s.id).predictions.map((p) =>
          p.kind === "reuses" ? `reuses${p.registersFirst ? " after 1" : ""}` : p.kind,
        ),
      ]),
    );
    expect(kinds).toEqual({
      "default-hybrid": ["per-worker-start"],
      "match-latest-off": ["per-worker-start"],
      "match-latest-equal": ["reuses"],
      "match-latest-differs": ["reuses after 1"],
      "environment-order": ["reuses"],
      "essential-false": ["reuses"],
      "per-run-image": ["every-run"],
      "shared-family": ["per-worker-start", "per-worker-start"],
      "push-default": ["every-run"],
      "push-match-latest": ["reuses after 1"],
    });
    expect(result("match-latest-differs").predictions[0]).toMatchObject({
      diff: ['cpu: "512" → "1024"'],
    });
    expect(
      Object.fromEntries([...results.values()].map((r) => [r.scenario, r.registered])),
    ).toEqual({
      "default-hybrid": 1,
      "match-latest-off": 1,
      "match-latest-equal": 0,
      "match-latest-differs": 1,
      "environment-order": 0,
      "essential-false": 0,
      "per-run-image": 3,
      "shared-family": 2,
      "push-default": 3,
      "push-match-latest": 1,
    });
  });
});
