import "server-only";

import type { PrefectClient } from "@/lib/prefect/client";
import { listDeploymentsForPool } from "@/lib/prefect/deployments";
import type { WorkPool } from "@/lib/prefect/types";
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
  const verdicts = await Promise.all(
    deployments.map(async (d): Promise<DeploymentVerdict> => {
      const jobVariables = (d.job_variables ?? {}) as JsonObject;
      const verdict = await checkWithCluster({ template, jobVariables, mode });
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
      };
    }),
  );
  return { poolName: pool.name, template, mode, deployments: verdicts };
}
