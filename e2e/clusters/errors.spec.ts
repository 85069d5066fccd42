import { expect, test } from "@/testing/e2e/test";

import { startAppWithoutAction } from "@/testing/e2e/app-without-action";
import { SEED } from "@/testing/seed/ecs";

/**
 * A dashboard whose IAM identity lacks ecs:DescribeCapacityProviders, on an emulator that enforces
 * IAM: the providers section names the missing action while the rest of the page still works.
 */
test.describe("a missing IAM action", () => {
  let app: Awaited<ReturnType<typeof startAppWithoutAction>>;

  test.beforeAll(async () => {
    test.setTimeout(120_000);
    app = await startAppWithoutAction("ecs:DescribeCapacityProviders", "pooldeck-limited");
  });
  test.afterAll(async () => {
    await app?.stop();
  });

  test("is named in the providers section; instances and task definitions still load", async ({
    page,
  }) => {
    await page.goto(`${app.url}/clusters/${SEED.cluster}?region=${SEED.region}`);
    const providers = page.getByRole("region", { name: "Capacity providers" });
    const alert = providers.getByRole("alert");
    await expect(alert).toContainText("Capacity providers: Access denied");
    await expect(alert).toContainText("ecs:DescribeCapacityProviders");
    await expect(
      page.getByRole("table", { name: "Container instances" }).getByRole("row"),
    ).toHaveCount(1 + SEED.instances.length);
    await page.getByLabel("Family contains").fill("pooldeck-fargate");
    await expect(page.getByRole("table", { name: "Task definitions" })).toContainText(
      "1024 / 2048",
    );
    await page.screenshot({ path: "test-results/clusters/access-denied.png", fullPage: true });
  });
});
