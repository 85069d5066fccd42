import "server-only";

/**
 * Registration predictions for every deployment of a work pool, computed on the server: one
 * DescribeTaskDefinition per distinct family (not per deployment), deployments sharing a family
 * compared with each other, and each family's revision count (ListTaskDefinitions, paged) for the
 * families that exist. Only sentences leave the server.
 */
import type { EcsContext } from "@/lib/ecs/context";
import { countFamilyRevisions, readFamilyLatest } from "@/lib/ecs/snapshot";
import type { EcsResult } from "@/lib/ecs/errors";
import { prepareEcsRun } from "@/lib/template/ecs-run";
import {
  matchLatestOf,
  predictionHeadline,
  predictRegistration,
  type FamilyPeer,
  type RegistrationPrediction,
} from "@/lib/template/registration";
import type { BaseJobTemplate } from "@/lib/template/schema";
import type { JsonObject, JsonValue, Mode } from "@/lib/template/types";
import { isObject } from "@/lib/template/pointer";

export interface DeploymentRef {
  id: string;
  name: string;
  jobVariables: JsonObject;
}

/** What the UI shows for one deployment. */
export interface RegistrationView {
  /** "reuses demo-family:3", "registers a new revision on every run", ... */
  headline: string;
  kind: RegistrationPrediction["kind"];
  family: string;
  reason: string;
  diff: string[];
  /** ACTIVE revisions of the family; null with `countProblem` when it could not be counted */
  revisionCount: number | null;
  countProblem: string | null;
  /** why the latest revision could not be read (the prediction then assumes the family is new) */
  latestProblem: string | null;
}

export interface PredictOptions {
  region: string;
  /** the ECS context (tests and the benchmark pass their own); default: the server's */
  ctx?: EcsContext;
}

/** Predicts for each deployment (keyed by id); a deployment whose template does not render is left out. */
export async function predictPoolRegistrations(
  pool: { name: string; template: JsonValue; mode: Mode },
  deployments: DeploymentRef[],
  opts: PredictOptions,
): Promise<Map<string, RegistrationView>> {
  const out = new Map<string, RegistrationView>();
  if (pool.mode === "raw" || !isObject(pool.template)) return out;
  const template = pool.template as unknown as BaseJobTemplate;
  const prepared = deployments.flatMap((d) => {
    try {
      const plan = prepareEcsRun({
        template,
        jobVariables: d.jobVariables,
        mode: "hybrid",
        flowRun: {
          deploymentId: d.id,
          deploymentName: d.name,
          workPoolName: pool.name,
          region: opts.region,
        },
      });
      const td = plan.taskDefinition;
      const family =
        td.source === "registered" && typeof td.definition.family === "string"
          ? td.definition.family
          : null;
      return [{ d, plan, td, family }];
    } catch {
      return [];
    }
  });
  const families = [...new Set(prepared.flatMap((p) => (p.family ? [p.family] : [])))];
  const read = opts.ctx ? { ctx: opts.ctx } : {};
  const latest = await readFamilyLatest(opts.region, families, read);
  const counts = new Map<string, EcsResult<number>>();
  await Promise.all(
    families.map(async (family) => {
      const l = latest[family];
      if (l?.ok && l.latest === "none") return; // nothing to count
      counts.set(family, await countFamilyRevisions(opts.region, family, read));
    }),
  );
  for (const p of prepared) {
    const peers: FamilyPeer[] = prepared
      .filter((o) => o !== p && o.family !== null && o.family === p.family)
      .flatMap((o) =>
        o.td.source === "registered"
          ? [{ deployment: o.d.name, taskDefinition: o.td.definition }]
          : [],
      );
    const l = p.family ? latest[p.family] : undefined;
    const prediction = predictRegistration({
      taskDefinition: p.td.source === "registered" ? p.td : { source: "existing", arn: p.td.arn },
      mode: pool.mode === "push" ? "push" : "hybrid",
      matchLatest: matchLatestOf(p.plan.configuration),
      latest: l?.ok ? l.latest : "none",
      perRunValues: [],
      peers,
    });
    const count = p.family ? counts.get(p.family) : undefined;
    out.set(p.d.id, {
      headline: predictionHeadline(prediction),
      kind: prediction.kind,
      family: prediction.family,
      reason: prediction.reason,
      diff: prediction.diff ?? [],
      revisionCount:
        count === undefined
          ? l?.ok && l.latest === "none"
            ? 0
            : null
          : count.ok
            ? count.data
            : null,
      countProblem: count && !count.ok ? count.error.message : null,
      latestProblem: l && !l.ok ? l.error.message : null,
    });
  }
  return out;
}
