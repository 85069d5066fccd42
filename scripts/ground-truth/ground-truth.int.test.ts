/**
 * Ground truth: the RunTask preview equals what the real prefect-aws ECS worker sends.
 * Runs the real worker from .venv against the local stack (Prefect server + moto) for every
 * scenario, then compares its RegisterTaskDefinition and RunTask requests with prepareEcsRun.
 */
import { beforeAll, describe, expect, it } from "vitest";

import { modelSide, workerSide } from "./compare";
import { EXPECTED_FACTS, factsOf } from "./design-facts";
import type { Capture } from "./harness";
import { runGroundTruth } from "./run-all";
import { SCENARIOS } from "./scenarios";

const captures = new Map<string, Capture>();
let wallMs = 0;

function capture(id: string): Capture {
  const c = captures.get(id);
  if (!c) throw new Error(`scenario ${id} was not captured`);
  return c;
}

beforeAll(async () => {
  const result = await runGroundTruth();
  wallMs = result.ms;
  for (const c of result.captures) captures.set(c.scenario, c);
  console.info(
    `ground truth: ${result.captures.length} worker runs in ${(wallMs / 1000).toFixed(1)} s (` +
      result.captures.map((c) => `${c.scenario} ${(c.worker.ms / 1000).toFixed(1)} s`).join(", ") +
      ")",
  );
}, 175_000);

describe("ground truth: the real prefect-aws ECS worker", () => {
  it("ran every scenario within the time budget", () => {
    expect([...captures.keys()].sort()).toEqual(SCENARIOS.map((s) => s.id).sort());
    // the budget: the whole live run within about three minutes on the 2-core CI machine
    expect(wallMs).toBeLessThan(170_000);
  });

  it.each(SCENARIOS.map((s) => [s.id]))("%s: the worker behaves as docs/design.md says", (id) => {
    const expected = EXPECTED_FACTS[id];
    expect(expected, `no docs/design.md facts written down for ${id}`).toBeDefined();
    expect(factsOf(capture(id))).toEqual(expected?.facts);
  });

  it("env-merge: env is merged key by key, deployment over pool, and labels become tags", () => {
    const rt = capture("env-merge").worker.runTask as {
      overrides: { containerOverrides: { environment: { name: string; value: string }[] }[] };
      tags: { key: string; value: string }[];
    };
    const env = rt.overrides.containerOverrides[0]?.environment.filter(
      (e) => !e.name.startsWith("PREFECT"),
    );
    expect(env).toEqual([
      { name: "POOL_ONLY", value: "from-pool" },
      { name: "SHARED", value: "from-deployment" },
      { name: "DEPLOYMENT_ONLY", value: "from-deployment" },
    ]);
    // labels is replaced as a whole (only env merges), and tags are slugified
    expect(rt.tags.filter((t) => !t.key.startsWith("prefect.io/"))).toEqual([
      { key: "env", value: "prod" },
      { key: "cost-centre", value: "ml/42-shared" },
    ]);
  });

  it.each(SCENARIOS.map((s) => [s.id]))("%s: prepareEcsRun equals what the worker sent", (id) => {
    const c = capture(id);
    expect(modelSide(c).comparable).toEqual(workerSide(c));
  });
});
