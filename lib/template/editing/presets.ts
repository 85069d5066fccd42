/**
 * One-click starting points. Each returns RFC 6902 operations, applied as one visible, undoable
 * edit, so the user sees exactly what a preset changed.
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

/** A strategy that fits the cluster: its Auto Scaling providers, else its default strategy. */
export function suggestedStrategy(snapshot: ClusterSnapshot | undefined): StrategyItem[] {
  if (!snapshot) return [];
  const asg = snapshot.capacityProviders.filter(
    (p) => p.kind === "AUTO_SCALING_GROUP" && p.associated && p.status !== "INACTIVE",
  );
  if (asg.length > 0)
    return asg.map((p, i) => ({ capacityProvider: p.name, base: i === 0 ? 1 : 0, weight: 1 }));
  return snapshot.cluster.defaultCapacityProviderStrategy;
}

function strategyOps(doc: JsonValue, snapshot: ClusterSnapshot | undefined): DocumentOp[] {
  const ops: DocumentOp[] = [];
  const binding = requestBinding(doc, "capacityProviderStrategy", "capacity_provider_strategy");
  const launch = requestBinding(doc, "launchType", "launch_type");
  if (launch.kind !== "absent") ops.push({ op: "remove", path: `${REQUEST}/launchType` });
  const current = binding.kind === "absent" ? undefined : binding.value;
  const hasStrategy = Array.isArray(current) && current.length > 0;
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
