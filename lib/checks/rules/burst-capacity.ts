/**
 * ecs/burst-exceeds-capacity: when as many runs start at once as the concurrency limit allows,
 * can the strategy's providers place them all? Free capacity of the registered instances, plus
 * what the Auto Scaling groups add when they scale out to their max size (each new instance the
 * size of one already registered by that provider).
 */
import { autoScalingGroupName } from "@/lib/snapshot/arn";
import type { AutoScalingGroup, ContainerInstance } from "@/lib/snapshot/schema";
import { parseCpu, parseMemory } from "../fargate";
import { placement, placementPath, taskSize } from "../plan-facts";
import { skip, type Rule } from "../rule";
import { containerSum, placingProviders, usable } from "./capacity";
import { counted } from "@/lib/template/counted";

function fits(resources: { cpu: number; memory: number }, cpu: number, memory: number): number {
  const byCpu = cpu > 0 ? Math.floor(resources.cpu / cpu) : Infinity;
  const byMemory = memory > 0 ? Math.floor(resources.memory / memory) : Infinity;
  return Math.max(0, Math.min(byCpu, byMemory));
}

export const burstExceedsCapacity: Rule = {
  id: "ecs/burst-exceeds-capacity",
  summary:
    "A burst of runs up to the concurrency limit must fit what the strategy's providers can place.",
  needs: "plan",
  run(ctx) {
    const snapshot = ctx.snapshot;
    if (!snapshot) return skip("needs a cluster snapshot (pass --snapshot or pick a cluster)");
    const limits = ctx.input.concurrency ?? {};
    const named = [
      ...(typeof limits.deployment === "number"
        ? [["the deployment's concurrency limit", limits.deployment] as const]
        : []),
      ...(typeof limits.pool === "number"
        ? [["the work pool's concurrency limit", limits.pool] as const]
        : []),
    ].sort((a, b) => a[1] - b[1]);
    const limit = named[0];
    if (!limit)
      return skip(
        "needs a concurrency limit (the work pool's or the deployment's; --concurrency in the CLI)",
      );
    if (placement(ctx) !== "EC2") return []; // Fargate capacity is bounded by account quotas, not the cluster
    const size = taskSize(ctx);
    const cpu = parseCpu(size.cpu.value) ?? containerSum(ctx, "cpu") ?? 0;
    const memory = parseMemory(size.memory.value) ?? containerSum(ctx, "memory") ?? 0;
    if (cpu === 0 && memory === 0) return [];
    const providers = placingProviders(ctx);
    const instances = snapshot.containerInstances.filter(
      (i) =>
        usable(i) &&
        (providers === undefined ||
          (i.capacityProviderName !== null && providers.includes(i.capacityProviderName))),
    );
    const onInstances = instances.reduce((n, i) => n + fits(i.remaining, cpu, memory), 0);
    let fromScaling = 0;
    const scaling: string[] = [];
    const unknown: string[] = [];
    for (const name of providers ?? []) {
      const provider = snapshot.capacityProviders.find((p) => p.name === name);
      const group: AutoScalingGroup | undefined = snapshot.autoScalingGroups?.find(
        (g) => g.name === autoScalingGroupName(provider?.autoScalingGroupArn ?? null),
      );
      const sample: ContainerInstance | undefined = snapshot.containerInstances.find(
        (i) => i.capacityProviderName === name,
      );
      if (!group || !sample) {
        unknown.push(name);
        continue;
      }
      const more = Math.max(0, group.maxSize - group.instanceCount);
      const each = fits(sample.registered, cpu, memory);
      fromScaling += more * each;
      scaling.push(
        `${group.name}: ${counted(more, "more instance")} up to max size ${group.maxSize}, ${counted(each, "task")} each`,
      );
    }
    const capacity = onInstances + fromScaling;
    const [why, burst] = limit;
    if (burst <= capacity) return [];
    const location = ctx.configLocation(placementPath(ctx));
    const parts = [
      `${onInstances} on the free capacity of ${counted(instances.length, "registered instance")}`,
      ...(scaling.length
        ? [`${fromScaling} more when Auto Scaling scales out (${scaling.join("; ")})`]
        : []),
    ];
    const unknownNote = unknown.length
      ? ` The snapshot cannot size the Auto Scaling groups of ${unknown.join(", ")} (no group read, or no instance registered yet), so they are not counted.`
      : "";
    return [
      {
        rule: this.id,
        severity: "warning",
        document: location.document,
        path: location.pointer,
        message: `A burst of ${burst} runs (${why}) of a task with ${cpu} cpu and ${memory} MiB needs more than cluster "${snapshot.cluster.name}" can place: ${capacity} (${parts.join(", ")}). The rest wait for capacity and may fail to start. Raise the groups' max size, lower the concurrency limit or make the task smaller.${unknownNote}`,
      },
    ];
  },
};
