import { expect, test } from "@/testing/e2e/test";

import { REGION_COOKIE } from "@/lib/ecs/params";
import { SEED } from "@/testing/seed/ecs";

/**
 * The cluster pages against the seeded ECS emulator (testing/seed/ecs.ts). moto registers every
 * instance with 4,096 CPU units and 7,482 MiB; the seed pins 512-unit/1,024-MiB tasks to instances.
 */
const shots = "test-results/clusters";

test("the clusters of us-east-1 with their default strategies, and a remembered region", async ({
  page,
  context,
}) => {
  // forget the remembered region only: the session cookie keeps the test signed in
  await context.clearCookies({ name: REGION_COOKIE });
  await page.goto("/clusters?region=us-east-1");
  const table = page.getByRole("table");
  const demo = table
    .getByRole("row")
    .filter({ has: page.getByRole("link", { name: SEED.cluster, exact: true }) });
  await expect(demo).toContainText("general-asg, gpu-asg, FARGATE, FARGATE_SPOT");
  await expect(demo.getByRole("list", { name: "Default capacity provider strategy" })).toHaveText(
    /general-asg base 1 · weight 4\s*gpu-asg base 0 · weight 1/,
  );
  await expect(demo.getByRole("cell").nth(4)).toHaveText("4");
  const fargate = table
    .getByRole("row")
    .filter({ has: page.getByRole("link", { name: SEED.fargateCluster, exact: true }) });
  await expect(fargate).toContainText("FARGATE base 1 · weight 1");
  await expect(fargate).toContainText("FARGATE_SPOT base 0 · weight 3");
  await expect(page.getByText(/fetched \d\d:\d\d:\d\d UTC/).first()).toBeVisible();
  await page.screenshot({ path: `${shots}/clusters.png`, fullPage: true });

  await page.getByLabel("Region").selectOption("eu-west-1");
  await expect(page).toHaveURL(/region=eu-west-1/);
  await expect(page.getByText("No ECS clusters in eu-west-1")).toBeVisible();
  // the cookie brings the choice back on a bare /clusters
  await page.goto("/clusters");
  await expect(page.getByLabel("Region")).toHaveValue("eu-west-1");
  await page.getByLabel("Region").selectOption("us-east-1");
  await expect(page.getByRole("link", { name: SEED.cluster, exact: true })).toBeVisible();
});

test("demo-cluster: providers, capacity per provider and per instance with exact numbers", async ({
  page,
}) => {
  await page.goto(`/clusters/${SEED.cluster}?region=us-east-1`);
  const providers = page.getByRole("list", { name: "Capacity providers" });
  const general = providers.getByRole("region", { name: "Capacity provider general-asg" });
  await expect(general).toContainText("Auto Scaling grouppooldeck-general");
  await expect(general).toContainText("Managed scalingENABLED");
  await expect(general).toContainText("Target capacity80%");
  await expect(general).toContainText("Scaling step1–4 instances");
  await expect(general).toContainText("Termination protectionENABLED");
  await expect(general).toContainText("Default strategybase 1 · weight 4");
  await expect(general).toContainText("3 container instances");
  await expect(page.getByRole("meter", { name: "general-asg CPU" })).toHaveAttribute(
    "aria-valuetext",
    "1,536 of 12,288 units reserved, 10,752 free",
  );
  await expect(page.getByRole("meter", { name: "general-asg Memory" })).toHaveAttribute(
    "aria-valuetext",
    "3,072 of 22,446 MiB reserved, 19,374 free",
  );
  await expect(page.getByRole("meter", { name: "gpu-asg CPU" })).toHaveAttribute(
    "aria-valuetext",
    "1,536 of 4,096 units reserved, 2,560 free",
  );
  await expect(providers.getByRole("region", { name: "Capacity provider gpu-asg" })).toContainText(
    "Target capacity100%",
  );
  for (const name of ["FARGATE", "FARGATE_SPOT"]) {
    const card = providers.getByRole("region", { name: `Capacity provider ${name}`, exact: true });
    await expect(card).toContainText("AWS Fargate (serverless)");
    await expect(card).toContainText("ACTIVE");
  }

  const instances = page.getByRole("table", { name: "Container instances" });
  await expect(instances.getByRole("row")).toHaveCount(1 + SEED.instances.length);
  const expected = [
    [
      "m5.large",
      "us-east-1a",
      "general-asg",
      "1,024 of 4,096 units reserved, 3,072 free",
      "2,048 of 7,482 MiB reserved, 5,434 free",
      "2",
    ],
    [
      "c5.xlarge",
      "us-east-1b",
      "general-asg",
      "512 of 4,096 units reserved, 3,584 free",
      "1,024 of 7,482 MiB reserved, 6,458 free",
      "1",
    ],
    [
      "t3.large",
      "us-east-1c",
      "general-asg",
      "0 of 4,096 units reserved, 4,096 free",
      "0 of 7,482 MiB reserved, 7,482 free",
      "0",
    ],
    [
      "g4dn.xlarge",
      "us-east-1a",
      "gpu-asg",
      "1,536 of 4,096 units reserved, 2,560 free",
      "3,072 of 7,482 MiB reserved, 4,410 free",
      "3",
    ],
  ];
  for (const [type, az, provider, cpu, memory, running] of expected) {
    const row = instances
      .getByRole("row")
      .filter({ has: page.getByRole("cell", { name: type!, exact: true }) });
    await expect(row.getByRole("cell").nth(2)).toHaveText(az!);
    await expect(row.getByRole("cell").nth(3)).toHaveText(provider!);
    await expect(row.getByRole("meter", { name: /CPU$/ })).toHaveAttribute("aria-valuetext", cpu!);
    await expect(row.getByRole("meter", { name: /Memory$/ })).toHaveAttribute(
      "aria-valuetext",
      memory!,
    );
    await expect(row.getByRole("cell").nth(7)).toHaveText(running!);
    await expect(row).toContainText("agent connected");
  }
  // every seeded instance belongs to a provider, so no "without a capacity provider" group
  await expect(
    page.getByRole("region", { name: "Instances without a capacity provider" }),
  ).toHaveCount(0);
  await expect(page.getByRole("table", { name: "Task definitions" })).toContainText(
    SEED.taskDefinitions.fargate,
  );
  await page.screenshot({ path: `${shots}/demo-cluster.png`, fullPage: true });
});

