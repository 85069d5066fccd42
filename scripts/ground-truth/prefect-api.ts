/**
 * The few Prefect REST calls the ground-truth harness needs: a work pool, a flow, a deployment
 * and a scheduled flow run for the worker to pick up, and their removal afterwards.
 */
import type { JsonObject } from "@/lib/template/types";
import { prefectFetch } from "@/testing/seed/prefect";

export type PrefectApi = ReturnType<typeof prefectApi>;

/** Minimal client for the Prefect server at `apiUrl` (…/api). */
export function prefectApi(apiUrl: string) {
  const base = apiUrl.replace(/\/+$/, "");
  async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
    // retries SQLite's "database is locked" 503 and a dropped kept-alive connection
    const res = await prefectFetch(base, method, path, body);
    const text = await res.text();
    if (!res.ok)
      throw new Error(`Prefect ${method} ${path} → ${res.status}: ${text.slice(0, 500)}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }
  return {
    createWorkPool: (name: string, baseJobTemplate: JsonObject) =>
      call<{ id: string; name: string }>("POST", "/work_pools/", {
        name,
        type: "ecs",
        base_job_template: baseJobTemplate,
      }),
    deleteWorkPool: (name: string) =>
      call<void>("DELETE", `/work_pools/${encodeURIComponent(name)}`),
    deleteFlow: (id: string) => call<void>("DELETE", `/flows/${id}`),
    createFlow: (name: string) => call<{ id: string; name: string }>("POST", "/flows/", { name }),
    createDeployment: (
      flowId: string,
      name: string,
      workPoolName: string,
      jobVariables: JsonObject,
    ) =>
      call<{ id: string; name: string }>("POST", "/deployments/", {
        flow_id: flowId,
        name,
        work_pool_name: workPoolName,
        job_variables: jobVariables,
        // no storage, no entrypoint: the flow never runs; only the worker's submission matters
      }),
    deleteDeployment: (id: string) => call<void>("DELETE", `/deployments/${id}`),
    /** `jobVariables`: the flow run's own job variables (as run_deployment(job_variables=...) sets them) */
    createFlowRun: (deploymentId: string, jobVariables?: JsonObject) =>
      call<{ id: string; name: string; state: { type: string } | null }>(
        "POST",
        `/deployments/${deploymentId}/create_flow_run`,
        jobVariables ? { job_variables: jobVariables } : {},
      ),
    readFlowRun: (id: string) =>
      call<{ id: string; state: { type: string; message: string | null } | null }>(
        "GET",
        `/flow_runs/${id}`,
      ),
    deleteFlowRun: (id: string) => call<void>("DELETE", `/flow_runs/${id}`),
  };
}
