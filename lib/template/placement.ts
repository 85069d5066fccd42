/**
 * Where ECS places a task, decided once for the RunTask preview, the checks and the form: the kind
 * of each capacity provider, the placement a request resolves to, and ECS's limits on a capacity
 * provider strategy.
 */
import type { ClusterSnapshot, ProviderKind } from "@/lib/snapshot/schema";
import { isObject } from "./pointer";
import { truthy } from "./truthy";
import type { JsonObject, JsonValue } from "./types";

/** ECS's RunTask limits on capacityProviderStrategy (the API reference's CapacityProviderStrategyItem). */
export const STRATEGY_LIMITS = {
  /** most items in one strategy */
  items: 20,
  base: { min: 0, max: 100000 },
  weight: { min: 0, max: 1000 },
} as const;

/**
 * Where a task is placed: a launch type, what a strategy or the cluster's default strategy
 * resolves to, `MIXED` for a strategy that mixes Fargate and EC2 providers (ECS rejects it),
 * `CLUSTER_DEFAULT` when neither launchType nor a strategy is set and no snapshot says what the
 * cluster's default is, and `UNKNOWN` for a launchType ECS does not know or a strategy without
 * provider names.
 */
export type Placement =
  "FARGATE" | "EC2" | "EXTERNAL" | "MANAGED_INSTANCES" | "MIXED" | "CLUSTER_DEFAULT" | "UNKNOWN";

/** FARGATE and FARGATE_SPOT are AWS-managed; any other provider is an Auto Scaling group one. */
export function providerKindOf(name: string, snapshot?: ClusterSnapshot): ProviderKind {
  if (name === "FARGATE" || name === "FARGATE_SPOT") return name;
  return snapshot?.capacityProviders.find((p) => p.name === name)?.kind ?? "AUTO_SCALING_GROUP";
}

/** The placement of a strategy's named providers; undefined for no strategy (absent or empty). */
function placementOfStrategy(
  strategy: JsonValue | undefined,
  snapshot: ClusterSnapshot | undefined,
): Placement | undefined {
  if (!Array.isArray(strategy) || strategy.length === 0) return undefined;
  const names = strategy.flatMap((item) =>
    isObject(item) && typeof item.capacityProvider === "string" ? [item.capacityProvider] : [],
  );
  if (names.length === 0) return "UNKNOWN";
  const kinds = new Set(
    names.map((n) => (providerKindOf(n, snapshot) === "AUTO_SCALING_GROUP" ? "EC2" : "FARGATE")),
  );
  if (kinds.size > 1) return "MIXED";
  return kinds.has("EC2") ? "EC2" : "FARGATE";
}

/**
 * Where a RunTask request places its task: launchType if set, else its capacity provider
 * strategy, else the cluster's default strategy (the EC2 launch type when the cluster has none).
 */
export function placementOf(request: JsonObject, snapshot?: ClusterSnapshot): Placement {
  const launchType = request.launchType;
  // the worker and ECS read launchType by truthiness: a set non-string value is an invalid launch type
  if (truthy(launchType)) {
    if (
      launchType === "EC2" ||
      launchType === "FARGATE" ||
      launchType === "EXTERNAL" ||
      launchType === "MANAGED_INSTANCES"
    )
      return launchType;
    return "UNKNOWN";
  }
  const own = placementOfStrategy(request.capacityProviderStrategy, snapshot);
  if (own) return own;
  if (!snapshot) return "CLUSTER_DEFAULT";
  const clusterDefault = placementOfStrategy(
    snapshot.cluster.defaultCapacityProviderStrategy as unknown as JsonValue,
    snapshot,
  );
  // RunTask with neither a launch type nor any strategy falls back to the EC2 launch type
  return clusterDefault ?? "EC2";
}
