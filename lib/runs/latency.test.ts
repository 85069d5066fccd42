/**
 * Per-deployment and per-provider start latency, and the advice drawn from it, on DescribeTasks
 * shapes from the Amazon ECS API reference (testing/run-timings.ts): the ECS emulator returns no
 * task timestamps, so these figures cannot come from it.
 */
import { describe, expect, it } from "vitest";

import {
  ACCOUNT,
  DIGEST_A,
  INSTANCE_1,
  INSTANCE_2,
  awsTask,
  ec2Task,
  fargateTask,
  found,
  run,
} from "@/testing/run-timings";
import { asgProvider, emptySnapshot, fargateProvider, instance } from "@/testing/snapshot";

import { measuredStart, startLatency, spread } from "./latency";
import { latencyAdvice } from "./latency-advice";

const INSTANCE_3 = `${ACCOUNT}:container-instance/prod/0d1c2b3a4f5e6d7c8b9a0f1e2d3c4b5a`;
const INSTANCE_4 = `${ACCOUNT}:container-instance/prod/6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d`;

/** Scheduled `submitMs` before the task's creation. */
const scheduled = (created: string, submitMs: number) =>
  new Date(Date.parse(created) - submitMs).toISOString();

/**
 * Deployment "nightly" ran 4 times on the EC2 provider general-asg (two pulls under a second, two
 * full pulls) and twice on FARGATE; "hourly" once on FARGATE; one run's task is gone. Newest first.
 */
function world() {
  const ec2 = (id: string, created: string, submit: number, pull: number, instance: string) =>
    run(id, scheduled(created, submit), found(ec2Task(id, created, pull, instance), "m5.large"));
  const fargate = (
    id: string,
    created: string,
    submit: number,
    prov: number,
    pull: number,
    d = "nightly",
  ) => run(id, scheduled(created, submit), found(fargateTask(id, created, prov, pull)), d);
  return [
    ec2("e4", "2026-12-06T08:00:00Z", 8_000, 400, INSTANCE_2),
    fargate("h1", "2026-12-06T07:30:00Z", 1_000, 10_000, 20_000, "hourly"),
    ec2("e3", "2026-12-06T07:00:00Z", 6_000, 40_000, INSTANCE_2),
    fargate("f2", "2026-12-06T06:30:00Z", 5_000, 20_000, 50_000),
    ec2("e2", "2026-12-06T06:00:00Z", 4_000, 200, INSTANCE_1),
    fargate("f1", "2026-12-06T05:30:00Z", 3_000, 30_000, 40_000),
    ec2("e1", "2026-12-06T05:00:00Z", 2_000, 38_000, INSTANCE_1),
    run("g1", "2026-12-06T04:00:00Z", { kind: "gone", cluster: "prod", taskArn: "x" }),
  ];
}

describe("spread", () => {
  it("gives the median (mean of the middle two) and the nearest-rank p95 of the known values", () => {
    expect(spread([3, null, 1, 2])).toEqual({ count: 3, median: 2, p95: 3 });
    expect(spread([4, 1, 3, 2])).toEqual({ count: 4, median: 2.5, p95: 4 });
    const hundred = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(spread(hundred)).toEqual({ count: 100, median: 50.5, p95: 95 });
    expect(spread([null])).toEqual({ count: 0, median: null, p95: null });
  });
});

