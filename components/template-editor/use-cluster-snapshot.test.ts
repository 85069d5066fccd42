import { describe, expect, it } from "vitest";
import { seededDemoCluster } from "@/testing/seeded-clusters";
import { presetSnapshotState } from "./use-cluster-snapshot";

const idle = { snapshot: undefined, problem: undefined, error: undefined, loading: false };

describe("presetSnapshotState", () => {
  it("a cluster just picked counts as loading before its read starts (the read is debounced)", () => {
    const held = { ...idle, snapshot: seededDemoCluster, cluster: "demo-cluster" };
    expect(presetSnapshotState("fargate-cluster", held, true)).toEqual({
      kind: "loading",
      cluster: "fargate-cluster",
    });
    // without a loader the editor cannot read it at all
    expect(presetSnapshotState("fargate-cluster", held, false)).toEqual({ kind: "none" });
  });

  it("loading, loaded, and the default cluster that could not be read", () => {
    expect(
      presetSnapshotState(
        "demo-cluster",
        { ...idle, loading: true, cluster: "demo-cluster" },
        true,
      ),
    ).toEqual({ kind: "loading", cluster: "demo-cluster" });
    expect(
      presetSnapshotState(
        "demo-cluster",
        { ...idle, snapshot: seededDemoCluster, cluster: "demo-cluster" },
        true,
      ),
    ).toEqual({ kind: "loaded", snapshot: seededDemoCluster });
    expect(
      presetSnapshotState(
        "",
        { ...idle, problem: "No snapshot of cluster default …", error: "MISSING", cluster: "" },
        true,
      ),
    ).toEqual({ kind: "none" });
  });

  it("a named cluster that could not be read fails with the bare reason", () => {
    expect(
      presetSnapshotState(
        "demo-cluster",
        {
          ...idle,
          problem:
            "No cluster snapshot for demo-cluster: Access denied. Cluster-aware checks are skipped.",
          error: "Access denied.",
          cluster: "demo-cluster",
        },
        true,
      ),
    ).toEqual({ kind: "failed", cluster: "demo-cluster", error: "Access denied." });
  });
});
