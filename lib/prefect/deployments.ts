import "server-only";

import {
  DISPLAY_READ_TTL_MS,
  displayRead,
  expectData,
  expectNoContent,
  forgetDisplayReads,
  type PrefectClient,
} from "./client";
import type { Deployment, JobVariables } from "./types";
import { MAX_PAGE_SIZE, readWorkPool, type ReadOptions } from "./work-pools";

/** Every deployment whose work pool is `poolName` (POST /deployments/filter, paginated, by name). */
export async function listDeploymentsForPool(
  client: PrefectClient,
  poolName: string,
  options: { pageSize?: number } & ReadOptions = {},
): Promise<Deployment[]> {
  if (options.display) {
    const { pageSize } = options;
    return displayRead(
      client,
      `deployments:${poolName}:${pageSize ?? ""}`,
      DISPLAY_READ_TTL_MS.shared,
      () => listDeploymentsForPool(client, poolName, { pageSize }),
    );
  }
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
  try {
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
  } finally {
    // even a failed write may have landed: no display read from before it is reused
    forgetDisplayReads(client);
  }
}

/**
 * Reads objects by id in pages of at most MAX_PAGE_SIZE ids (Prefect's filter limit), one page
 * after another; ids Prefect no longer knows are left out.
 */
async function readByIds<T>(
  ids: string[],
  readPage: (page: string[]) => Promise<T[]>,
): Promise<T[]> {
  const unique = [...new Set(ids)];
  const out: T[] = [];
  for (let i = 0; i < unique.length; i += MAX_PAGE_SIZE) {
    out.push(...(await readPage(unique.slice(i, i + MAX_PAGE_SIZE))));
  }
  return out;
}

/** Flow names by flow id (POST /flows/filter), for labelling deployments; unknown ids are left out. */
export async function readFlowNames(
  client: PrefectClient,
  flowIds: string[],
): Promise<Record<string, string>> {
  const flows = await readByIds(flowIds, (page) =>
    expectData(
      client,
      "read flow names",
      client.api.POST("/flows/filter", {
        body: { flows: { operator: "and_", id: { any_: page } }, limit: page.length },
      }),
    ),
  );
  return Object.fromEntries(flows.map((f) => [f.id, f.name]));
}

/** Deployments by id (POST /deployments/filter); ids Prefect no longer knows are left out. */
export function readDeploymentsByIds(client: PrefectClient, ids: string[]): Promise<Deployment[]> {
  return readByIds(ids, (page) =>
    expectData(
      client,
      "read deployments",
      client.api.POST("/deployments/filter", {
        body: { deployments: { operator: "and_", id: { any_: page } }, limit: page.length },
      }),
    ),
  );
}