test("task definitions: described progressively, filters kept in the URL across a reload, env values never shown", async ({
  page,
}) => {
  await page.goto(`/clusters/${SEED.cluster}?region=us-east-1`);
  const tds = page.getByRole("table", { name: "Task definitions" });
  const row = (family: string) =>
    tds.getByRole("row").filter({ has: page.getByRole("cell", { name: family, exact: true }) });
  await page.getByLabel("Family contains").fill("pooldeck-");
  await expect(page).toHaveURL(/family=pooldeck-/);
  await expect(page.getByText(/described 3 of 3 in view/)).toBeVisible();
  await expect(
    page.getByRole("progressbar", { name: "Task definitions described" }),
  ).toHaveAttribute("aria-valuenow", "3");
  await expect(row(SEED.taskDefinitions.ec2)).toContainText("bridge");
  await expect(row(SEED.taskDefinitions.ec2)).toContainText(
    "env: PREFECT_LOGGING_LEVEL, DATABASE_URL",
  );
  await expect(row(SEED.taskDefinitions.fargate)).toContainText("awsvpc");
  await expect(row(SEED.taskDefinitions.fargate)).toContainText("1024 / 2048");
  await expect(row(SEED.taskDefinitions.fargate).getByRole("cell").nth(3)).toHaveText("FARGATE");
  await expect(row(SEED.taskDefinitions.both)).toContainText("256 / 512");
  await expect(row(SEED.taskDefinitions.both).getByRole("cell").nth(3)).toHaveText("EC2, FARGATE");
  await expect(page.locator("body")).not.toContainText("s3cret");

  await page.getByLabel("Compatibility").selectOption("FARGATE");
  await expect(page).toHaveURL(/compat=FARGATE/);
  await expect(row(SEED.taskDefinitions.ec2)).toHaveCount(0);
  await expect(row(SEED.taskDefinitions.fargate)).toHaveCount(1);
  await expect(row(SEED.taskDefinitions.both)).toHaveCount(1);

  await page.reload();
  await expect(page.getByLabel("Family contains")).toHaveValue("pooldeck-");
  await expect(page.getByLabel("Compatibility")).toHaveValue("FARGATE");
  await expect(row(SEED.taskDefinitions.fargate)).toHaveCount(1);
  await expect(row(SEED.taskDefinitions.ec2)).toHaveCount(0);

  await page.getByLabel("Family contains").fill("ec2-bridge");
  await page.getByLabel("Compatibility").selectOption("");
  await expect(tds.getByRole("row")).toHaveCount(2);
  await expect(row(SEED.taskDefinitions.ec2)).toHaveCount(1);
});

test("refresh and auto-refresh controls, the Fargate-only cluster, and an unknown cluster", async ({
  page,
}) => {
  await page.goto(`/clusters/${SEED.cluster}?region=us-east-1`);
  const before = await page.locator("time").first().getAttribute("datetime");
  await page.getByRole("button", { name: "Refresh cluster" }).click();
  await expect(page.locator("time").first()).not.toHaveAttribute("datetime", before!);
  const auto = page.getByRole("switch", { name: "Auto-refresh every 30 seconds" });
  await expect(auto).toHaveAttribute("aria-checked", "false");
  await auto.click();
  await expect(auto).toHaveAttribute("aria-checked", "true");

  await page.goto(`/clusters/${SEED.fargateCluster}?region=us-east-1`);
  await expect(page.getByText("No container instances")).toBeVisible();
  await expect(
    page.getByRole("region", { name: "Capacity provider FARGATE", exact: true }),
  ).toContainText("Default strategybase 1 · weight 1");
  await expect(page.getByRole("region", { name: "Capacity provider FARGATE_SPOT" })).toContainText(
    "Default strategybase 0 · weight 3",
  );

  await page.goto("/clusters/no-such-cluster?region=us-east-1");
  const alert = page.getByRole("alert").filter({ hasText: "Cluster not found" });
  await expect(alert).toContainText("Cluster not found");
  await expect(alert).toContainText(
    'Cluster "no-such-cluster" was not found in us-east-1 (MISSING)',
  );
  await expect(alert).toContainText("ecs:DescribeClusters");
});
