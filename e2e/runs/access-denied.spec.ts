import { readFileSync } from "node:fs";

import { expect, test } from "@/testing/e2e/test";

import { startPrivateMoto } from "@/testing/private-moto";
import { freePort } from "@/testing/free-port";
import { SEED, seedEcs, seedIamUser } from "@/testing/seed/ecs";
import { RUNS_SEED } from "@/testing/seed/runs";
import { startAppInstance } from "@/testing/e2e/app-instance";

/**
 * A dashboard whose IAM identity lacks ecs:DescribeTasks, on an emulator that enforces IAM: the
 * runs page names the missing action in its tasks section; the flow runs from Prefect still show.
 */
test.describe("runs without ecs:DescribeTasks", () => {
  let moto: Awaited<ReturnType<typeof startPrivateMoto>>;
  let app: Awaited<ReturnType<typeof startAppInstance>>;

  test.beforeAll(async () => {
    test.setTimeout(120_000);
    moto = await startPrivateMoto();
    await seedEcs({ endpoint: moto.endpoint });
    const policy = JSON.parse(readFileSync("docs/iam-policy.json", "utf8")) as {
      Statement: { Action: string[] }[];
    };
    policy.Statement[0]!.Action = policy.Statement[0]!.Action.filter(
      (a) => a !== "ecs:DescribeTasks",
    );
    const key = await seedIamUser(moto.endpoint, "pooldeck-no-tasks", JSON.stringify(policy));
    expect(
      (await fetch(`${moto.endpoint}/moto-api/reset-auth`, { method: "POST", body: "0" })).ok,
    ).toBe(true);
    app = await startAppInstance(await freePort(), {
      PREFECT_API_URL: `http://127.0.0.1:${process.env.POOLDECK_PREFECT_PORT ?? "4200"}/api`,
      AWS_ENDPOINT_URL: moto.endpoint,
      AWS_REGION: SEED.region,
      AWS_ACCESS_KEY_ID: key.accessKeyId,
      AWS_SECRET_ACCESS_KEY: key.secretAccessKey,
    });
  });
  test.afterAll(async () => {
    await app?.stop();
    moto?.stop();
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
