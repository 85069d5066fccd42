/**
 * Phase arithmetic and cache-hit inference on DescribeTasks response shapes from the Amazon ECS API
 * reference (the Task and Container data types: createdAt, pullStartedAt, pullStoppedAt, startedAt,
 * launchType, capacityProviderName, containerInstanceArn, containers[].image and imageDigest).
 * The ECS emulator (moto) returns none of the task timestamps nor an image digest, so these shapes
 * are written here as AWS documents them and mapped with the same toRunTask the runs pages use.
 */
import { describe, expect, it } from "vitest";

import {
  ACCOUNT,
  DIGEST_A,
  DIGEST_B,
  INSTANCE_1,
  INSTANCE_2,
  at,
  awsTask,
  ec2Task,
  found,
  run,
} from "@/testing/run-timings";

import { formatDuration, formatLatency, runTimings, timingsOf } from "./timings";

describe("runTimings", () => {
  it("splits a Fargate start into its four phases, exactly", () => {
    const t = runTimings(
      run(
        "f1",
        "2026-12-06T05:00:00.000Z",
        found(
          awsTask("f1", {
            launchType: "FARGATE",
            capacityProviderName: "FARGATE_SPOT",
            createdAt: at("2026-12-06T05:00:04.250Z"),
            pullStartedAt: at("2026-12-06T05:00:31.000Z"),
            pullStoppedAt: at("2026-12-06T05:01:12.400Z"),
            startedAt: at("2026-12-06T05:01:15.000Z"),
          }),
        ),
      ),
    );
    expect(t.phases).toEqual({
      submission: 4_250,
      provisioning: 26_750,
      pull: 41_400,
      containerStart: 2_600,
    });
    expect(t.totalMs).toBe(75_000);
    expect(t.missing).toEqual([]);
    expect(t.group).toBe("FARGATE_SPOT");
    expect(t.placement).toEqual({
      capacityProvider: "FARGATE_SPOT",
      launchType: "FARGATE",
      instanceType: null,
      containerInstanceArn: null,
      ec2InstanceId: null,
    });
    // Fargate keeps no image between tasks: a cache hit is not a question there
    expect(t.cacheHit).toBeNull();
    expect(t.imageDigest).toBe(DIGEST_A);
    expect(t.image).toBe("123456789012.dkr.ecr.us-east-1.amazonaws.com/flows:2026-12-01");
  });

  it("calls an EC2 pull under one second a cache hit, and one of a second or more a miss", () => {
    const hit = runTimings(
      run(
        "e1",
        null,
        found(ec2Task("e1", "2026-12-06T05:00:00.000Z", 999, INSTANCE_1), "m5.large"),
      ),
    );
    const miss = runTimings(
      run("e2", null, found(ec2Task("e2", "2026-12-06T05:00:00.000Z", 1_000, INSTANCE_1))),
    );
    expect([hit.phases.pull, hit.cacheHit]).toEqual([999, true]);
    expect([miss.phases.pull, miss.cacheHit]).toEqual([1_000, false]);
    expect(hit.group).toBe("general-asg");
    expect(hit.placement?.instanceType).toBe("m5.large");
    expect(hit.placement?.ec2InstanceId).toBe("i-0a1b2c3d");
  });

  it("shows the phases known so far for a task still provisioning, naming the missing timestamps", () => {
    const t = runTimings(
      run(
        "p1",
        "2026-12-06T05:00:00.000Z",
        found(
          awsTask("p1", {
            lastStatus: "PROVISIONING",
            desiredStatus: "RUNNING",
            launchType: "EC2",
            capacityProviderName: "general-asg",
            createdAt: at("2026-12-06T05:00:12.000Z"),
          }),
        ),
      ),
    );
    expect(t.phases).toEqual({
      submission: 12_000,
      provisioning: null,
      pull: null,
      containerStart: null,
    });
    expect(t.missing).toEqual([
      { phase: "provisioning", fields: ["pullStartedAt"] },
      { phase: "pull", fields: ["pullStartedAt", "pullStoppedAt"] },
      { phase: "containerStart", fields: ["pullStoppedAt", "startedAt"] },
    ]);
    expect(t.totalMs).toBeNull();
    // an EC2 task without pull timestamps is neither a hit nor a miss
    expect(t.cacheHit).toBeNull();
  });

  it("infers nothing for a run whose task ECS no longer returns", () => {
    const t = runTimings(
      run("g1", "2026-12-06T05:00:00.000Z", {
        kind: "gone",
        cluster: "prod",
        taskArn: `${ACCOUNT}:task/prod/g1`,
      }),
    );
    expect(t.phases).toEqual({
      submission: null,
      provisioning: null,
      pull: null,
      containerStart: null,
    });
    expect(t.missing[0]).toEqual({ phase: "submission", fields: ["createdAt"] });
    expect([t.placement, t.group, t.cacheHit, t.sameImageOnInstanceBefore]).toEqual([
      null,
      null,
      null,
      null,
    ]);
  });

  it("keeps a task created before the scheduled start (a worker prefetches) as a negative submission", () => {
    const t = runTimings(
      run(
        "n1",
        "2026-12-06T05:00:10.000Z",
        found(awsTask("n1", { launchType: "FARGATE", createdAt: at("2026-12-06T05:00:02.500Z") })),
      ),
    );
    expect(t.phases.submission).toBe(-7_500);
    expect(formatLatency(t.phases.submission)).toBe("−7.5 s");
  });
});

