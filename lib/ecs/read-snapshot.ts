import "server-only";

import type { ClusterSnapshot } from "@/lib/snapshot/schema";
import { defaultRegion } from "./context";
import {
  getClusterSnapshot,
  type ReadOptions,
  type SectionStatus,
  type SnapshotSection,
} from "./snapshot";
import { errorMessage } from "@/lib/template/error-message";

/** A cluster's snapshot (with the status of each section), or the sentence why it could not be read. */
export type SnapshotOrProblem =
  | { snapshot: ClusterSnapshot; sections?: Record<SnapshotSection, SectionStatus> }
  | { problem: string };

/** Reads a cluster's snapshot, or says in a sentence why it could not. */
export type SnapshotReader = (cluster: string) => Promise<SnapshotOrProblem>;

/**
 * One cluster's snapshot (the configured region unless given). AWS failures, including a throw,
 * come back as `problem`: the message of the failed DescribeClusters call, never a throw.
 */
export async function readSnapshot(
  args: { cluster: string; region?: string; describeFamilies?: readonly string[] },
  opts: ReadOptions = {},
): Promise<SnapshotOrProblem> {
  const region = args.region ?? defaultRegion();
  try {
    const result = await getClusterSnapshot({ ...args, region }, opts);
    if (result.snapshot) return { snapshot: result.snapshot, sections: result.sections };
    return {
      problem:
        result.sections.cluster.error?.message ??
        `Cluster ${args.cluster} in ${region} could not be read.`,
    };
  } catch (error) {
    return { problem: errorMessage(error) };
  }
}

/** readSnapshot of the configured region, as the push verdicts call it. */
export const readClusterSnapshot: SnapshotReader = (cluster) => readSnapshot({ cluster });
