import { describe, expect, it } from "vitest";
import { runChecks } from "../run-checks";
import { findings, messages, withDefaults } from "@/testing/checks";
import { instance, snapshot } from "@/testing/snapshot";

const rule = "ecs/burst-exceeds-capacity";
const ASG = [{ capacityProvider: "asg-main", weight: 1, base: 0 }];
// one m5.large with all of 4096 cpu / 7482 MiB free, in group "main" that may grow to 2 instances
const snap = () =>
  snapshot({
    containerInstances: [instance()],
    autoScalingGroups: [
      {
        name: "main",
        arn: "arn:aws:autoscaling:us-east-1:123456789012:autoScalingGroup:1:autoScalingGroupName/main",
        minSize: 0,
        maxSize: 2,
        desiredCapacity: 1,
        instanceCount: 1,
      },
    ],
  });
// a 1024 cpu / 2048 MiB task: 3 fit an instance (memory bound), so the cluster places 3 + 3
const template = () =>
  withDefaults({ launch_type: "EC2", capacity_provider_strategy: ASG, cpu: 1024, memory: 2048 });

describe("ecs/burst-exceeds-capacity", () => {
  it("warns when the pool's concurrency limit exceeds free capacity plus Auto Scaling headroom", () => {
    const result = runChecks({
      template: template(),
      mode: "hybrid",
      snapshot: snap(),
      concurrency: { pool: 10 },
    });
    expect(findings(result, rule)).toEqual([
      {
        rule,
        severity: "warning",
        document: "template",
        path: "/variables/properties/capacity_provider_strategy/default",
      },
    ]);
    expect(messages(result, rule)).toEqual([
      "A burst of 10 runs (the work pool's concurrency limit) of a task with 1024 cpu and 2048 MiB needs more than cluster \"demo\" can place: 6 (3 on the free capacity of 1 registered instance, 3 more when Auto Scaling scales out (main: 1 more instance up to max size 2, 3 tasks each)). The rest wait for capacity and may fail to start. Raise the groups' max size, lower the concurrency limit or make the task smaller.",
    ]);
  });

  it("uses the smaller of the deployment's and the pool's limit, and is quiet when it fits", () => {
    const result = runChecks({
      template: template(),
      mode: "hybrid",
      snapshot: snap(),
      concurrency: { pool: 10, deployment: 6 },
    });
    expect(findings(result, rule)).toEqual([]);
  });

  it("is quiet on Fargate and skipped without a concurrency limit", () => {
    expect(
      findings(
        runChecks({
          template: withDefaults({}),
          mode: "hybrid",
          snapshot: snap(),
          concurrency: { pool: 500 },
        }),
        rule,
      ),
    ).toEqual([]);
    const result = runChecks({ template: template(), mode: "hybrid", snapshot: snap() });
    expect(result.skipped.find((s) => s.rule === rule)?.reason).toBe(
      "needs a concurrency limit (the work pool's or the deployment's; --concurrency in the CLI)",
    );
  });
});
