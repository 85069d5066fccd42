import "server-only";

import { expectData, expectNoContent, type PrefectClient } from "./client";
import type { Deployment, JobVariables } from "./types";
import { MAX_PAGE_SIZE, readWorkPool } from "./work-pools";

/** Every deployment whose work pool is `poolName` (POST /deployments/filter, paginated, by name). */
export async function listDeploymentsForPool(
  client: PrefectClient,
  poolName: string,
  options: { pageSize?: number } = {},
): Promise<Deployment[]> {
  const limit = Math.min(options.pageSize ?? MAX_PAGE_SIZE, MAX_PAGE_SIZE);
  const byId = new Map<string, Deployment>();
  for (let offset = 0; ; offset += limit) {
    const page = await expectData(
      client,
      `list the deployments of work pool ${JSON.stringify(poolName)}`,
      client.api.POST("/deployments/filter", {
        body: {
          work_pools: { operator: "and_", name: { any_: [poolName] } },
          sort: "NAME_ASC",
          offset,
          limit,
        },
      }),
    );
    for (const d of page) byId.set(d.id, d);
    if (page.length < limit) break;
  }
  return [...byId.values()];
}

/** One deployment by id; throws PrefectError kind "not-found" when it does not exist. */
export async function readDeployment(client: PrefectClient, id: string): Promise<Deployment> {
  return expectData(
    client,
    `read deployment ${id}`,
    client.api.GET("/deployments/{id}", { params: { path: { id } } }),
  );
}

/**
 * Replaces a deployment's job_variables. Always sends work_pool_name with them, because Prefect
 * validates job_variables against the pool's variables schema only then (409 "conflict" with
 * Prefect's validation text). Prefect 3.9.1 also moves the deployment to the pool's default
 * queue when work_pool_name comes without work_queue_name, so the current queue is sent too
 * while the pool stays the same. `{}` clears the job variables.
 */
export async function updateDeploymentJobVariables(
  client: PrefectClient,
  id: string,
  poolName: string,
  jobVariables: JobVariables,
): Promise<void> {
  const current = await readDeployment(client, id);
  const samePool = current.work_pool_name === poolName;
  // an unknown pool name makes Prefect fail with 500; ask first so the caller gets a 404 naming it
  if (!samePool) await readWorkPool(client, poolName);
  await expectNoContent(
    client,
    `update the job variables of deployment ${JSON.stringify(current.name)}`,
    client.api.PATCH("/deployments/{id}", {
      params: { path: { id } },
      body: {
        work_pool_name: poolName,
        ...(samePool && current.work_queue_name
          ? { work_queue_name: current.work_queue_name }
          : {}),
        job_variables: jobVariables,
      },
    }),
  );
}

/** Flow names by flow id (POST /flows/filter), for labelling deployments; unknown ids are left out. */
export async function readFlowNames(
  client: PrefectClient,
  flowIds: string[],
): Promise<Record<string, string>> {
  const ids = [...new Set(flowIds)];
  const names: Record<string, string> = {};
  for (let i = 0; i < ids.length; i += MAX_PAGE_SIZE) {
    const chunk = ids.slice(i, i + MAX_PAGE_SIZE);
    const flows = await expectData(
      client,
      "read flow names",
      client.api.POST("/flows/filter", {
        body: { flows: { operator: "and_", id: { any_: chunk } }, limit: chunk.length },
      }),
    );
    for (const f of flows) names[f.id] = f.name;
  }
  return names;
}
