import "server-only";

import { expectData, type PrefectClient } from "./client";
import type { components } from "./openapi";
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
