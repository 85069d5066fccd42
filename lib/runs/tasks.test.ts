import { afterEach, describe, expect, it, vi } from "vitest";

import { awsError, mockedContext } from "@/testing/ecs-mock";

import { lookupTasks, parseInfrastructurePid } from "./tasks";

const arn = (cluster: string, i: number) =>
  `arn:aws:ecs:us-east-1:123456789012:task/${cluster}/${i.toString(16).padStart(32, "0")}`;

describe("parseInfrastructurePid", () => {
  it("splits prefect-aws's <cluster>::<task ARN> once and reads the region from the ARN", () => {
    expect(parseInfrastructurePid(`prod::${arn("prod", 1)}`)).toEqual({
      cluster: "prod",
      taskArn: arn("prod", 1),
      region: "us-east-1",
    });
    const clusterArn = "arn:aws:ecs:eu-west-1:123456789012:cluster/prod";
    const taskArn = "arn:aws:ecs:eu-west-1:123456789012:task/prod/abc";
    expect(parseInfrastructurePid(`${clusterArn}::${taskArn}`)).toEqual({
      cluster: clusterArn,
      taskArn,
      region: "eu-west-1",
    });
  });

  it("refuses anything else", () => {
    for (const pid of [
      null,
      "",
      "12345",
      "prod:arn:aws:ecs:us-east-1:1:task/x",
      `::${arn("p", 1)}`,
      "prod::not-an-arn",
    ]) {
      expect(parseInfrastructurePid(pid)).toBeNull();
    }
  });
});

