import { describe, expect, it } from "vitest";

import type { PoolRun, RunTask } from "@/lib/runs/types";

import {
  editorHref,
  filterRuns,
  formatTime,
  parseLatencyWindow,
  parseRunFilters,
  taskDurations,
  taskStatus,
  whereItRan,
} from "./run-format";

// A stopped task as DescribeTasks returns it on real ECS (timestamps and stopCode per the Task
// data type in the Amazon ECS API reference); the emulator returns none of the timestamps.
const task: RunTask = {
  cluster: "prod",
  taskArn: "arn:aws:ecs:us-east-1:123456789012:task/prod/0f1e",
  lastStatus: "STOPPED",
  desiredStatus: "STOPPED",
  launchType: null,
  capacityProviderName: "general-asg",
  instanceType: "m5.large",
  containerInstanceArn: "arn:aws:ecs:us-east-1:123456789012:container-instance/prod/4d3b",
  ec2InstanceId: "i-0a1b2c3d4e5f60718",
  stopCode: "TaskFailedToStart",
  stoppedReason: "CannotPullContainerError: pull image manifest has been retried 5 time(s)",
  containers: [],
  taskDefinition: "prefect-etl:7",
  cpu: "1024",
  memory: "2048",
  createdAt: "2026-12-06T05:00:00.000Z",
  pullStartedAt: "2026-12-06T05:12:30.000Z",
  pullStoppedAt: "2026-12-06T05:13:00.000Z",
  startedAt: "2026-12-06T05:13:04.500Z",
  stoppingAt: "2026-12-06T07:17:04.500Z",
  stoppedAt: "2026-12-06T07:17:10.000Z",
};

function run(state: PoolRun["flowRun"]["stateType"], deployment: string, rule?: string): PoolRun {
  return {
    flowRun: {
      id: `${state}-${deployment}`,
      name: "r",
      stateType: state,
      stateName: state,
      stateMessage: null,
      deploymentId: null,
      deploymentName: deployment,
      flowName: null,
      expectedStartTime: null,
      startTime: null,
      endTime: null,
      infrastructurePid: null,
    },
    task: { kind: "not-ecs", raw: null },
    diagnoses: rule ? [{ rule, severity: "error", summary: "s", message: "m" }] : [],
  };
}

describe("run formatting", () => {
  it("words the task's phases and says — where ECS gives no timestamp", () => {
    expect(taskDurations(task, "2026-12-06T08:00:00Z")).toEqual({
      provisioning: "12 min 30 s",
      pending: "35 s",
      running: "2 h 4 min",
    });
    const emulator = { ...task, createdAt: null, pullStartedAt: null, startedAt: null };
    expect(taskDurations(emulator, "2026-12-06T08:00:00Z")).toEqual({
      provisioning: "—",
      pending: "—",
      running: "—",
    });
  });

  it("runs a started task that has not stopped until now", () => {
    const running = { ...task, lastStatus: "RUNNING", stoppingAt: null, stoppedAt: null };
    expect(taskDurations(running, "2026-12-06T05:14:04.500Z").running).toBe("1 min");
  });

  it("names where a task ran and its status", () => {
    expect(whereItRan(task)).toBe("general-asg · m5.large");
    expect(
      whereItRan({
        ...task,
        capacityProviderName: null,
        launchType: "FARGATE",
        instanceType: null,
      }),
    ).toBe("FARGATE");
    expect(whereItRan({ ...task, capacityProviderName: null, instanceType: null })).toBe("—");
    expect(taskStatus({ kind: "found", task: { ...task, lastStatus: "RUNNING" } })).toBe(
      "RUNNING → STOPPED",
    );
    expect(taskStatus({ kind: "not-ecs", raw: "12345" })).toBe("not an ECS task");
    expect(taskStatus({ kind: "gone", cluster: "c", taskArn: "a" })).toBe(
      "gone (ECS keeps stopped tasks about an hour)",
    );
  });

  it("filters by state, deployment and diagnosis from the URL", () => {
    const runs = [
      run("CRASHED", "etl", "run/image-pull-failed"),
      run("COMPLETED", "etl"),
      run("CRASHED", "report"),
    ];
    const f = parseRunFilters({ state: ["CRASHED", "FAILED"], deployment: "etl", diagnosis: "" });
    expect(f).toEqual({ state: "CRASHED", deployment: "etl" });
    expect(filterRuns(runs, f).map((r) => r.flowRun.id)).toEqual(["CRASHED-etl"]);
    expect(filterRuns(runs, { diagnosis: "run/image-pull-failed" })).toHaveLength(1);
    expect(filterRuns(runs, {})).toHaveLength(3);
  });

  it("links a diagnosis to the pool or deployment editor at its pointer", () => {
    expect(
      editorHref("ecs prod", { document: "template", path: "/variables/properties/image/default" }),
    ).toBe("/pools/ecs%20prod?at=%2Fvariables%2Fproperties%2Fimage%2Fdefault");
    expect(
      editorHref("p", { document: "job_variables", deploymentId: "d-1", path: "/memory" }),
    ).toBe("/pools/p?deployment=d-1&at=%2Fmemory");
  });

  it("prints timestamps in UTC", () => {
    expect(formatTime("2026-12-06T05:19:14.421337Z")).toBe("2026-12-06 05:19:14 UTC");
    expect(formatTime(null)).toBe("—");
  });
});

describe("parseLatencyWindow", () => {
  it("reads ?latency=N from 1 to 200, 20 without it, and says why when N cannot be used", () => {
    expect(parseLatencyWindow({})).toEqual({ n: 20 });
    expect(parseLatencyWindow({ latency: "50" })).toEqual({ n: 50 });
    expect(parseLatencyWindow({ latency: ["7", "9"] })).toEqual({ n: 7 });
    expect(parseLatencyWindow({ latency: "500" })).toEqual({
      n: 200,
      note: "The figures cover at most the last 200 runs (Prefect returns at most 200 at once); showing 200, not 500.",
    });
    expect(parseLatencyWindow({ latency: "ten" })).toEqual({
      n: 20,
      note: '"ten" is not a number of runs (a whole number from 1 to 200); showing the last 20.',
    });
  });
});
