import "server-only";

import {
  DISPLAY_READ_TTL_MS,
  displayRead,
  expectData,
  expectNoContent,
  forgetDisplayReads,
  getUntyped,
  type PrefectClient,
} from "./client";
import { isPrefectError, PrefectError } from "./errors";
import { forgetPool, rememberPool } from "./known-pools";
import type { WorkPool, WorkPoolCreate, WorkPoolUpdate } from "./types";

/** Prefect refuses filter pages larger than this ("Invalid limit: must be less than or equal to 200."). */
export const MAX_PAGE_SIZE = 200;

const q = (name: string) => JSON.stringify(name);

/** `display`: the read only feeds a page, so a concurrent identical read may share its request. */
export interface ReadOptions {
  display?: boolean;
}

/** A write through `client`: afterwards (even after a failure, which may have landed) no display read is reused. */
async function write<T>(client: PrefectClient, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } finally {
    forgetDisplayReads(client);
  }
}

/** Every work pool, read page by page (POST /work_pools/filter, limit ≤ 200, offset to the end). */
export async function listWorkPools(
  client: PrefectClient,
  options: { pageSize?: number } & ReadOptions = {},
): Promise<WorkPool[]> {
  if (options.display) {
    const { pageSize } = options;
    return displayRead(client, `work_pools:${pageSize ?? ""}`, DISPLAY_READ_TTL_MS.shared, () =>
      listWorkPools(client, { pageSize }),
    );
  }
  const limit = Math.min(options.pageSize ?? MAX_PAGE_SIZE, MAX_PAGE_SIZE);
  const byId = new Map<string, WorkPool>();
  for (let offset = 0; ; offset += limit) {
    const page = await expectData(
      client,
      "list work pools",
      client.api.POST("/work_pools/filter", { body: { offset, limit } }),
    );
    // a pool created between two pages shifts the rest by one; the map keeps each pool once
    for (const pool of page) byId.set(pool.id, pool);
    if (page.length < limit) break;
  }
  for (const pool of byId.values()) rememberPool(client.apiUrl, pool.name);
  return [...byId.values()];
}

/** One work pool by name; throws PrefectError kind "not-found" when it does not exist. */
export async function readWorkPool(
  client: PrefectClient,
  name: string,
  options: ReadOptions = {},
): Promise<WorkPool> {
  if (options.display) {
    return displayRead(client, `work_pool:${name}`, DISPLAY_READ_TTL_MS.shared, () =>
      readWorkPool(client, name),
    );
  }
  try {
    const pool = await expectData(
      client,
      `read work pool ${q(name)}`,
      client.api.GET("/work_pools/{name}", { params: { path: { name } } }),
    );
    rememberPool(client.apiUrl, pool.name);
    return pool;
  } catch (error) {
    if (isPrefectError(error, "not-found")) forgetPool(client.apiUrl, name);
    throw error;
  }
}

/** Creates a work pool (201); 409 "conflict" for a taken name, 403 "reserved-name" for "prefect…". */
export async function createWorkPool(
  client: PrefectClient,
  pool: WorkPoolCreate,
): Promise<WorkPool> {
  return write(client, () =>
    expectData(
      client,
      `create work pool ${q(pool.name)}`,
      client.api.POST("/work_pools/", { body: pool }),
    ),
  );
}

/** Updates a work pool (PATCH, 204). Only the keys in `patch` are sent; each replaces the stored value whole. */
export async function updateWorkPool(
  client: PrefectClient,
  name: string,
  patch: WorkPoolUpdate,
): Promise<void> {
  await write(client, () =>
    expectNoContent(
      client,
      `update work pool ${q(name)}`,
      client.api.PATCH("/work_pools/{name}", { params: { path: { name } }, body: patch }),
    ),
  );
}

/** Deletes a work pool (204). Prefect also deletes its queues; deployments keep a dangling pool name. */
export async function deleteWorkPool(client: PrefectClient, name: string): Promise<void> {
  await write(client, () =>
    expectNoContent(
      client,
      `delete work pool ${q(name)}`,
      client.api.DELETE("/work_pools/{name}", { params: { path: { name } } }),
    ),
  );
  forgetPool(client.apiUrl, name);
}

/** A worker type from Prefect's collection registry with its default base job template. */
export interface DefaultTemplate {
  /** work pool type, e.g. "ecs" or (Prefect Cloud only) "ecs:push" */
  type: string;
  displayName: string | null;
  description: string | null;
  /** the package that provides it, e.g. "prefect-aws" */
  collection: string;
  baseJobTemplate: Record<string, unknown>;
}

/**
 * Default base job templates by work pool type. Self-hosted: GET
 * /collections/views/aggregate-worker-metadata (offline servers answer from a bundled copy; it
 * has "ecs", not "ecs:push"). Prefect Cloud: GET /collections/work_pool_types on the workspace,
 * the path Prefect's CloudClient.read_worker_metadata uses; it also lists push types.
 */
export async function getDefaultTemplates(
  client: PrefectClient,
  options: ReadOptions = {},
): Promise<Record<string, DefaultTemplate>> {
  // they change only when the server's collections do: a page may reuse them for minutes
  if (options.display) {
    return displayRead(client, "default_templates", DISPLAY_READ_TTL_MS.defaults, () =>
      getDefaultTemplates(client),
    );
  }
  const action = "read the default work pool templates";
  const metadata = client.cloud
    ? await getUntyped(client, "/collections/work_pool_types", action)
    : await expectData(
        client,
        action,
        client.api.GET("/collections/views/{view}", {
          params: { path: { view: "aggregate-worker-metadata" } },
        }),
      );
  if (!isRecord(metadata)) {
    throw new PrefectError({
      status: 200,
      kind: "unexpected",
      message: `Could not ${action}: the answer is not an object`,
    });
  }
  const out: Record<string, DefaultTemplate> = {};
  // shape: { "<collection>": { "<worker key>": { type, display_name, default_base_job_configuration, … } } }
  for (const [collection, workers] of Object.entries(metadata)) {
    if (!isRecord(workers)) continue;
    for (const worker of Object.values(workers)) {
      if (!isRecord(worker) || typeof worker.type !== "string") continue;
      const template = worker.default_base_job_configuration;
      out[worker.type] = {
        type: worker.type,
        displayName: typeof worker.display_name === "string" ? worker.display_name : null,
        description: typeof worker.description === "string" ? worker.description : null,
        collection,
        baseJobTemplate: isRecord(template) ? template : {},
      };
    }
  }
  return out;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