describe("lookupTasks", () => {
  // DescribeTasks response shapes: https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_DescribeTasks.html
  it("asks ≤ 100 tasks per call per cluster; MISSING tasks are gone, odd pids not-ecs", async () => {
    const m = mockedContext((operation, input) => {
      expect(operation).toBe("DescribeTasks");
      const tasks = input.tasks as string[];
      return {
        tasks: tasks
          .filter((t) => !t.endsWith("7"))
          .map((taskArn) => ({
            taskArn,
            lastStatus: "STOPPED",
            stoppedReason: "Task stopped by user",
          })),
        failures: tasks.filter((t) => t.endsWith("7")).map((t) => ({ arn: t, reason: "MISSING" })),
      };
    });
    const pids = [
      ...Array.from({ length: 250 }, (_, i) => `a::${arn("a", i)}`),
      ...Array.from({ length: 100 }, (_, i) => `b::${arn("b", i)}`),
      "12345",
      null,
    ];
    const out = await lookupTasks(m.ctx, pids);
    expect(m.calls.map((c) => [c.input.cluster, (c.input.tasks as string[]).length])).toEqual([
      ["a", 100],
      ["a", 100],
      ["a", 50],
      ["b", 100],
    ]);
    expect(out.problems).toEqual([]);
    expect(out.byPid.get(`a::${arn("a", 0)}`)).toMatchObject({
      kind: "found",
      task: { cluster: "a", lastStatus: "STOPPED", stoppedReason: "Task stopped by user" },
    });
    expect(out.byPid.get(`a::${arn("a", 7)}`)).toEqual({
      kind: "gone",
      cluster: "a",
      taskArn: arn("a", 7),
    });
    expect(out.byPid.get("12345")).toEqual({ kind: "not-ecs", raw: "12345" });
  });

  it("AccessDenied on one cluster names ecs:DescribeTasks for its tasks only", async () => {
    const m = mockedContext((_op, input) => {
      if (input.cluster === "locked") {
        throw awsError(
          "AccessDeniedException",
          "User: arn:aws:iam::123456789012:user/pooldeck is not authorized to perform: ecs:DescribeTasks",
        );
      }
      return { tasks: (input.tasks as string[]).map((taskArn) => ({ taskArn })), failures: [] };
    });
    const out = await lookupTasks(m.ctx, [
      `locked::${arn("locked", 1)}`,
      `open::${arn("open", 1)}`,
    ]);
    const message =
      "Access denied: the dashboard's IAM identity is missing ecs:DescribeTasks. Add it to the policy (see docs/iam-policy.json).";
    expect(out.problems).toEqual([message]);
    expect(out.byPid.get(`locked::${arn("locked", 1)}`)).toEqual({
      kind: "unavailable",
      cluster: "locked",
      taskArn: arn("locked", 1),
      message,
    });
    expect(out.byPid.get(`open::${arn("open", 1)}`)?.kind).toBe("found");
  });

  // ContainerInstance shape: https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerInstance.html
  // (the instance type is the ecs.instance-type attribute of the instance, not of the task)
  it("names the instance type an EC2 task ran on, one DescribeContainerInstances per cluster", async () => {
    const instanceArn = "arn:aws:ecs:us-east-1:123456789012:container-instance/a/i1";
    const m = mockedContext((operation, input) => {
      if (operation === "DescribeTasks") {
        return {
          tasks: (input.tasks as string[]).map((taskArn, i) => ({
            taskArn,
            launchType: i === 0 ? "EC2" : "FARGATE",
            containerInstanceArn: i === 0 ? instanceArn : undefined,
          })),
          failures: [],
        };
      }
      expect(input).toEqual({ cluster: "a", containerInstances: [instanceArn] });
      return {
        containerInstances: [
          {
            containerInstanceArn: instanceArn,
            ec2InstanceId: "i-0abc",
            status: "ACTIVE",
            capacityProviderName: "general-asg",
            attributes: [{ name: "ecs.instance-type", value: "m5.large" }],
          },
        ],
        failures: [],
      };
    });
    const out = await lookupTasks(m.ctx, [`a::${arn("a", 1)}`, `a::${arn("a", 2)}`]);
    expect(m.calls.map((c) => c.operation)).toEqual([
      "DescribeTasks",
      "DescribeContainerInstances",
    ]);
    expect(out.byPid.get(`a::${arn("a", 1)}`)).toMatchObject({
      kind: "found",
      // launchType EC2: the instance's provider did not place it, so no provider is named
      task: { launchType: "EC2", instanceType: "m5.large", capacityProviderName: null },
    });
    expect(out.byPid.get(`a::${arn("a", 2)}`)).toMatchObject({
      kind: "found",
      task: { launchType: "FARGATE", instanceType: null, capacityProviderName: null },
    });
  });

  describe("kept in the context's cache", () => {
    afterEach(() => vi.useRealTimers());

    const instanceArn = "arn:aws:ecs:us-east-1:123456789012:container-instance/a/i1";
    const world = () =>
      mockedContext((operation, input) =>
        operation === "DescribeTasks"
          ? {
              tasks: (input.tasks as string[]).map((taskArn) => ({
                taskArn,
                lastStatus: "RUNNING",
                containerInstanceArn: instanceArn,
              })),
              failures: [],
            }
          : {
              containerInstances: [
                {
                  containerInstanceArn: instanceArn,
                  ec2InstanceId: "i-0abc",
                  attributes: [{ name: "ecs.instance-type", value: "m5.large" }],
                },
              ],
              failures: [],
            },
      );
    const pids = [`a::${arn("a", 1)}`, `a::${arn("a", 2)}`, `b::${arn("b", 1)}`];

    it("many views of the same runs within 15 s cost one call per cluster and operation", async () => {
      vi.useFakeTimers();
      const m = world();
      // 50 users at once, then again just before the TTL ends; the same set in another order too
      await Promise.all(Array.from({ length: 50 }, () => lookupTasks(m.ctx, pids)));
      vi.advanceTimersByTime(14_999);
      const later = await lookupTasks(m.ctx, [...pids].reverse());
      expect(m.byOperation()).toEqual({ DescribeContainerInstances: 2, DescribeTasks: 2 });
      expect(later.byPid.get(`b::${arn("b", 1)}`)).toMatchObject({
        kind: "found",
        task: { cluster: "b", lastStatus: "RUNNING", instanceType: "m5.large" },
      });

      // after the TTL the tasks are read again; another set of tasks is its own DescribeTasks,
      // while the instance it ran on was just read
      vi.advanceTimersByTime(1);
      await lookupTasks(m.ctx, pids);
      expect(m.byOperation()).toEqual({ DescribeContainerInstances: 4, DescribeTasks: 4 });
      await lookupTasks(m.ctx, [`a::${arn("a", 1)}`]);
      expect(m.byOperation()).toEqual({ DescribeContainerInstances: 4, DescribeTasks: 5 });
    });

    it("does not keep a failed read: the next view asks again", async () => {
      let calls = 0;
      const m = mockedContext(
        (_operation, input) => {
          if (++calls === 1) throw awsError("ThrottlingException", "Rate exceeded");
          return { tasks: (input.tasks as string[]).map((taskArn) => ({ taskArn })), failures: [] };
        },
        { retries: 0 },
      );
      const first = await lookupTasks(m.ctx, [`a::${arn("a", 1)}`]);
      expect(first.byPid.get(`a::${arn("a", 1)}`)?.kind).toBe("unavailable");
      const second = await lookupTasks(m.ctx, [`a::${arn("a", 1)}`]);
      expect(second.byPid.get(`a::${arn("a", 1)}`)?.kind).toBe("found");
      expect(m.count("DescribeTasks")).toBe(2);
    });
  });
});
