import { expect, test } from "@/testing/e2e/test";

import { startAppInstance } from "@/testing/e2e/app-instance";

const prefectPort = process.env.POOLDECK_PREFECT_PORT ?? "4200";
const motoPort = process.env.POOLDECK_MOTO_PORT ?? "5000";

test("reports Prefect and ECS connected on the seeded stack", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "Status" })).toBeVisible();

  const prefect = page.getByRole("region", { name: "Prefect" });
  await expect(prefect.getByText("Connected", { exact: true })).toBeVisible();
  await expect(prefect.getByText(`http://127.0.0.1:${prefectPort}/api`)).toBeVisible();
  await expect(prefect.getByText("Prefect 3.9.1 (self-hosted)")).toBeVisible();

  const ecs = page.getByRole("region", { name: "Amazon ECS" });
  await expect(ecs.getByText("Connected", { exact: true })).toBeVisible();
  await expect(ecs.getByText("us-east-1", { exact: true })).toBeVisible();
  await expect(ecs.getByText(`http://127.0.0.1:${motoPort}`)).toBeVisible();
  await expect(ecs.getByText("arn:aws:sts::123456789012:user/moto")).toBeVisible();
  // the seed creates demo-cluster and fargate-cluster
  await expect(ecs.getByText("2 in us-east-1")).toBeVisible();
  await expect(page.getByRole("main").getByRole("alert")).toHaveCount(0);
});

test.describe("when Prefect and the ECS emulator are not running", () => {
  let instance: Awaited<ReturnType<typeof startAppInstance>>;

  test.beforeAll(async () => {
    // Ports where nothing listens: the same view a user gets after stopping both services.
    instance = await startAppInstance(3199, {
      PREFECT_API_URL: "http://127.0.0.1:4399/api",
      AWS_ENDPOINT_URL: "http://127.0.0.1:5399",
      AWS_ACCESS_KEY_ID: "testing",
      AWS_SECRET_ACCESS_KEY: "testing",
    });
  });
  test.afterAll(async () => instance.stop());

  test("says what is down and what to do", async ({ page }) => {
    await page.goto(instance.url);
    const prefect = page.getByRole("region", { name: "Prefect" });
    await expect(prefect.getByText("Not connected", { exact: true })).toBeVisible();
    await expect(prefect.getByRole("alert")).toHaveText(
      "Prefect is not reachable at http://127.0.0.1:4399/api (connection refused)" +
        "Check PREFECT_API_URL and that the server runs. For the local stack: `npm run stack:start` (or `npm run demo`).",
    );

    const ecs = page.getByRole("region", { name: "Amazon ECS" });
    await expect(ecs.getByText("Not connected", { exact: true })).toBeVisible();
    await expect(ecs.getByRole("alert")).toHaveText(
      "The ECS endpoint http://127.0.0.1:5399 did not answer. If it is the local emulator, start it with `npm run stack:start`." +
        "Failed call: ecs:ListClusters",
    );
    await page.screenshot({ path: test.info().outputPath("status-down.png"), fullPage: true });
  });
});

test("without AWS credentials the ECS card says how to provide them", async ({ page }) => {
  const instance = await startAppInstance(3197, {
    PREFECT_API_URL: `http://127.0.0.1:${prefectPort}/api`,
    AWS_ENDPOINT_URL: `http://127.0.0.1:${motoPort}`,
    AWS_ACCESS_KEY_ID: "",
    AWS_SECRET_ACCESS_KEY: "",
    AWS_PROFILE: "",
    // keep the SDK's chain on this machine: no instance-metadata probe
    AWS_EC2_METADATA_DISABLED: "true",
    AWS_CONFIG_FILE: "/nonexistent",
    AWS_SHARED_CREDENTIALS_FILE: "/nonexistent",
  });
  try {
    await page.goto(instance.url);
    await expect(
      page.getByRole("region", { name: "Prefect" }).getByText("Connected", { exact: true }),
    ).toBeVisible();
    await expect(page.getByRole("region", { name: "Amazon ECS" }).getByRole("alert")).toHaveText(
      "No AWS credentials were found. Set AWS_PROFILE (or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY), log in with `aws sso login`, or run Pooldeck with an instance or task role." +
        "Failed call: ecs:ListClusters",
    );
  } finally {
    await instance.stop();
  }
});

test("a server with a bad configuration refuses to start and names the variable", async () => {
  await expect(
    startAppInstance(3198, { PREFECT_API_URL: "prefect.internal:4200" }),
  ).rejects.toThrow("PREFECT_API_URL: PREFECT_API_URL must be an http(s) URL");
});
