/**
 * The real Prefect server of the stack, read and written through its REST API: the ground truth
 * the push specs compare the UI against. Everything they create starts with PREFIX and is removed
 * by prefix (leftovers of an aborted run included).
 */
import { PREFECT_API, prefectRequest } from "@/testing/e2e/prefect-rest";
import { applyOps } from "@/lib/template/editing/document-model";
import { presetOps } from "@/lib/template/editing/presets";

export { PREFECT_API };
export const PREFIX = "pd-e2e-push-";

export type Json = Record<string, unknown>;
export type Template = {
  job_configuration: Json & { task_run_request: Json };
  variables: Json & { properties: Record<string, Json> };
};

/** One REST call; throws with Prefect's answer when the status is not `expect`. */
export async function api<T = unknown>(
  method: string,
  path: string,
  body?: unknown,
  expect?: number,
): Promise<T> {
  const res = await prefectRequest(method, path, body);
  if (expect !== undefined ? res.status !== expect : !res.ok) {
    throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  }
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** Prefect's default ECS template aimed at the seeded cluster, launch type EC2, no strategy key. */
export async function ec2Template(): Promise<Template> {
  const metadata = await api<Record<string, Record<string, Json>>>(
    "GET",
    "/collections/views/aggregate-worker-metadata",
  );
  for (const workers of Object.values(metadata)) {
    for (const worker of Object.values(workers)) {
      if (worker.type !== "ecs") continue;
      const t = structuredClone(worker.default_base_job_configuration) as Template;
      delete t.job_configuration.task_run_request.capacityProviderStrategy;
      t.variables.properties.cluster!.default = "demo-cluster";
      t.variables.properties.launch_type!.default = "EC2";
      return t;
    }
  }
  throw new Error("the server offers no ecs template");
}

/** The template after the editor's Fargate preset, computed the way the editor computes it. */
export function withFargatePreset(t: Template): Template {
  const text = JSON.stringify(t, null, 2);
  return JSON.parse(applyOps(text, presetOps(JSON.parse(text), "fargate"))) as Template;
}

export interface Pool {
  name: string;
  type: string;
  updated: string;
  is_paused: boolean;
  concurrency_limit: number | null;
  base_job_template: Template;
}

/** Creates a pool with a unique name; returns its name. */
export async function createPool(
  suffix: string,
  template: Template,
  type = "ecs",
): Promise<string> {
  const name = `${PREFIX}${suffix}-${Date.now().toString(36)}`;
  await api("POST", "/work_pools/", { name, type, base_job_template: template }, 201);
  return name;
}

export const readPool = (name: string) =>
  api<Pool>("GET", `/work_pools/${encodeURIComponent(name)}`);

/** Creates a flow and a deployment on `pool` with job_variables; returns the deployment id. */
export async function createDeployment(pool: string, suffix: string, jobVariables: Json) {
  const flow = await api<{ id: string }>("POST", "/flows/", { name: `${PREFIX}flow` });
  const d = await api<{ id: string; name: string }>("POST", "/deployments/", {
    name: `${PREFIX}${suffix}-${Date.now().toString(36)}`,
    flow_id: flow.id,
    work_pool_name: pool,
    job_variables: jobVariables,
  });
  return d;
}

export const readDeployment = (id: string) =>
  api<{ id: string; name: string; updated: string; job_variables: Json }>(
    "GET",
    `/deployments/${id}`,
  );

/** Removes every deployment, flow and pool the push specs created. */
export async function cleanUp(): Promise<void> {
  const deployments = await api<{ id: string; name: string }[]>("POST", "/deployments/filter", {
    deployments: { name: { like_: PREFIX } },
  });
  for (const d of deployments.filter((x) => x.name.startsWith(PREFIX))) {
    await api("DELETE", `/deployments/${d.id}`, undefined, 204);
  }
  const flows = await api<{ id: string; name: string }[]>("POST", "/flows/filter", {
    flows: { name: { like_: PREFIX } },
  });
  for (const f of flows.filter((x) => x.name.startsWith(PREFIX))) {
    await api("DELETE", `/flows/${f.id}`, undefined, 204);
  }
  const pools = await api<{ name: string }[]>("POST", "/work_pools/filter", { limit: 200 });
  for (const p of pools.filter((x) => x.name.startsWith(PREFIX))) {
    await api("DELETE", `/work_pools/${encodeURIComponent(p.name)}`, undefined, 204);
  }
}
