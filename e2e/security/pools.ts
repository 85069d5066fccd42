/** Test pools of the security specs in the stack's real Prefect server, removed by name prefix. */
import { prefectRequest } from "@/testing/e2e/prefect-rest";
import { defaultEcsTemplate } from "@/e2e/editor/pools";

export const PREFIX = "e2e-sec-";

export interface StoredPool {
  name: string;
  updated: string;
  base_job_template: Record<string, unknown>;
}

/** Creates an ecs pool with Prefect's default template; returns its name. */
export async function createPool(suffix: string): Promise<string> {
  const name = `${PREFIX}${suffix}-${Date.now().toString(36)}`;
  const res = await prefectRequest("POST", "/work_pools/", {
    name,
    type: "ecs",
    base_job_template: await defaultEcsTemplate(),
  });
  if (res.status !== 201) throw new Error(`creating ${name}: ${res.status} ${await res.text()}`);
  return name;
}

/** The pool as Prefect stores it, or the HTTP status when there is none. */
export async function readPool(name: string): Promise<StoredPool | number> {
  const res = await prefectRequest("GET", `/work_pools/${encodeURIComponent(name)}`);
  return res.ok ? ((await res.json()) as StoredPool) : res.status;
}

/** Removes every pool these specs created. */
export async function deletePools(): Promise<void> {
  const res = await prefectRequest("POST", "/work_pools/filter", { limit: 200 });
  for (const pool of (await res.json()) as { name: string }[]) {
    if (pool.name.startsWith(PREFIX)) {
      await prefectRequest("DELETE", `/work_pools/${encodeURIComponent(pool.name)}`);
    }
  }
}
