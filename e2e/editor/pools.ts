/**
 * Test pools in the real Prefect server of the stack, created through its REST API and removed by
 * name prefix. Each test works on its own copy of Prefect's default ECS template.
 */
import type { Page } from "@playwright/test";

import { PREFECT_API, prefectRequest } from "@/testing/e2e/prefect-rest";

export { PREFECT_API };
export const PREFIX = "e2e-editor-";

type Json = Record<string, unknown>;
export type Template = {
  job_configuration: Json & { task_run_request: Json };
  variables: Json & { properties: Record<string, Json> };
};

const call = prefectRequest;

/** Prefect's default ECS base job template, as the server itself serves it. */
export async function defaultEcsTemplate(): Promise<Template> {
  const res = await call("GET", "/collections/views/aggregate-worker-metadata");
  if (!res.ok) throw new Error(`worker metadata: ${res.status}`);
  const metadata = (await res.json()) as Record<string, Record<string, Json>>;
  for (const workers of Object.values(metadata)) {
    for (const worker of Object.values(workers)) {
      if (worker.type === "ecs") return worker.default_base_job_configuration as Template;
    }
  }
  throw new Error("the server offers no ecs template");
}

/**
 * Prefect's default template on the seeded cluster with a capacity provider strategy in the request
 * and launchType misspelled as "launchTyp": one keystroke ("e") creates the conflict.
 */
export async function nearConflictTemplate(): Promise<Template> {
  const t = await defaultEcsTemplate();
  const request = t.job_configuration.task_run_request;
  request.capacityProviderStrategy = [{ capacityProvider: "general-asg", weight: 1 }];
  request.launchTyp = request.launchType;
  delete request.launchType;
  t.variables.properties.cluster!.default = "demo-cluster";
  return t;
}

/** Creates a work pool (type ecs) with a template; returns its name. */
export async function createPool(
  suffix: string,
  template: Template,
  type = "ecs",
): Promise<string> {
  const name = `${PREFIX}${suffix}-${Date.now().toString(36)}`;
  const res = await call("POST", "/work_pools/", { name, type, base_job_template: template });
  if (res.status !== 201) throw new Error(`creating ${name}: ${res.status} ${await res.text()}`);
  return name;
}

/** Removes every pool this suite created (also leftovers of an aborted run). */
export async function deleteTestPools(): Promise<void> {
  const res = await call("POST", "/work_pools/filter", { limit: 200 });
  const pools = (await res.json()) as { name: string }[];
  for (const pool of pools.filter((p) => p.name.startsWith(PREFIX))) {
    await call("DELETE", `/work_pools/${encodeURIComponent(pool.name)}`);
  }
}

/** The editor's draft text for a pool (what the JSON editor holds once it differs from Prefect's). */
export async function draftText(page: Page, pool: string): Promise<string | null> {
  return page.evaluate((suffix) => {
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i) ?? "";
      if (key.startsWith("pooldeck:draft:v1:") && key.endsWith(suffix)) {
        return (JSON.parse(localStorage.getItem(key) ?? "{}") as { text?: string }).text ?? null;
      }
    }
    return null;
  }, `:${pool}`);
}

/** Waits until Monaco has mounted and has the document. */
export async function waitForMonaco(page: Page): Promise<void> {
  await page
    .locator(".monaco-editor .view-lines")
    .first()
    .waitFor({ state: "visible", timeout: 30_000 });
}

/** Moves Monaco's cursor to the end of a 1-based line (Ctrl+G, the go-to-line prompt). */
export async function gotoLineEnd(page: Page, line: number): Promise<void> {
  await page.locator(".monaco-editor .view-lines").first().click();
  await page.keyboard.press("Control+g");
  await page.keyboard.insertText(String(line));
  await page.keyboard.press("Enter");
  await page.keyboard.press("End");
}
