/**
 * Advice on a pool's start latency, each piece with the figure behind it: an Auto Scaling provider
 * that scales to zero (its instances and their cached image layers go when idle), EC2 runs that
 * never found an instance an earlier run had warmed, an image whose tag changes with every
 * version, and how long runs waited to be submitted against a worker's poll interval. Pure: it
 * reads the figures of lib/runs/latency.ts and the snapshots of the clusters the tasks ran in.
 */
import { WORKER_QUERY_SECONDS } from "@/lib/prefect/worker-defaults";
import { autoScalingGroupName } from "@/lib/snapshot/arn";
import type { ClusterSnapshot } from "@/lib/snapshot/schema";
import { modeOfPoolType } from "@/lib/template/pool-type";

import { latencyGroup, spread, type LatencyGroup, type StartLatency } from "./latency";
import { formatLatency } from "./timings";
import { counted } from "@/lib/template/counted";

export type LatencyAdviceId =
  | "latency/asg-min-size-zero"
  | "latency/fresh-instance-every-run"
  | "latency/image-tag-per-version"
  | "latency/submission-delay";

export interface LatencyAdvice {
  id: LatencyAdviceId;
  /** one line */
  title: string;
  /** what it means and what to change */
  message: string;
  /** the number behind it, e.g. "minimum size 0; cache-hit rate 2 of 8 (25%)" */
  figure: string;
}

/** EC2 runs needed before "a new instance every time" means more than chance. */
export const FRESH_INSTANCE_MIN_RUNS = 3;
/** Distinct tags of one repository needed before the tag looks tied to each version. */
export const TAG_CHURN_MIN_TAGS = 3;

const pct = (part: number, whole: number) => `${Math.round((100 * part) / whole)}%`;

function cacheFigure(g: LatencyGroup): string {
  return g.cacheKnown
    ? `cache-hit rate ${g.cacheHits} of ${g.cacheKnown} (${pct(g.cacheHits, g.cacheKnown)})`
    : "no pull time known yet";
}

/**
 * Runs that ran on an Auto Scaling provider's instances, whether the provider placed them or they
 * were started with launch type EC2 on an instance it registered (the snapshot names each
 * instance's provider).
 */
function asgMinZero(latency: StartLatency, snapshots: ClusterSnapshot[]): LatencyAdvice[] {
  const out: LatencyAdvice[] = [];
  for (const s of snapshots) {
    for (const provider of s.capacityProviders) {
      if (provider.kind !== "AUTO_SCALING_GROUP") continue;
      const name = autoScalingGroupName(provider.autoScalingGroupArn);
      const asg = s.autoScalingGroups?.find((a) => a.name === name);
      if (!asg || asg.minSize !== 0) continue;
      const instances = new Set(
        s.containerInstances
          .filter((ci) => ci.capacityProviderName === provider.name)
          .map((ci) => ci.arn),
      );
      const runs = latency.runs.filter(
        (r) => r.group === provider.name || instances.has(r.placement?.containerInstanceArn ?? ""),
      );
      if (runs.length === 0) continue;
      const g = latencyGroup(null, provider.name, runs);
      out.push({
        id: "latency/asg-min-size-zero",
        title: `${provider.name} scales to zero instances when idle`,
        message: `The Auto Scaling group ${asg.name} behind capacity provider ${provider.name} (cluster ${s.cluster.name}) has minimum size 0: when no task needs an instance, the group ends them and the image layers cached on them go too, so the next run starts a new instance and pulls the whole image. A minimum size above 0, or a warm pool of stopped instances, keeps the layers.`,
        figure: `minimum size 0 (${counted(asg.instanceCount, "instance")} now); ${runs.length} of the last ${latency.runs.length} runs ran on its instances; ${cacheFigure(g)}; median image pull ${formatLatency(g.phases.pull.median)}`,
      });
    }
  }
  return out;
}

