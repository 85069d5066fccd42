import "server-only";

import { defaultRegion, listClusters, readSnapshot } from "@/lib/ecs";
import { getPrefectClient } from "@/lib/prefect/client";
import { listAwsCredentialsBlocks, type BlockSummary } from "@/lib/prefect/blocks";
import { listDeploymentsForPool } from "@/lib/prefect/deployments";
import { isPrefectError } from "@/lib/prefect/errors";
import { getDefaultTemplates, listWorkPools, readWorkPool } from "@/lib/prefect/work-pools";
import type { ClusterSnapshot } from "@/lib/snapshot/schema";
import type { PreviewDeployment } from "@/lib/template/types";
import { defaultTemplatePair, type TemplateChange } from "@/lib/template/push-template";
import type { JsonObject } from "@/lib/template/types";
import { isEcsPoolType } from "@/lib/template/pool-type";
import { errorMessage } from "@/lib/template/error-message";

/** The two default templates, and where the push one came from. */
export interface DefaultPair {
  hybrid: JsonObject;
  push: JsonObject;
  /** set when the server offers no ecs:push template and Pooldeck derived it from ecs */
  derived: TemplateChange[] | null;
}

export interface ComparePageData {
  apiUrl: string;
  cloud: boolean;
  defaults: DefaultPair | { problem: string };
  pools: { name: string; type: string }[];
  poolsProblem?: string;
  region: string;
  clusters: string[];
  selected?: {
    pool: { name: string; type: string; template: JsonObject };
    deployments: PreviewDeployment[];
  };
  selectedProblem?: string;
  snapshot?: ClusterSnapshot;
  snapshotProblem?: string;
  /** AWS Credentials blocks a push pool can name ([] when they cannot be read) */
  credentialsBlocks: BlockSummary[];
}

async function loadDefaults(): Promise<DefaultPair | { problem: string }> {
  try {
    const all = await getDefaultTemplates(getPrefectClient(), { display: true });
    const hybrid = all.ecs?.baseJobTemplate as JsonObject | undefined;
    if (!hybrid) {
      return {
        problem:
          "Prefect's worker metadata has no ecs pool type: install prefect-aws where the server runs.",
      };
    }
    return defaultTemplatePair(hybrid, all["ecs:push"]?.baseJobTemplate as JsonObject | undefined);
  } catch (error) {
    return { problem: errorMessage(error) };
  }
}

/** Everything /compare shows; Prefect and AWS failures become sentences, never exceptions. */
export async function loadCompareData(query: {
  pool?: string;
  cluster?: string;
}): Promise<ComparePageData> {
  const client = getPrefectClient();
  const region = defaultRegion();
  const [defaults, pools, clusters, credentialsBlocks] = await Promise.all([
    loadDefaults(),
    listWorkPools(client, { display: true }).then(
      (all) => ({
        ok: true as const,
        pools: all
          .filter((p) => isEcsPoolType(p.type))
          .map((p) => ({ name: p.name, type: p.type }))
          .sort((a, b) => a.name.localeCompare(b.name)),
      }),
      (error: unknown) => ({ ok: false as const, problem: errorMessage(error) }),
    ),
    listClusters(region).then(
      (r) => (r.ok ? r.data.map((c) => c.name).sort() : []),
      () => [] as string[],
    ),
    listAwsCredentialsBlocks(client, { display: true }).catch(() => []),
  ]);
  const data: ComparePageData = {
    apiUrl: client.apiUrl,
    cloud: client.cloud !== null,
    defaults,
    pools: pools.ok ? pools.pools : [],
    region,
    clusters,
    credentialsBlocks,
    ...(pools.ok ? {} : { poolsProblem: pools.problem }),
  };
  const tasks: Promise<void>[] = [];
  if (query.pool) {
    const name = query.pool;
    tasks.push(
      Promise.all([
        readWorkPool(client, name, { display: true }),
        listDeploymentsForPool(client, name, { display: true }),
      ]).then(
        ([pool, deployments]) => {
          data.selected = {
            pool: {
              name: pool.name,
              type: pool.type,
              template: (pool.base_job_template ?? {}) as JsonObject,
            },
            deployments: deployments.map((d) => ({
              id: d.id,
              name: d.name,
              jobVariables: (d.job_variables ?? {}) as JsonObject,
            })),
          };
        },
        (error: unknown) => {
          data.selectedProblem = isPrefectError(error, "not-found")
            ? `There is no work pool named ${JSON.stringify(name)}.`
            : errorMessage(error);
        },
      ),
    );
  }
  if (query.cluster) {
    const cluster = query.cluster;
    tasks.push(
      readSnapshot({ region, cluster }).then((read) => {
        if ("snapshot" in read) data.snapshot = read.snapshot;
        else
          data.snapshotProblem = `Cluster ${cluster} in ${region} could not be read: ${read.problem}. Cluster-aware checks are skipped.`;
      }),
    );
  }
  await Promise.all(tasks);
  return data;
}