describe("startLatency", () => {
  it("puts a deployment's EC2 and Fargate runs side by side with each phase's median and p95", () => {
    const l = startLatency(world(), 20);
    expect(l.withoutTask).toBe(1);
    expect(l.byDeployment.map((d) => [d.deployment, d.groups.map((g) => g.where)])).toEqual([
      ["hourly", ["FARGATE"]],
      ["nightly", ["FARGATE", "general-asg"]],
    ]);
    const [fargate, ec2] = l.byDeployment[1]!.groups;
    expect(ec2).toEqual({
      deployment: "nightly",
      where: "general-asg",
      launchType: "EC2",
      runs: 4,
      phases: {
        submission: { count: 4, median: 5_000, p95: 8_000 },
        provisioning: { count: 4, median: 2_000, p95: 2_000 },
        pull: { count: 4, median: 19_200, p95: 40_000 },
        containerStart: { count: 4, median: 1_500, p95: 1_500 },
      },
      total: { count: 4, median: 27_700, p95: 49_500 },
      cacheKnown: 4,
      cacheHits: 2,
    });
    expect(fargate).toMatchObject({
      where: "FARGATE",
      launchType: "FARGATE",
      runs: 2,
      phases: {
        provisioning: { count: 2, median: 25_000, p95: 30_000 },
        pull: { count: 2, median: 45_000, p95: 50_000 },
      },
      cacheKnown: 0,
      cacheHits: 0,
    });
    expect(l.byProvider.map((g) => [g.where, g.runs, g.deployment])).toEqual([
      ["FARGATE", 3, null],
      ["general-asg", 4, null],
    ]);
  });

  it("covers only the newest N runs", () => {
    const l = startLatency(world(), 3);
    expect(l.runs.map((r) => r.flowRunId)).toEqual(["e4", "h1", "e3"]);
    expect(l.byProvider.map((g) => [g.where, g.runs])).toEqual([
      ["FARGATE", 1],
      ["general-asg", 2],
    ]);
  });
});

describe("measuredStart", () => {
  it("gives scheduled → RunTask and scheduled → started over runs of any pools", () => {
    expect(measuredStart(world())).toEqual({
      runs: 8,
      submission: { count: 7, median: 4_000, p95: 8_000 },
      total: { count: 7, median: 43_500, p95: 76_000 },
    });
  });
});

