import "server-only";

import { defaultRegion } from "@/lib/ecs";
import type { PrefectClient } from "@/lib/prefect/client";
import { listDeploymentsForPool } from "@/lib/prefect/deployments";
import type { Deployment, WorkPool } from "@/lib/prefect/types";
import {
  predictPoolRegistrations,
  type RegistrationView,
} from "@/lib/registration/pool-predictions";
import type { ClusterSnapshot } from "@/lib/snapshot/schema";
import { modeOfPoolType, type PoolKind } from "@/lib/template/pool-type";
import type { JsonObject, JsonValue } from "@/lib/template/types";
import { checkWithCluster } from "./verdict";

/** One deployment of a pool with its verdict against its cluster, as the pool page shows it. */
export interface DeploymentVerdict {
  id: string;
  name: string;
  updated: string | null;
  jobVariables: JsonObject;
  errors: number;
  warnings: number;
  /** the cluster the checks used, or null (then cluster checks are skipped) */
  cluster: string | null;
  clusterProblem: string | null;
  /** the pool's defaults with the job_variables over them; null when the template does not render */
  effective: JsonObject | null;
  snapshot?: ClusterSnapshot;
  /** how often the worker will register a task definition revision for it (absent: AWS said no) */
  registration?: RegistrationView;
}

/** A pool's deployments section: the template they run with and each deployment's verdict. */
export interface PoolDeploymentsData {
  poolName: string;
  template: JsonValue;
  mode: PoolKind;
  deployments: DeploymentVerdict[];
}

/** Reads the pool's deployments and checks each one's job_variables against the pool and its cluster. */
export async function poolDeploymentVerdicts(
  client: PrefectClient,
  pool: WorkPool,
): Promise<PoolDeploymentsData> {
  const deployments = await listDeploymentsForPool(client, pool.name);
  const template = (pool.base_job_template ?? {}) as JsonValue;
  const mode = modeOfPoolType(pool.type);
  const registrations = registrationViews(pool, template, mode, deployments);
  const verdicts = await Promise.all(
    deployments.map(async (d): Promise<DeploymentVerdict> => {
      const jobVariables = (d.job_variables ?? {}) as JsonObject;
      const verdict = await checkWithCluster({
        template,
        jobVariables,
        mode,
        concurrency: {
          pool: pool.concurrency_limit ?? null,
          deployment: d.concurrency_limit ?? null,
        },
      });
      const registration = (await registrations).get(d.id);
      return {
        id: d.id,
        name: d.name,
        updated: d.updated ?? null,
        jobVariables,
        errors: verdict.errors.length,
        warnings: verdict.warnings.length,
        cluster: verdict.cluster,
        clusterProblem: verdict.clusterProblem,
        effective: verdict.plan?.values ?? null,
        ...(verdict.snapshot ? { snapshot: verdict.snapshot } : {}),
        ...(registration ? { registration } : {}),
      };
    }),
  );
  return { poolName: pool.name, template, mode, deployments: verdicts };
}

/** Each deployment's registration prediction; AWS trouble leaves them out, never throws. */
async function registrationViews(
  pool: WorkPool,
  template: JsonValue,
  mode: PoolKind,
  deployments: Deployment[],
): Promise<Map<string, RegistrationView>> {
  try {
    return await predictPoolRegistrations(
      { name: pool.name, template, mode },
      deployments.map((d) => ({
        id: d.id,
        name: d.name,
        jobVariables: (d.job_variables ?? {}) as JsonObject,
      })),
      { region: defaultRegion() },
    );
  } catch {
    return new Map();
  }
}
