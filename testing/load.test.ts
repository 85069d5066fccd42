import { describe, expect, it } from "vitest";

import { awsActionOf, clusterOf, prefectActionOf } from "./counting-proxy";
import { maxInWindow, upstreamFigures } from "./load";
import { actionResultOf } from "./server-action";

describe("maxInWindow", () => {
  it("counts the most timestamps any 15 s window holds; a call exactly 15 s later starts a new window", () => {
    expect(maxInWindow([0, 15_000, 30_000], 15_000)).toBe(1);
    expect(maxInWindow([20_000, 0, 14_999, 29_000], 15_000)).toBe(3);
    expect(maxInWindow([], 15_000)).toBe(0);
  });
});

describe("what the counting proxy names a call", () => {
  it("takes the AWS action from X-Amz-Target or from a query-protocol body", () => {
    expect(awsActionOf("AmazonEC2ContainerServiceV20141113.DescribeClusters", "{}")).toBe(
      "DescribeClusters",
    );
    expect(awsActionOf(undefined, "Action=DescribeAutoScalingGroups&Version=2011-01-01")).toBe(
      "DescribeAutoScalingGroups",
    );
  });
  it("finds the one cluster a request names, by name or ARN, and none for several", () => {
    expect(clusterOf('{"cluster":"demo-cluster","maxResults":100}')).toBe("demo-cluster");
    expect(
      clusterOf('{"clusters":["arn:aws:ecs:us-east-1:123456789012:cluster/fargate-cluster"]}'),
    ).toBe("fargate-cluster");
    expect(clusterOf('{"clusters":["a","b"]}')).toBeNull();
    expect(clusterOf("Action=DescribeAutoScalingGroups")).toBeNull();
  });
  it("groups Prefect calls by route, with ids and pool names collapsed", () => {
    expect(prefectActionOf("GET", "/api/work_pools/demo-ecs")).toBe("GET /work_pools/{name}");
    expect(prefectActionOf("POST", "/api/work_pools/filter?x=1")).toBe("POST /work_pools/filter");
    expect(prefectActionOf("GET", "/api/deployments/0b5c2a8e-4f1d-4c1b-9a55-2f6c1c7d9e10")).toBe(
      "GET /deployments/{id}",
    );
  });
});

describe("upstreamFigures", () => {
  it("counts calls per minute by action and each cluster's reads in its busiest 15 s", () => {
    const call = (at: number, action: string, cluster: string | null) => ({
      at,
      action,
      cluster,
      status: 200,
    });
    const figures = upstreamFigures(
      [
        call(0, "DescribeClusters", "demo-cluster"),
        call(100, "ListContainerInstances", "demo-cluster"),
        call(16_000, "DescribeClusters", "demo-cluster"),
        call(17_000, "DescribeClusters", "fargate-cluster"),
        call(18_000, "DescribeClusters", "fargate-cluster"),
        call(20_000, "DescribeClusters", null),
      ],
      30_000,
    );
    expect(figures.callsPerMinute).toBe(12);
    expect(figures.byAction).toEqual([
      { action: "DescribeClusters", perMinute: 10 },
      { action: "ListContainerInstances", perMinute: 2 },
    ]);
    expect(figures.clusterReadsPer15s).toEqual([
      { cluster: "demo-cluster", reads: 1 },
      { cluster: "fargate-cluster", reads: 2 },
    ]);
  });
});

describe("actionResultOf", () => {
  it("reads a server action's return value from its RSC response", () => {
    const flight = '0:{"a":"$@1","f":"","b":"build-1"}\n1:{"ok":true,"data":{"version":3}}\n';
    expect(actionResultOf(flight)).toEqual({ ok: true, data: { version: 3 } });
  });
});
