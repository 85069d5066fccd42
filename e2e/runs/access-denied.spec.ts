import { expect, test } from "@/testing/e2e/test";

import { startAppWithoutAction } from "@/testing/e2e/app-without-action";
import { RUNS_SEED } from "@/testing/seed/runs";

/**
 * A dashboard whose IAM identity lacks ecs:DescribeTasks, on an emulator that enforces IAM: the
 * runs page names the missing action in its tasks section; the flow runs from Prefect still show.
 */
test.describe("runs without ecs:DescribeTasks", () => {
  let app: Awaited<ReturnType<typeof startAppWithoutAction>>;

  test.beforeAll(async () => {
    test.setTimeout(120_000);
    app = await startAppWithoutAction("ecs:DescribeTasks", "pooldeck-no-tasks");
  });
  test.afterAll(async () => {
    await app?.stop();
  });

  test("the tasks section names the missing action; the runs still show", async ({
    page,
  }, info) => {
    await page.goto(`${app.url}/pools/${RUNS_SEED.pool}/runs`);
    const warning = page.getByRole("status").filter({ hasText: "ECS tasks could not be read" });
    await expect(warning).toContainText("ecs:DescribeTasks");
    await expect(
      page.getByRole("table", { name: "Runs" }).locator("tbody tr td:first-child a"),
    ).toHaveText(RUNS_SEED.runs.map((r) => r.name).reverse());
    await expect(
      page.getByRole("table", { name: "Runs" }).locator("tbody tr td:nth-child(4)"),
    ).toHaveText(RUNS_SEED.runs.map(() => "unavailable"));
    const path = info.outputPath("runs-access-denied.png");
    await page.screenshot({ path, fullPage: true });
    await info.attach("runs-access-denied", { path, contentType: "image/png" });
  });
});
