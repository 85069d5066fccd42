/**
 * One-click starting points. Each returns RFC 6902 operations, applied as one visible, undoable
 * edit, so the user sees exactly what a preset changed.
 *
 * decidePreset says whether a preset can apply now: a preset never writes a template its own
 * checks reject. A preset whose result depends on the cluster (its providers) waits while the
 * cluster snapshot loads, and is disabled with a sentence when the cluster cannot tell.
 */
import type { ClusterSnapshot, StrategyItem } from "@/lib/snapshot/schema";
import type { JsonValue } from "@/lib/template/types";
import type { DocumentOp } from "./document-model";
import {
  defaultOf,
  defaultPointer,
  isObject,
  propertiesOf,
  REQUEST,
  requestBinding,
} from "./form-model";

export type PresetId = "ec2" | "capacity-providers" | "fargate" | "fargate-spot";

export const PRESETS: readonly { id: PresetId; label: string; description: string }[] = [
  {
    id: "ec2",
    label: "EC2 launch type",
    description: "Simple: launchType EC2, no capacity providers.",
  },
  {
    id: "capacity-providers",
    label: "Capacity providers",
    description: "launchType removed from task_run_request; tasks go to the strategy's providers.",
  },
  { id: "fargate", label: "Fargate", description: "launchType FARGATE, no strategy." },
  {
    id: "fargate-spot",
    label: "Fargate Spot",
    description: "launch_type FARGATE_SPOT (the worker turns it into a FARGATE_SPOT strategy).",
  },
];

const LAUNCH_TYPE_PLACEHOLDER = "{{ launch_type }}";
const STRATEGY_PLACEHOLDER = "{{ capacity_provider_strategy }}";

function setLaunchType(doc: JsonValue, value: string): DocumentOp[] {
  const ops: DocumentOp[] = [];
  const binding = requestBinding(doc, "launchType", "launch_type");
  if (binding.kind === "literal" || binding.kind === "absent") {
    ops.push({ op: "add", path: `${REQUEST}/launchType`, value: LAUNCH_TYPE_PLACEHOLDER });
  }
  const variable = binding.kind === "variable" ? binding.variable : "launch_type";
  if (Object.hasOwn(propertiesOf(doc), variable)) {
    ops.push({ op: "add", path: defaultPointer(variable), value });
  } else {
    ops.push({
      op: "add",
      path: `/variables/properties/${variable}`,
      value: {
        title: "Launch Type",
        type: "string",
        enum: ["FARGATE", "EC2", "EXTERNAL", "FARGATE_SPOT"],
        default: value,
      },
    });
  }
  return ops;
}

function clearStrategy(doc: JsonValue): DocumentOp[] {
  const binding = requestBinding(doc, "capacityProviderStrategy", "capacity_provider_strategy");
  if (binding.kind === "literal") return [{ op: "remove", path: binding.pointer }];
  if (binding.kind === "variable" && binding.value !== undefined)
    return [{ op: "remove", path: binding.pointer }];
  return [];
}

/** The providers RunTask may use on the snapshot's cluster (associated and not INACTIVE). */
function usableProviders(snapshot: ClusterSnapshot) {
  return snapshot.capacityProviders.filter((p) => p.associated && p.status !== "INACTIVE");
}

/** A strategy that fits the cluster: its Auto Scaling providers, else its default strategy. */
export function suggestedStrategy(snapshot: ClusterSnapshot | undefined): StrategyItem[] {
  if (!snapshot) return [];
  const asg = usableProviders(snapshot).filter((p) => p.kind === "AUTO_SCALING_GROUP");
  if (asg.length > 0)
    return asg.map((p, i) => ({ capacityProvider: p.name, base: i === 0 ? 1 : 0, weight: 1 }));
  return snapshot.cluster.defaultCapacityProviderStrategy;
}

function strategyOps(
  doc: JsonValue,
  snapshot: ClusterSnapshot | undefined,
  replace = false,
): DocumentOp[] {
  const ops: DocumentOp[] = [];
  const binding = requestBinding(doc, "capacityProviderStrategy", "capacity_provider_strategy");
  const launch = requestBinding(doc, "launchType", "launch_type");
  if (launch.kind !== "absent") ops.push({ op: "remove", path: `${REQUEST}/launchType` });
  const current = binding.kind === "absent" ? undefined : binding.value;
  const hasStrategy = !replace && Array.isArray(current) && current.length > 0;
  const suggestion = suggestedStrategy(snapshot) as unknown as JsonValue;
  if (binding.kind === "absent") {
    ops.push({
      op: "add",
      path: `${REQUEST}/capacityProviderStrategy`,
      value: STRATEGY_PLACEHOLDER,
    });
  }
  const variable = binding.kind === "variable" ? binding.variable : "capacity_provider_strategy";
  if (binding.kind === "literal") {
    if (!hasStrategy && Array.isArray(suggestion) && suggestion.length > 0) {
      ops.push({ op: "replace", path: binding.pointer, value: suggestion });
    }
  } else if (!hasStrategy && Array.isArray(suggestion) && suggestion.length > 0) {
    if (Object.hasOwn(propertiesOf(doc), variable)) {
      ops.push({ op: "add", path: defaultPointer(variable), value: suggestion });
    } else {
      ops.push({
        op: "add",
        path: `/variables/properties/${variable}`,
        value: { title: "Capacity Provider Strategy", type: "array", default: suggestion },
      });
    }
  }
  return ops;
}

