import { describe, expect, it } from "vitest";

import { healthSummary, poolRunsLine } from "./health";
import type { FlowRunStateType, PoolRun, PoolRunsPage, RunDiagnosis } from "./types";

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

describe("poolRunsLine", () => {
  const now = "2026-12-07T04:00:00.000Z";
  const page = (over: Partial<PoolRunsPage>): PoolRunsPage => ({
    pool: "p",
    poolType: "ecs",
    runs: [run("COMPLETED"), run("CRASHED", ["run/image-pull-failed"])],
    workers: [],
    problems: [],
    ...over,
  });

  it("lists the workers with their status and the age of their last heartbeat", () => {
    const line = poolRunsLine(
      page({
        workers: [
          {
            name: "w1",
            status: "ONLINE",
            lastHeartbeat: "2026-12-07T03:59:18.000Z",
            heartbeatIntervalSeconds: 30,
          },
          { name: "w2", status: null, lastHeartbeat: null, heartbeatIntervalSeconds: null },
        ],
      }),
      now,
    );
    expect(line).toEqual({
      runs: "1 of the last 2 runs failed: image pull",
      workers: "Workers: w1 (online, last heartbeat 42 s ago), w2 (last heartbeat never)",
      workersMuted: false,
    });
  });

  it("says a hybrid pool's runs stay Late without a worker", () => {
    expect(poolRunsLine(page({ runs: [] }), now)).toEqual({
      runs: "No runs yet",
      workers: "Workers: none has polled this pool; its runs stay Late until one does.",
      workersMuted: false,
    });
  });

  it("says why there is no list: a push pool, or Prefect's refusal", () => {
    expect(poolRunsLine(page({ poolType: "ecs:push", workers: null }), now).workers).toBe(
      "Push pool: Prefect submits its runs, no worker.",
    );
    const refused = poolRunsLine(
      page({ workers: null, problems: [{ section: "workers", message: "Prefect answered 503" }] }),
      now,
    );
    expect(refused).toMatchObject({
      workers: "Workers could not be read: Prefect answered 503",
      workersMuted: true,
    });
    expect(poolRunsLine(page({ workers: null }), now).workers).toBe("Workers could not be read.");
  });
});
