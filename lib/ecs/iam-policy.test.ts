import { readFileSync } from "node:fs";

import { describe, expect, it } from "vitest";

import { AUTOSCALING_READ_ACTIONS, ECS_OPERATIONS, ECS_READ_ACTIONS } from "./context";
import { fakeWorld } from "./fake-world";
import {
  countFamilyRevisions,
  describeTaskDefinitions,
  getClusterSnapshot,
  listClusters,
} from "./snapshot";
import { mockedContext } from "./test-helpers";

const policy = JSON.parse(
  readFileSync(new URL("../../docs/iam-policy.json", import.meta.url), "utf8"),
) as {
  Version: string;
  Statement: { Effect: string; Action: string[]; Resource: string }[];
};

describe("docs/iam-policy.json", () => {
  it("allows exactly the ECS and Auto Scaling actions the code calls, and only reads", () => {
    expect(policy.Version).toBe("2012-10-17");
    expect(policy.Statement).toHaveLength(2);
    const [ecs, autoscaling] = policy.Statement;
    for (const statement of policy.Statement) {
      expect(statement.Effect).toBe("Allow");
      expect(statement.Resource).toBe("*");
    }
    expect([...ecs!.Action].sort()).toEqual([...ECS_READ_ACTIONS].sort());
    expect(ecs!.Action).toContain("ecs:ListTaskDefinitions");
    expect(autoscaling!.Action).toEqual([...AUTOSCALING_READ_ACTIONS]);
    expect(AUTOSCALING_READ_ACTIONS).toEqual(["autoscaling:DescribeAutoScalingGroups"]);
    expect(
      policy.Statement.flatMap((s) => s.Action).every((a) =>
        /^(ecs|autoscaling):(List|Describe)[A-Za-z]+$/.test(a),
      ),
    ).toBe(true);
  });

  it("ECS_OPERATIONS is exactly what a full cluster page sends to AWS", async () => {
    const world = fakeWorld({ instances: 3, providers: 2, families: 3 });
    const m = mockedContext(world.handler);
    await listClusters("us-east-1", { ctx: m.ctx });
    await getClusterSnapshot({ region: "us-east-1", cluster: "big" }, { ctx: m.ctx });
    await describeTaskDefinitions("us-east-1", world.families, { ctx: m.ctx });
    await countFamilyRevisions("us-east-1", world.families[0]!, { ctx: m.ctx });
    expect(Object.keys(m.byOperation()).sort()).toEqual([...ECS_OPERATIONS].sort());
  });
});
