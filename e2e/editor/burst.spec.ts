import { expect, test } from "@/testing/e2e/test";
import { prefectRequest } from "@/testing/e2e/prefect-rest";
import { shot } from "@/testing/e2e/shot";
import { createPool, defaultEcsTemplate, deleteTestPools, waitForMonaco } from "./pools";

const BURST = "ecs/burst-exceeds-capacity";

test.afterAll(deleteTestPools);

async function setLimit(pool: string, limit: number | null): Promise<void> {
  const res = await prefectRequest("PATCH", `/work_pools/${encodeURIComponent(pool)}`, {
    concurrency_limit: limit,
  });
  expect(res.status).toBe(204);
}

/**
 * The pool page checks a burst of as many runs as the pool's concurrency limit lets start at once
 * against what the seeded cluster's EC2 capacity provider can place.
 */
test("the pool page sizes a burst by the pool's concurrency limit", async ({ page }, info) => {
  // Prefect's default template on the seeded cluster, placed by the general-asg capacity provider
  const template = await defaultEcsTemplate();
  const request = template.job_configuration.task_run_request;
  request.capacityProviderStrategy = [{ capacityProvider: "general-asg", weight: 1 }];
  delete request.launchType;
  template.variables.properties.cluster!.default = "demo-cluster";
  const pool = await createPool("burst", template);
  const checks = page.getByRole("region", { name: "Checks" });
  const entry = checks.locator(`[data-rule="${BURST}"]`);

  await setLimit(pool, 100);
  await page.goto(`/pools/${pool}`);
  await waitForMonaco(page);
  await expect(entry).toHaveAttribute("data-severity", "warning");
  await expect(entry.getByText(/^A burst of/)).toHaveText(
    `A burst of 100 runs (the work pool's concurrency limit) of a task with 1024 cpu and 2048 MiB needs more than cluster "demo-cluster" can place: 29 (8 on the free capacity of 3 registered instances, 21 more when Auto Scaling scales out (pooldeck-general: 7 more instances up to max size 10, 3 tasks each)). The rest wait for capacity and may fail to start. Raise the groups' max size, lower the concurrency limit or make the task smaller.`,
  );
  await shot(page, info, "burst-warning");
  // the pools list's verdict counts it too
  await page.goto("/pools");
  const row = page.getByRole("row").filter({ hasText: pool });
  await expect(row.getByText(/^\d+ warnings?$/)).toHaveText("1 warning");

  // a limit the cluster can place: every rule runs (the snapshot is read) and none warns
  await setLimit(pool, 2);
  await page.reload();
  await expect(row.getByText(/^\d+ warnings?$/)).toHaveText("0 warnings");
  await page.goto(`/pools/${pool}`);
  await waitForMonaco(page);
  await expect(page.getByText(/^Cluster demo-cluster read at/)).toBeVisible();
  await expect(checks.getByText(/^No problems found/)).toHaveText("No problems found.");
  await expect(entry).toHaveCount(0);
});
