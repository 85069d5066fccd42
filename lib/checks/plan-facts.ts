/**
 * Facts rules derive from the worker's plan: the strategy that reaches RunTask, the kind of each
 * provider, the task definition in use and where the task is really placed.
 */
import type { ProviderKind, TaskDefinitionSummary } from "@/lib/snapshot/schema";
import type { JsonObject, JsonValue } from "@/lib/template/types";
import type { CheckContext } from "./context";
import { isObject } from "@/lib/template/pointer";

export interface StrategyEntry {
  index: number;
  capacityProvider: string;
  base: JsonValue | undefined;
  weight: JsonValue | undefined;
}

/** Where the task is placed: a launch type, or what a strategy / cluster default resolves to. */
export type Placement = "FARGATE" | "EC2" | "EXTERNAL" | "MANAGED_INSTANCES" | "MIXED" | "UNKNOWN";

/** The job configuration after templating (before worker logic). */
export function renderedConfiguration(ctx: CheckContext): JsonObject {
  const configuration = ctx.plan?.configuration;
  return isObject(configuration) ? configuration : {};
}

/** task_run_request after templating (before worker logic). */
export function renderedRequest(ctx: CheckContext): JsonObject {
  const request = renderedConfiguration(ctx).task_run_request;
  return isObject(request) ? request : {};
}

/** The RunTask request the mode sends. */
export function finalRequest(ctx: CheckContext): JsonObject {
  const request = ctx.plan?.runTaskRequest as JsonValue | undefined;
  return isObject(request) ? request : {};
}

/** The capacity provider strategy that reaches RunTask (empty when none). */
export function finalStrategy(ctx: CheckContext): StrategyEntry[] {
  return strategyEntries(finalRequest(ctx).capacityProviderStrategy);
}

/** Normalizes a strategy value; non-arrays and non-object items give no entries. */
export function strategyEntries(value: JsonValue | undefined): StrategyEntry[] {
  if (!Array.isArray(value)) return [];
  const entries: StrategyEntry[] = [];
  value.forEach((item, index) => {
    if (!isObject(item)) return;
    const name = item.capacityProvider;
    entries.push({
      index,
      capacityProvider: typeof name === "string" ? name : "",
      base: item.base,
      weight: item.weight,
    });
  });
  return entries;
}

/** FARGATE and FARGATE_SPOT are AWS-managed; any other provider is an Auto Scaling group one. */
export function providerKind(ctx: CheckContext, name: string): ProviderKind {
  if (name === "FARGATE" || name === "FARGATE_SPOT") return name;
  return ctx.snapshot?.capacityProviders.find((p) => p.name === name)?.kind ?? "AUTO_SCALING_GROUP";
}

function placementOfStrategy(
  ctx: CheckContext,
  entries: { capacityProvider: string }[],
): Placement {
  if (entries.length === 0) return "UNKNOWN";
  const kinds = new Set(
    entries.map((e) =>
      providerKind(ctx, e.capacityProvider) === "AUTO_SCALING_GROUP" ? "EC2" : "FARGATE",
    ),
  );
  if (kinds.size > 1) return "MIXED";
  return kinds.has("EC2") ? "EC2" : "FARGATE";
}

/** Where the RunTask request places the task (launchType, else strategy, else cluster default). */
export function placement(ctx: CheckContext): Placement {
  const request = finalRequest(ctx);
  const launchType = request.launchType;
  if (typeof launchType === "string" && launchType !== "") {
    if (launchType === "FARGATE" || launchType === "EC2" || launchType === "EXTERNAL")
      return launchType;
    if (launchType === "MANAGED_INSTANCES") return launchType;
    return "UNKNOWN";
  }
  const strategy = finalStrategy(ctx);
  if (strategy.length > 0) return placementOfStrategy(ctx, strategy);
  if (!ctx.snapshot) return "UNKNOWN";
  const fallback = ctx.snapshot.cluster.defaultCapacityProviderStrategy;
  // RunTask with neither a launch type nor any strategy falls back to the EC2 launch type
  return fallback.length > 0 ? placementOfStrategy(ctx, fallback) : "EC2";
}

/** The task definition the worker registers, when it registers one. */
export function registeredTaskDefinition(ctx: CheckContext): JsonObject | undefined {
  const td = ctx.plan?.taskDefinition;
  return td?.source === "registered" && isObject(td.definition) ? td.definition : undefined;
}

/** The summary of an existing task definition (from the plan, else looked up in the snapshot). */
export function existingTaskDefinition(ctx: CheckContext): TaskDefinitionSummary | undefined {
  const td = ctx.plan?.taskDefinition;
  if (!td || td.source !== "existing") return undefined;
  if (td.definition) return td.definition;
  if (!ctx.snapshot) return undefined;
  const ref = td.arn;
  const name = ref.includes("/") ? ref.slice(ref.lastIndexOf("/") + 1) : ref;
  return ctx.snapshot.taskDefinitions.find(
    (d) => d.arn === ref || `${d.family}:${d.revision}` === name || d.family === name,
  );
}

/** A string list from a JSON value (non-strings dropped). */
export function stringList(value: JsonValue | undefined): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}

/** Where the placement decision is made in the edited document (launch type or strategy). */
export function placementPath(ctx: CheckContext): (string | number)[] {
  const request = finalRequest(ctx);
  if (typeof request.launchType === "string" && request.launchType !== "")
    return ["task_run_request", "launchType"];
  if (finalStrategy(ctx).length > 0) return ["task_run_request", "capacityProviderStrategy"];
  return ["task_run_request", "launchType"];
}

/** Human words for a placement. */
export function describePlacement(ctx: CheckContext, where: Placement): string {
  const request = finalRequest(ctx);
  const via =
    typeof request.launchType === "string" && request.launchType !== ""
      ? `launch type ${request.launchType}`
      : finalStrategy(ctx).length > 0
        ? "the capacity provider strategy"
        : "the cluster's default capacity provider strategy";
  return `${where === "EC2" ? "EC2" : where === "FARGATE" ? "Fargate" : where} (through ${via})`;
}

/** Task-level cpu/memory as RunTask sees them: overrides first, then the task definition. */
export function taskSize(ctx: CheckContext): {
  cpu: { value: JsonValue | undefined; path: (string | number)[] };
  memory: { value: JsonValue | undefined; path: (string | number)[] };
} {
  const overrides = finalRequest(ctx).overrides;
  const o = isObject(overrides) ? overrides : {};
  const registered = registeredTaskDefinition(ctx);
  const existing = existingTaskDefinition(ctx);
  const pick = (key: "cpu" | "memory") => {
    if (o[key] !== undefined && o[key] !== null && o[key] !== "") {
      return { value: o[key], path: ["task_run_request", "overrides", key] };
    }
    const fromDefinition = registered ? registered[key] : (existing?.[key] ?? undefined);
    return { value: fromDefinition ?? undefined, path: ["task_definition", key] };
  };
  return { cpu: pick("cpu"), memory: pick("memory") };
}
