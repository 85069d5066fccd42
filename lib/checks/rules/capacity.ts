/** Cluster-aware placement rules for EC2: is there capacity at all, and does the task fit anywhere. */
import type { ContainerInstance } from "@/lib/snapshot/schema";
import { parseCpu, parseMemory } from "../fargate";
import {
  existingTaskDefinition,
  finalStrategy,
  placement,
  placementPath,
  registeredTaskDefinition,
  taskSize,
} from "../plan-facts";
import { isObject } from "@/lib/template/pointer";
import type { CheckContext } from "../context";
import { skip, type Rule } from "../rule";
import { providerKindOf } from "@/lib/template/placement";

const NO_SNAPSHOT = "needs a cluster snapshot (pass --snapshot or pick a cluster)";

export function usable(instance: ContainerInstance): boolean {
  return instance.status === "ACTIVE" && instance.agentConnected;
}

/** Providers that may place the task: the request's strategy, else the cluster default; undefined for launch type EC2 (registered instances only). */
export function placingProviders(ctx: CheckContext): string[] | undefined {
  const strategy = finalStrategy(ctx);
  const entries =
    strategy.length > 0 ? strategy : (ctx.snapshot?.cluster.defaultCapacityProviderStrategy ?? []);
  const launchType = ctx.plan?.runTaskRequest.launchType;
  if (typeof launchType === "string" && launchType !== "") return undefined;
  return entries
    .filter((e) => providerKindOf(e.capacityProvider, ctx.snapshot) === "AUTO_SCALING_GROUP")
    .map((e) => e.capacityProvider);
}

export const noCapacity: Rule = {
  id: "ecs/no-capacity",
  summary: "EC2 placement needs an ACTIVE container instance or a provider that can scale out.",
  needs: "plan",
  run(ctx) {
    const snapshot = ctx.snapshot;
    if (!snapshot) return skip(NO_SNAPSHOT);
    if (placement(ctx) !== "EC2") return [];
    const providers = placingProviders(ctx);
    const instances = snapshot.containerInstances.filter(usable);
    let ok: boolean;
    let why: string;
    if (providers === undefined) {
      ok = instances.length > 0;
      why = `launch type EC2 places tasks only on registered instances (it does not trigger capacity provider scaling), and cluster "${snapshot.cluster.name}" has no ACTIVE container instance with a connected agent`;
    } else {
      const scalable = snapshot.capacityProviders.some(
        (p) => providers.includes(p.name) && p.managedScaling?.status === "ENABLED",
      );
      ok =
        scalable ||
        instances.some(
          (i) => i.capacityProviderName !== null && providers.includes(i.capacityProviderName),
        );
      why = `none of the providers (${providers.join(", ") || "none"}) has an ACTIVE instance in cluster "${snapshot.cluster.name}" or managed scaling enabled to start one`;
    }
    if (ok) return [];
    const location = ctx.configLocation(placementPath(ctx));
    return [
      {
        rule: this.id,
        severity: "warning",
        document: location.document,
        path: location.pointer,
        message: `The task would wait for capacity and fail to start: ${why}. Start instances, enable managed scaling on the provider, or run on Fargate.`,
      },
    ];
  },
};

export function containerSum(ctx: CheckContext, key: "cpu" | "memory"): number | undefined {
  const registered = registeredTaskDefinition(ctx);
  const containers = registered
    ? registered.containerDefinitions
    : existingTaskDefinition(ctx)?.containers;
  if (!Array.isArray(containers)) return undefined;
  let total = 0;
  for (const c of containers) {
    if (!isObject(c)) continue;
    const value = key === "memory" ? (c.memory ?? c.memoryReservation) : c.cpu;
    if (typeof value === "number") total += value;
  }
  return total > 0 ? total : undefined;
}

export const taskTooLarge: Rule = {
  id: "ecs/task-too-large",
  summary: "An EC2 task must fit the registered resources of some instance.",
  needs: "plan",
  run(ctx) {
    const snapshot = ctx.snapshot;
    if (!snapshot) return skip(NO_SNAPSHOT);
    if (placement(ctx) !== "EC2") return [];
    const instances = snapshot.containerInstances.filter(usable);
    if (instances.length === 0) return []; // ecs/no-capacity speaks for this case
    const size = taskSize(ctx);
    const cpu = parseCpu(size.cpu.value) ?? containerSum(ctx, "cpu");
    const memory = parseMemory(size.memory.value) ?? containerSum(ctx, "memory");
    if (cpu === undefined && memory === undefined) return [];
    const fits = instances.some(
      (i) =>
        (cpu === undefined || cpu <= i.registered.cpu) &&
        (memory === undefined || memory <= i.registered.memory),
    );
    if (fits) return [];
    const maxCpu = Math.max(...instances.map((i) => i.registered.cpu));
    const maxMemory = Math.max(...instances.map((i) => i.registered.memory));
    const cpuTooBig = cpu !== undefined && cpu > maxCpu;
    const field = cpuTooBig ? size.cpu : size.memory;
    const location = ctx.configLocation(field.path);
    return [
      {
        rule: this.id,
        severity: "error",
        document: location.document,
        path: location.pointer,
        message: `The task needs ${cpu ?? "?"} cpu and ${memory ?? "?"} MiB, but no container instance in cluster "${snapshot.cluster.name}" registers that much (largest: ${maxCpu} cpu, ${maxMemory} MiB). ECS cannot place it and the run never starts. Lower ${cpuTooBig ? "cpu" : "memory"} or add larger instances.`,
      },
    ];
  },
};