describe("latencyAdvice", () => {
  const asgArn =
    "arn:aws:autoscaling:us-east-1:123456789012:autoScalingGroup:1:autoScalingGroupName/general-asg-group";
  const snapshot = (minSize: number) =>
    emptySnapshot({
      capacityProviders: [
        fargateProvider("FARGATE"),
        asgProvider("general-asg", { autoScalingGroupArn: asgArn }),
      ],
      autoScalingGroups: [
        {
          name: "general-asg-group",
          arn: asgArn,
          minSize,
          maxSize: 4,
          desiredCapacity: 1,
          instanceCount: 1,
        },
      ],
    });

  it("names an Auto Scaling provider with minimum size 0, with its cache-hit rate and pull", () => {
    const advice = latencyAdvice(startLatency(world()), "ecs", [snapshot(0)]);
    expect(advice.map((a) => a.id)).toEqual([
      "latency/asg-min-size-zero",
      "latency/submission-delay",
    ]);
    expect(advice[0]).toMatchObject({
      title: "general-asg scales to zero instances when idle",
      figure:
        "minimum size 0 (1 instance now); 4 of the last 8 runs ran on its instances; cache-hit rate 2 of 4 (50%); median image pull 19.2 s",
    });
    expect(advice[0]!.message).toContain(
      "The Auto Scaling group general-asg-group behind capacity provider general-asg (cluster demo) has minimum size 0",
    );
    // a group that keeps an instance is not advised about
    expect(latencyAdvice(startLatency(world()), "ecs", [snapshot(1)]).map((a) => a.id)).toEqual([
      "latency/submission-delay",
    ]);
  });

  it("counts launch type EC2 runs on the instances of a provider whose group has minimum size 0", () => {
    const onInstance = emptySnapshot({
      ...snapshot(0),
      containerInstances: [instance({ arn: INSTANCE_1, capacityProviderName: "general-asg" })],
    });
    const runs = [
      run(
        "e1",
        null,
        found(
          ec2Task("e1", "2026-12-06T05:00:00Z", 800, INSTANCE_1, DIGEST_A, {
            capacityProviderName: undefined,
          }),
        ),
      ),
      run(
        "e2",
        null,
        found(
          ec2Task("e2", "2026-12-06T06:00:00Z", 30_000, INSTANCE_2, DIGEST_A, {
            capacityProviderName: undefined,
          }),
        ),
      ),
    ];
    expect(latencyAdvice(startLatency(runs), "ecs", [onInstance])).toEqual([
      expect.objectContaining({
        id: "latency/asg-min-size-zero",
        figure:
          "minimum size 0 (1 instance now); 1 of the last 2 runs ran on its instances; cache-hit rate 1 of 1 (100%); median image pull 800 ms",
      }),
    ]);
  });

  it("compares a hybrid pool's submission delay with the worker's poll interval", () => {
    const [submission] = latencyAdvice(startLatency(world()), "ecs");
    expect(submission).toMatchObject({
      id: "latency/submission-delay",
      title: "The worker submits runs within its poll interval",
      figure: "median 4.0 s, p95 8.0 s over 7 runs; a worker polls every 10 s by default",
    });
    const late = world().map((r) =>
      r.flowRun.expectedStartTime
        ? {
            ...r,
            flowRun: {
              ...r.flowRun,
              expectedStartTime: new Date(
                Date.parse(r.flowRun.expectedStartTime) - 30_000,
              ).toISOString(),
            },
          }
        : r,
    );
    expect(latencyAdvice(startLatency(late), "ecs")[0]).toMatchObject({
      title: "Runs wait longer than a poll interval for the worker",
      figure: "median 34.0 s, p95 38.0 s over 7 runs; a worker polls every 10 s by default",
    });
    expect(latencyAdvice(startLatency(world()), "ecs:push")[0]).toMatchObject({
      title: "Prefect submits this push pool's runs itself",
      figure: "median 4.0 s, p95 8.0 s over 7 runs; a worker polls every 10 s by default",
    });
  });

  it("notices EC2 runs that landed on a new instance every time, and not when one was reused", () => {
    const runs = [INSTANCE_1, INSTANCE_2, INSTANCE_3, INSTANCE_4].map((instance, i) =>
      run(
        `e${i}`,
        null,
        found(ec2Task(`e${i}`, `2026-12-06T0${5 + i}:00:00Z`, 30_000 + i, instance)),
      ),
    );
    const advice = latencyAdvice(startLatency(runs), "ecs");
    expect(advice).toEqual([
      expect.objectContaining({
        id: "latency/fresh-instance-every-run",
        title: "Every run on general-asg landed on a different instance",
        figure: "4 runs on 4 instances; cache-hit rate 0 of 4 (0%)",
      }),
    ]);
    const reused = [
      ...runs.slice(0, 3),
      run("e9", null, found(ec2Task("e9", "2026-12-06T09:00:00Z", 300, INSTANCE_1))),
    ];
    expect(latencyAdvice(startLatency(reused), "ecs")).toEqual([]);
  });

  it("notices an image whose tag changes with every version, and not a tag reused", () => {
    const tagged = (id: string, tag: string) =>
      run(
        id,
        null,
        found(
          awsTask(id, {
            launchType: "FARGATE",
            containers: [
              {
                name: "prefect",
                image: `registry.example.com:5000/team/flows:${tag}`,
                imageDigest: DIGEST_A,
              },
            ],
          }),
        ),
      );
    const advice = latencyAdvice(
      startLatency([
        tagged("a", "3f9c2e1"),
        tagged("b", "8d0a4b7"),
        tagged("c", "c51e9f0"),
        tagged("d", "c51e9f0"),
      ]),
      "ecs",
    );
    expect(advice).toEqual([
      expect.objectContaining({
        id: "latency/image-tag-per-version",
        title: "The image registry.example.com:5000/team/flows changes tag with every version",
        figure: "3 tags in 4 runs",
      }),
    ]);
    const steady = ["prod", "prod", "v2", "prod", "prod", "v3", "prod"].map((tag, i) =>
      tagged(`s${i}`, tag),
    );
    expect(latencyAdvice(startLatency(steady), "ecs")).toEqual([]);
  });
});
