/**
 * The same comparison as ground-truth.int.test.ts, against the worker requests saved in
 * captured/ (scripts/ground-truth/capture.ts), so the template model can be checked without a
 * stack. The live test stays the real proof; these fixtures are a recording of it.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { modelSide, workerSide } from "./compare";
import type { Capture } from "./harness";
import { SCENARIOS } from "./scenarios";

const dir = path.join(import.meta.dirname, "captured");
const files = readdirSync(dir).filter((f) => f.endsWith(".json"));
const load = (id: string) =>
  JSON.parse(readFileSync(path.join(dir, `${id}.json`), "utf8")) as Capture;

describe("ground truth fixtures (recorded from the real worker)", () => {
  it("has one recording per scenario", () => {
    expect(files.map((f) => f.replace(/\.json$/, "")).sort()).toEqual(
      SCENARIOS.map((s) => s.id).sort(),
    );
  });

  it.each(SCENARIOS.map((s) => [s.id]))(
    "%s: prepareEcsRun equals the recorded worker requests",
    (id) => {
      const c = load(id);
      expect(modelSide(c).comparable).toEqual(workerSide(c));
    },
  );
});
