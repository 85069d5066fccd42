import "server-only";

import { randomBytes } from "node:crypto";

import { createPrefectClient, expectData, type PrefectClient } from "@/lib/prefect/client";
import { isPrefectError } from "@/lib/prefect/errors";
import { deleteWorkPool, listWorkPools } from "@/lib/prefect/work-pools";

/** The API of the stack the integration tests run against (the lead's by default, yours with POOLDECK_PREFECT_PORT). */
export function localPrefectUrl(): string {
  return `http://127.0.0.1:${process.env.POOLDECK_PREFECT_PORT ?? 4200}/api`;
}

/** A client for the local stack with short retry delays. */
export function localTestClient(): PrefectClient {
  // bulk set-up and clean-up write concurrently to a SQLite server, which answers 503 while locked
  return createPrefectClient(
    { apiUrl: localPrefectUrl(), cloud: null },
    { retry: { maxAttempts: 8, baseDelayMs: 200 } },
  );
}

/** A name prefix unique to one test run, so runs and other people's data never collide. */
export function uniquePrefix(label: string): string {
  return `pd-test-${randomBytes(4).toString("hex")}-${label}-`;
}

/** Runs `task` over `items` with at most `limit` in flight. */
export async function inBatches<T>(
  items: T[],
  limit: number,
  task: (item: T) => Promise<unknown>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await task(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/** Deletes every deployment, flow and work pool whose name starts with `prefix`. */
export async function cleanUpByPrefix(client: PrefectClient, prefix: string): Promise<void> {
  // like_ matches anywhere in the name, so the prefix is checked again below
  const like = { like_: prefix };
  const deployments = await expectData(
    client,
    "find test deployments",
    client.api.POST("/deployments/filter", {
      body: { deployments: { operator: "and_", name: like } },
    }),
  );
  const mine = <T extends { name: string }>(items: T[]) =>
    items.filter((i) => i.name.startsWith(prefix));
  await inBatches(mine(deployments), 2, (d) =>
    client.api.DELETE("/deployments/{id}", { params: { path: { id: d.id } } }),
  );
  const flows = await expectData(
    client,
    "find test flows",
    client.api.POST("/flows/filter", { body: { flows: { operator: "and_", name: like } } }),
  );
  await inBatches(mine(flows), 2, (f) =>
    client.api.DELETE("/flows/{id}", { params: { path: { id: f.id } } }),
  );
  const pools = mine(await listWorkPools(client));
  await inBatches(pools, 2, async (p) => {
    try {
      await deleteWorkPool(client, p.name);
    } catch (err) {
      if (!isPrefectError(err, "not-found")) throw err;
    }
  });
}
