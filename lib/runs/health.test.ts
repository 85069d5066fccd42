import { describe, expect, it } from "vitest";

import { healthSummary } from "./health";
import type { FlowRunStateType, PoolRun, RunDiagnosis } from "./types";

function run(stateType: FlowRunStateType, rules: string[] = []): PoolRun {
  return {
    flowRun: {
      id: "x",
      name: "x",
      stateType,
      stateName: stateType,
      stateMessage: null,
      deploymentId: null,
      deploymentName: null,
      flowName: null,
      expectedStartTime: null,
      startTime: null,
      endTime: null,
      infrastructurePid: null,
    },
    task: { kind: "not-ecs", raw: null },
    diagnoses: rules.map(
      (rule) => ({ rule, severity: "error", summary: "", message: "" }) as RunDiagnosis,
    ),
  };
}

describe("healthSummary", () => {
  it("says when there are no runs", () => {
    expect(healthSummary([])).toBe("No runs yet");
  });

  it("counts failures and names the most frequent diagnoses", () => {
    const runs = [
      run("FAILED", ["run/image-pull-failed"]),
      run("CRASHED", ["run/submission-crashed"]),
      run("FAILED", ["run/image-pull-failed"]),
      ...Array.from({ length: 17 }, () => run("COMPLETED")),
    ];
    expect(healthSummary(runs)).toBe(
      "3 of the last 20 runs failed: image pull, submission crashed",
    );
  });

  it("counts a failure without a diagnosis", () => {
    expect(healthSummary([run("FAILED"), run("COMPLETED")])).toBe("1 of the last 2 runs failed");
  });

  it("says all succeeded only when every run completed", () => {
    expect(healthSummary(Array.from({ length: 20 }, () => run("COMPLETED")))).toBe(
      "All of the last 20 runs succeeded",
    );
    expect(healthSummary([run("COMPLETED")])).toBe("The last run succeeded");
    expect(healthSummary([run("COMPLETED"), run("RUNNING"), run("SCHEDULED")])).toBe(
      "None of the last 3 runs failed; 2 have not finished",
    );
  });
});
