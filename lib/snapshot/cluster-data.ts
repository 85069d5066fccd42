import type { ClusterSnapshot } from "./schema";

/** What the server read about the template's cluster: its snapshot or why not, and the region's clusters. */
export interface ClusterData {
  /** the cluster the server chose for the template (clusterOfTemplate); null when it names none */
  cluster?: string | null;
  snapshot?: ClusterSnapshot;
  snapshotProblem?: string;
  /** why the snapshot could not be read, as AWS or the server said it (without advice) */
  snapshotError?: string;
  clusters?: string[];
}
