/**
 * Presets on the seeded hybrid pool (demo-ecs, Prefect's default template, no cluster named):
 * a preset that needs the cluster's providers waits for the cluster snapshot and then applies as
 * one edit, and says why it cannot apply when no cluster can be read.
 */
import { expect, test, type Page } from "@/testing/e2e/test";
import { SEED } from "@/testing/seed/ecs";
import { PREFECT_SEED } from "@/testing/seed/prefect";
import { draftText, waitForMonaco, type Template } from "./pools";
import { shot } from "@/testing/e2e/shot";

const POOL = PREFECT_SEED.hybridPool;
const SNAPSHOT_DELAY_MS = 2_000;

/** Delays the server action that reads `cluster`'s snapshot (its only argument is the name). */
async function delaySnapshot(page: Page, cluster: string): Promise<{ delayed: () => number }> {
  let delayed = 0;
  await page.route(`**/pools/${POOL}`, async (route) => {
    const request = route.request();
    if (
      request.method() === "POST" &&
      request.headers()["next-action"] &&
      request.postData() === JSON.stringify([cluster])
    ) {
      delayed++;
      await new Promise((resolve) => setTimeout(resolve, SNAPSHOT_DELAY_MS));
    }
    await route.fallback();
  });
  return { delayed: () => delayed };
}

test("Capacity providers clicked right after picking the cluster waits for its snapshot, then applies", async ({
  page,
}, info) => {
  const snapshot = await delaySnapshot(page, SEED.cluster);
  await page.goto(`/pools/${POOL}`);
  await waitForMonaco(page);
  const preset = page.getByRole("button", { name: "Capacity providers" });
  await page.getByLabel("Cluster").selectOption(SEED.cluster);
  await preset.click();
  // the click is remembered while the snapshot is read
  await expect(page.getByRole("status").filter({ hasText: "applies when" })).toHaveText(
    "“Capacity providers” applies when the cluster has been read…",
  );
  await expect(preset).toHaveAccessibleDescription(`reading ${SEED.cluster}…`);
  await shot(page, info, "preset-waiting");

  await expect(page.getByRole("status").filter({ hasText: "Applied" })).toContainText(
    "Applied “Capacity providers”.",
    { timeout: 15_000 },
  );
  expect(snapshot.delayed()).toBe(1);
  const doc = JSON.parse((await draftText(page, POOL)) ?? "{}") as Template;
  expect(Object.hasOwn(doc.job_configuration.task_run_request, "launchType")).toBe(false);
  expect(doc.variables.properties.capacity_provider_strategy!.default).toEqual([
    { capacityProvider: SEED.providers.general.name, base: 1, weight: 1 },
    { capacityProvider: SEED.providers.gpu.name, base: 0, weight: 1 },
  ]);
  expect(doc.variables.properties.cluster!.default).toBe(SEED.cluster);
  // the form shows the strategy, and the checks find nothing wrong with it
  await expect(page.getByLabel("Provider of row 1")).toHaveValue(SEED.providers.general.name);
  await expect(page.getByLabel("Provider of row 2")).toHaveValue(SEED.providers.gpu.name);
  await expect(preset).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByTestId("checks-count")).toHaveText(/^0 errors, \d+ warnings?$/);
  await expect(page.locator("[data-rule='ecs/task-definition-incompatible']")).toHaveCount(0);
  await shot(page, info, "preset-applied");

  // one edit: a single undo takes the preset back and keeps the picked cluster
  await page.getByRole("status").getByRole("button", { name: "Undo" }).click();
  await expect
    .poll(async () => {
      const text = await draftText(page, POOL);
      const undone = JSON.parse(text ?? "{}") as Template;
      return {
        launchType: undone.job_configuration?.task_run_request.launchType,
        strategy: undone.variables?.properties.capacity_provider_strategy!.default,
        cluster: undone.variables?.properties.cluster!.default,
      };
    })
    .toEqual({ launchType: "{{ launch_type }}", strategy: undefined, cluster: SEED.cluster });
});

test("on the default cluster, which cannot be read, Capacity providers says to pick a cluster", async ({
  page,
}, info) => {
  await page.goto(`/pools/${POOL}`);
  await waitForMonaco(page);
  const preset = page.getByRole("button", { name: "Capacity providers" });
  await expect(preset).toHaveAttribute("aria-disabled", "true");
  await expect(preset).toHaveAccessibleDescription("pick a cluster to choose its providers");
  await expect(
    page.getByText("Capacity providers: pick a cluster to choose its providers"),
  ).toBeVisible();
  await preset.click({ force: true });
  // nothing changed: no draft, no "Applied" message, launch type presets still apply
  expect(await draftText(page, POOL)).toBeNull();
  await expect(page.getByRole("status").filter({ hasText: "Applied" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "EC2 launch type" })).not.toHaveAttribute(
    "aria-disabled",
    "true",
  );
  await shot(page, info, "preset-disabled-default-cluster");
});
