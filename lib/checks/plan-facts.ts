/**
 * Facts rules derive from the worker's plan: the strategy that reaches RunTask, the kind of each
 * provider, the task definition in use and where the task is really placed.
 */
import type { TaskDefinitionSummary } from "@/lib/snapshot/schema";
import { placementOf, type Placement } from "@/lib/template/placement";
import type { JsonObject, JsonValue } from "@/lib/template/types";
import type { CheckContext } from "./context";
import { isObject } from "@/lib/template/pointer";

export interface StrategyEntry {
  index: number;
  capacityProvider: string;
  base: JsonValue | undefined;
  weight: JsonValue | undefined;
}

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

/** Where the RunTask request the mode sends places the task (lib/template/placement.ts). */
export function placement(ctx: CheckContext): Placement {
  return placementOf(finalRequest(ctx), ctx.snapshot);
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