function freshInstances(latency: StartLatency): LatencyAdvice[] {
  const out: LatencyAdvice[] = [];
  for (const g of latency.byProvider) {
    const onInstance = latency.runs.filter(
      (r) => r.group === g.where && r.placement?.containerInstanceArn,
    );
    if (onInstance.length < FRESH_INSTANCE_MIN_RUNS) continue;
    const instances = new Set(onInstance.map((r) => r.placement!.containerInstanceArn));
    if (instances.size !== onInstance.length) continue;
    out.push({
      id: "latency/fresh-instance-every-run",
      title: `Every run on ${g.where} landed on a different instance`,
      message: `None of these runs found an instance an earlier one had used, so none could reuse its cached layers. Instances that end after each run (scale-in, Spot interruption, or one task per instance) never warm up: keep instances longer (a minimum size above 0, a scale-in cooldown) or place several runs per instance.`,
      figure: `${onInstance.length} runs on ${instances.size} instances; ${cacheFigure(g)}`,
    });
  }
  return out;
}

/** "repo/name:tag" → [repository, tag]; a reference by digest or without a tag has no tag. */
function splitImage(image: string): [string, string] | null {
  if (image.includes("@")) return null;
  const slash = image.lastIndexOf("/");
  const colon = image.lastIndexOf(":");
  if (colon <= slash) return null;
  return [image.slice(0, colon), image.slice(colon + 1)];
}

function tagPerVersion(latency: StartLatency): LatencyAdvice[] {
  const tags = new Map<string, Map<string, number>>();
  for (const r of latency.runs) {
    const parts = r.image ? splitImage(r.image) : null;
    if (!parts) continue;
    const [repo, tag] = parts;
    const counts = tags.get(repo) ?? new Map<string, number>();
    counts.set(tag, (counts.get(tag) ?? 0) + 1);
    tags.set(repo, counts);
  }
  const out: LatencyAdvice[] = [];
  for (const [repo, counts] of tags) {
    const runs = [...counts.values()].reduce((a, b) => a + b, 0);
    // most runs brought a tag of their own: the tag follows the code version
    if (counts.size < TAG_CHURN_MIN_TAGS || counts.size * 2 < runs) continue;
    out.push({
      id: "latency/image-tag-per-version",
      title: `The image ${repo} changes tag with every version`,
      message: `Runs of ${repo} used a new tag nearly every time. An instance keeps the layers of the tags it pulled, but a new tag whose layers changed is pulled again: put what rarely changes (Python, dependencies) in base layers that every tag shares, and the flow code last, so a new tag pulls only its top layer.`,
      figure: `${counts.size} tags in ${runs} runs`,
    });
  }
  return out;
}

function submission(latency: StartLatency, poolType: string): LatencyAdvice[] {
  const { count, median, p95 } = spread(
    latency.runs.filter((r) => r.group !== null).map((r) => r.phases.submission),
  );
  if (median === null) return [];
  const figure = `median ${formatLatency(median)}, p95 ${formatLatency(p95)} over ${counted(count, "run")}; a worker polls every ${WORKER_QUERY_SECONDS} s by default`;
  if (modeOfPoolType(poolType) === "push") {
    return [
      {
        id: "latency/submission-delay",
        title: "Prefect submits this push pool's runs itself",
        message: `From a run's scheduled start to RunTask took Prefect the figure below. A hybrid worker would add up to one poll interval (PREFECT_WORKER_QUERY_SECONDS) on top of its own submission time.`,
        figure,
      },
    ];
  }
  const behind = median > WORKER_QUERY_SECONDS * 1000;
  return [
    {
      id: "latency/submission-delay",
      title: behind
        ? "Runs wait longer than a poll interval for the worker"
        : "The worker submits runs within its poll interval",
      message: behind
        ? `From a run's scheduled start to RunTask took longer than one poll interval: the worker is behind (busy with other runs, too few workers, or a slow Prefect API). More workers or a shorter PREFECT_WORKER_QUERY_SECONDS shorten it; a push pool on Prefect Cloud submits without polling.`
        : `From a run's scheduled start to RunTask took at most about one poll interval, as expected of a polling worker. A push pool on Prefect Cloud submits without polling, if this wait matters.`,
      figure,
    },
  ];
}

/** Every piece of advice the figures and snapshots support, in a fixed order. */
export function latencyAdvice(
  latency: StartLatency,
  poolType: string,
  snapshots: ClusterSnapshot[] = [],
): LatencyAdvice[] {
  return [
    ...asgMinZero(latency, snapshots),
    ...freshInstances(latency),
    ...tagPerVersion(latency),
    ...submission(latency, poolType),
  ];
}
