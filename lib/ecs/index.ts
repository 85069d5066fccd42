import "server-only";

export {
  ECS_READ_ACTIONS,
  ECS_OPERATIONS,
  awsDeadlines,
  createEcsContext,
  defaultRegion,
  serverEcsContext,
  type EcsContext,
} from "./context";
export type { EcsError, EcsErrorKind, EcsResult } from "./errors";
export {
  describeTaskDefinitions,
  getClusterSnapshot,
  listClusters,
  type ClusterSnapshotResult,
  type SectionStatus,
  type SnapshotSection,
} from "./snapshot";
export {
  readClusterSnapshot,
  readSnapshot,
  type SnapshotOrProblem,
  type SnapshotReader,
} from "./read-snapshot";