describe("timingsOf: the same image on the same instance before", () => {
  it("answers by task creation order across the runs, per instance and digest", () => {
    // newest first, as the runs page lists them
    const runs = [
      run("r4", null, found(ec2Task("r4", "2026-12-06T08:00:00Z", 300, INSTANCE_2))),
      run("r3", null, found(ec2Task("r3", "2026-12-06T07:00:00Z", 40_000, INSTANCE_1, DIGEST_B))),
      run("r2", null, found(ec2Task("r2", "2026-12-06T06:00:00Z", 250, INSTANCE_1))),
      run("r1", null, found(ec2Task("r1", "2026-12-06T05:00:00Z", 38_000, INSTANCE_1))),
    ];
    expect(
      timingsOf(runs).map((t) => [t.flowRunId, t.sameImageOnInstanceBefore, t.cacheHit]),
    ).toEqual([
      ["r4", false, true],
      ["r3", false, false],
      ["r2", true, true],
      ["r1", false, false],
    ]);
  });

  it("leaves it unknown without an instance or a digest (the emulator gives no digest)", () => {
    const noDigest = awsTask("x1", {
      launchType: "EC2",
      containerInstanceArn: INSTANCE_1,
      containers: [{ name: "prefect", image: "flows:1" }],
      createdAt: at("2026-12-06T05:00:00Z"),
    });
    const fargate = awsTask("x2", { launchType: "FARGATE", createdAt: at("2026-12-06T05:00:00Z") });
    expect(
      timingsOf([run("x1", null, found(noDigest)), run("x2", null, found(fargate))]).map(
        (t) => t.sameImageOnInstanceBefore,
      ),
    ).toEqual([null, null]);
  });
});

describe("formatLatency", () => {
  it("words milliseconds, seconds with a tenth, and minutes", () => {
    expect([0, 850, 1_000, 4_249, 59_949, 60_000, 185_000, null].map(formatLatency)).toEqual([
      "0 ms",
      "850 ms",
      "1.0 s",
      "4.2 s",
      "59.9 s",
      "1 min",
      "3 min 5 s",
      "—",
    ]);
  });
});

describe("formatDuration", () => {
  it("words the time between two timestamps to the second, and — where one is missing or they run backwards", () => {
    const from = "2026-12-06T05:00:00.000Z";
    const to = [
      "2026-12-06T05:00:00.850Z",
      "2026-12-06T05:00:42.000Z",
      "2026-12-06T05:03:05.000Z",
      "2026-12-06T05:04:00.000Z",
      "2026-12-06T07:04:00.000Z",
      "2026-12-06T07:00:00.000Z",
      "2026-12-06T04:59:59.000Z",
    ];
    expect(to.map((t) => formatDuration(from, t))).toEqual([
      "850 ms",
      "42 s",
      "3 min 5 s",
      "4 min",
      "2 h 4 min",
      "2 h",
      "—",
    ]);
    expect(formatDuration(null, from)).toBe("—");
    expect(formatDuration(from, null)).toBe("—");
  });
});
