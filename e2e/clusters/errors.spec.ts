import { readFileSync } from "node:fs";

import { expect, test } from "@/testing/e2e/test";

import { startPrivateMoto } from "@/testing/private-moto";
import { freePort } from "@/testing/free-port";
import { SEED, seedEcs, seedIamUser } from "@/testing/seed/ecs";
import { startAppInstance } from "@/testing/e2e/app-instance";

/**
 * A dashboard whose IAM identity lacks ecs:DescribeCapacityProviders, on an emulator that enforces
 * IAM: the providers section names the missing action while the rest of the page still works.
 */
test.describe("a missing IAM action", () => {
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
      (a) => a !== "ecs:DescribeCapacityProviders",
    );
    const key = await seedIamUser(moto.endpoint, "pooldeck-limited", JSON.stringify(policy));
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
