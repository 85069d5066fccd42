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

  it("loading, loaded, and a template that names no cluster", () => {
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
        null,
        { ...idle, problem: "The template names no cluster…", cluster: null },
        true,
      ),
    ).toEqual({ kind: "none" });
  });

  it("before the browser knows the plan's cluster, the server's choice stands", () => {
    const served = { ...idle, snapshot: seededDemoCluster, cluster: "demo-cluster" };
    expect(presetSnapshotState(undefined, served, true)).toEqual({
      kind: "loaded",
      snapshot: seededDemoCluster,
    });
    // the server's cluster data is still streaming in
    expect(
      presetSnapshotState(undefined, { ...idle, loading: true, cluster: undefined }, true),
    ).toEqual({ kind: "loading", cluster: "the template's cluster" });
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