/** The operations a preset applies to `doc` (the last valid document). */
export function presetOps(doc: JsonValue, id: PresetId, snapshot?: ClusterSnapshot): DocumentOp[] {
  if (!isObject(doc)) return [];
  switch (id) {
    case "ec2":
      return [...clearStrategy(doc), ...setLaunchType(doc, "EC2")];
    case "fargate":
      return [...clearStrategy(doc), ...setLaunchType(doc, "FARGATE")];
    case "fargate-spot":
      return [...clearStrategy(doc), ...setLaunchType(doc, "FARGATE_SPOT")];
    case "capacity-providers":
      return strategyOps(doc, snapshot);
  }
}

/** Which preset the document matches, if any (shown as the active one). */
export function activePreset(doc: JsonValue): PresetId | undefined {
  const launch = requestBinding(doc, "launchType", "launch_type");
  const strategy = requestBinding(doc, "capacityProviderStrategy", "capacity_provider_strategy");
  const strategyValue = strategy.kind === "absent" ? undefined : strategy.value;
  const hasStrategy = Array.isArray(strategyValue) && strategyValue.length > 0;
  if (launch.kind === "absent") return hasStrategy ? "capacity-providers" : undefined;
  if (hasStrategy) return undefined;
  const value =
    launch.kind === "variable" ? (launch.value ?? defaultOf(doc, launch.variable)) : launch.value;
  if (value === "EC2") return "ec2";
  if (value === "FARGATE") return "fargate";
  if (value === "FARGATE_SPOT") return "fargate-spot";
  return undefined;
}

/**
 * What Pooldeck knows about the template's cluster. `none`: the template names no cluster and
 * the account's default cluster could not be read; `failed`: the named cluster could not be read.
 */
export type SnapshotState =
  | { kind: "none" }
  | { kind: "loading"; cluster: string }
  | { kind: "loaded"; snapshot: ClusterSnapshot }
  | { kind: "failed"; cluster: string; error: string };

/** The pool's mode: the hybrid worker and the push runner place tasks differently. */
export type PresetMode = "hybrid" | "push";

export type PresetDecision =
  | { kind: "apply"; ops: DocumentOp[] }
  /** the preset depends on the cluster being read: a click waits for it, then applies */
  | { kind: "wait"; reason: string }
  | { kind: "disabled"; reason: string };

const isFargateName = (name: string) => name === "FARGATE" || name === "FARGATE_SPOT";

/** The non-empty strategy the template sends with its defaults, if any. */
function currentStrategy(doc: JsonValue): StrategyItem[] | undefined {
  const binding = requestBinding(doc, "capacityProviderStrategy", "capacity_provider_strategy");
  const value = binding.kind === "absent" ? undefined : binding.value;
  if (!Array.isArray(value) || value.length === 0) return undefined;
  const items: StrategyItem[] = [];
  for (const item of value) {
    if (!isObject(item) || typeof item.capacityProvider !== "string") return undefined;
    items.push(item as unknown as StrategyItem);
  }
  return items;
}

/**
 * Does `strategy` place tasks well without a launchType? Its providers must be usable on the
 * cluster (when it is known). The hybrid worker registers an EC2-shaped task definition when
 * the request has no launchType, so there every provider must be an Auto Scaling group.
 */
function strategyFits(
  strategy: StrategyItem[],
  snapshot: ClusterSnapshot | undefined,
  mode: PresetMode,
): boolean {
  const usable = snapshot ? usableProviders(snapshot) : undefined;
  return strategy.every((item) => {
    const provider = usable?.find((p) => p.name === item.capacityProvider);
    if (usable && !provider) return false;
    const fargate = provider
      ? provider.kind !== "AUTO_SCALING_GROUP"
      : isFargateName(item.capacityProvider);
    return mode === "push" || !fargate;
  });
}

function clusterLabel(cluster: string): string {
  return cluster || "the default cluster";
}

function capacityProviders(doc: JsonValue, state: SnapshotState, mode: PresetMode): PresetDecision {
  if (state.kind === "loading")
    return { kind: "wait", reason: `reading ${clusterLabel(state.cluster)}…` };
  const current = currentStrategy(doc);
  const snapshot = state.kind === "loaded" ? state.snapshot : undefined;
  // a strategy the template already sends and that fits is kept: the preset only drops launchType
  if (current && strategyFits(current, snapshot, mode))
    return { kind: "apply", ops: strategyOps(doc, snapshot) };
  if (state.kind === "none")
    return { kind: "disabled", reason: "pick a cluster to choose its providers" };
  if (state.kind === "failed")
    return {
      kind: "disabled",
      reason: `${clusterLabel(state.cluster)} could not be read: ${state.error}`,
    };
  const suggestion = suggestedStrategy(snapshot);
  if (suggestion.length === 0 || !strategyFits(suggestion, snapshot, mode))
    return {
      kind: "disabled",
      reason:
        mode === "hybrid"
          ? "this cluster has no Auto Scaling provider"
          : "this cluster has no Auto Scaling provider and no default strategy",
    };
  return { kind: "apply", ops: strategyOps(doc, snapshot, true) };
}

/**
 * Whether `id` applies to `doc` now, and with which operations. Launch type presets do not
 * depend on the cluster, except Fargate Spot, whose provider must be associated with it.
 */
export function decidePreset(
  doc: JsonValue,
  id: PresetId,
  state: SnapshotState,
  mode: PresetMode,
): PresetDecision {
  if (!isObject(doc)) return { kind: "disabled", reason: "the template is not a JSON object" };
  if (id === "capacity-providers") return capacityProviders(doc, state, mode);
  if (id === "fargate-spot") {
    if (state.kind === "loading")
      return { kind: "wait", reason: `reading ${clusterLabel(state.cluster)}…` };
    if (
      state.kind === "loaded" &&
      !usableProviders(state.snapshot).some((p) => p.kind === "FARGATE_SPOT")
    )
      return { kind: "disabled", reason: "this cluster has no Fargate Spot provider" };
  }
  return { kind: "apply", ops: presetOps(doc, id) };
}
