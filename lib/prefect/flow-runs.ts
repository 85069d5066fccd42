import "server-only";

import { expectData, type PrefectClient } from "./client";
import type { components } from "./openapi";
import type { Deployment } from "./types";
import { MAX_PAGE_SIZE } from "./work-pools";

/** A flow run as Prefect returns it. */
export type FlowRun = components["schemas"]["FlowRunResponse"];
/** A worker of a work pool as Prefect returns it. */
export type Worker = components["schemas"]["WorkerResponse"];

const q = (name: string) => JSON.stringify(name);

/** The newest `limit` (≤ 200) flow runs of work pool `poolName`, newest expected start first. */
export async function listFlowRunsForPool(
  client: PrefectClient,
  poolName: string,
  limit: number,
): Promise<FlowRun[]> {
  return expectData(
    client,
    `list the flow runs of work pool ${q(poolName)}`,
    client.api.POST("/flow_runs/filter", {
      body: {
        work_pools: { operator: "and_", name: { any_: [poolName] } },
        sort: "EXPECTED_START_TIME_DESC",
        offset: 0,
        limit: Math.min(limit, MAX_PAGE_SIZE),
      },
    }),
  );
}

/** One flow run by id; throws PrefectError kind "not-found" when it does not exist. */
export async function readFlowRun(client: PrefectClient, id: string): Promise<FlowRun> {
  return expectData(
    client,
    `read flow run ${id}`,
    client.api.GET("/flow_runs/{id}", { params: { path: { id } } }),
  );
}

/** The workers that have polled work pool `poolName` (POST /work_pools/{name}/workers/filter). */
export async function listWorkersForPool(
  client: PrefectClient,
  poolName: string,
): Promise<Worker[]> {
  return expectData(
    client,
    `list the workers of work pool ${q(poolName)}`,
    client.api.POST("/work_pools/{work_pool_name}/workers/filter", {
      params: { path: { work_pool_name: poolName } },
      body: { offset: 0, limit: MAX_PAGE_SIZE },
    }),
  );
}

/** Deployments by id (POST /deployments/filter); ids Prefect no longer knows are left out. */
export async function readDeploymentsByIds(
  client: PrefectClient,
  ids: string[],
): Promise<Deployment[]> {
  const unique = [...new Set(ids)];
  const out: Deployment[] = [];
  for (let i = 0; i < unique.length; i += MAX_PAGE_SIZE) {
    const chunk = unique.slice(i, i + MAX_PAGE_SIZE);
    out.push(
      ...(await expectData(
        client,
        "read deployments",
        client.api.POST("/deployments/filter", {
          body: { deployments: { operator: "and_", id: { any_: chunk } }, limit: chunk.length },
        }),
      )),
    );
  }
  return out;
}
