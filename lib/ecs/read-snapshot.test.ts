import { describe, expect, it } from "vitest";

import { fakeWorld } from "@/testing/ecs-fake-world";
import { readSnapshot } from "./read-snapshot";
import { mockedContext } from "@/testing/ecs-mock";

describe("readSnapshot", () => {
  it("gives the snapshot of a readable cluster", async () => {
    const world = fakeWorld({ instances: 2, providers: 1, families: 1 });
    const m = mockedContext(world.handler);
    const read = await readSnapshot({ region: "us-east-1", cluster: "big" }, { ctx: m.ctx });
    expect("snapshot" in read && read.snapshot.containerInstances.length).toBe(2);
  });

  it("says why an unknown cluster has no snapshot, in DescribeClusters' words", async () => {
    const world = fakeWorld({ instances: 0, providers: 0, families: 0 });
    const m = mockedContext(world.handler);
    const read = await readSnapshot({ region: "us-east-1", cluster: "ghost" }, { ctx: m.ctx });
    expect(read).toEqual({
      problem:
        'Cluster "ghost" was not found in us-east-1 (MISSING). Check the name and the region.',
    });
  });
});
