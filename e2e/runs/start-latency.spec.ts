/**
 * The runs page's Start latency section on the seeded runs of demo-ecs (testing/seed/runs.ts): three
 * launch type EC2 tasks on the seeded m5.large of provider general-asg and one FARGATE_SPOT task,
 * all run by the ECS emulator. The emulator returns no task timestamps (createdAt, pullStartedAt,
 * pullStoppedAt, startedAt) nor image digests, so this spec asserts what the page shows for that:
 * every phase missing and named, no figure invented. The phase arithmetic, medians, p95 and cache
 * hits are unit-tested on AWS's DescribeTasks shapes in lib/runs/timings.test.ts and latency.test.ts.
 * The advice is real: the seeded Auto Scaling group behind general-asg has minimum size 0.
 */
import { expect, test, type Page } from "@/testing/e2e/test";
import { PREFECT_SEED } from "@/testing/seed/prefect";
import { RUNS_SEED } from "@/testing/seed/runs";
import { shot } from "@/testing/e2e/shot";

const POOL = RUNS_SEED.pool;
const { optionA, optionB } = PREFECT_SEED.deployments;

const section = (page: Page) => page.getByRole("region", { name: "Start latency", exact: true });

test("the start latency section names the missing phases and advises on the group at minimum 0", async ({
  page,
}, info) => {
  await page.goto(`/pools/${POOL}/runs`);
  const latency = section(page);
  await expect(latency.getByRole("heading", { level: 2 })).toHaveText("Start latency");
  await expect(latency.getByLabel("Runs covered")).toHaveValue("20");
  await expect(latency.getByRole("status").filter({ hasText: /^The last \d/ })).toHaveText(
    "The last 4 runs.",
  );

  const advice = latency.getByRole("list", { name: "Start latency advice" }).getByRole("listitem");
  await expect(advice).toHaveCount(1);
  await expect(advice.first()).toContainText("general-asg scales to zero instances when idle");
  await expect(advice.first()).toContainText(
    "The Auto Scaling group pooldeck-general behind capacity provider general-asg (cluster demo-cluster) has minimum size 0",
  );
  await expect(advice.first()).toContainText(
    /minimum size 0 \(\d+ instances? now\); 3 of the last 4 runs ran on its instances; no pull time known yet; median image pull —/,
  );

  // one deployment on EC2 only; the other on EC2 and FARGATE_SPOT side by side
  const a = latency.getByRole("region", { name: `Start latency of ${optionA}` });
  const b = latency.getByRole("region", { name: `Start latency of ${optionB}` });
  await expect(a.getByRole("heading", { level: 4 })).toHaveText([`${optionA} on EC2 · 2 runs`]);
  await expect(b.getByRole("heading", { level: 4 })).toHaveText([
    `${optionB} on EC2 · 1 run`,
    `${optionB} on FARGATE_SPOT (Fargate) · 1 run`,
  ]);

  const stats = a.getByRole("table", { name: `${optionA} on EC2: median and p95 per phase` });
  await expect(stats.getByRole("rowheader")).toHaveText([
    "Scheduled start → RunTask",
    "Provisioning",
    "Image pull",
    "Container start",
    "Scheduled → started",
  ]);
  for (const row of await stats.locator("tbody tr").all()) {
    await expect(row.locator("td")).toHaveText(["—", "—", "0 of 2"]);
  }
  await expect(a).toContainText("No EC2 pull time known yet: ECS has not reported one.");
  await expect(b).toContainText("Fargate keeps no image between tasks: every run pulls.");

  // the chart draws no bar it has no figure for, and says so beside each run
  const chart = a.getByRole("img", { name: new RegExp(`^${optionA} on EC2: each run's start`) });
  await expect(chart).toBeVisible();
  await expect(chart.locator("rect")).toHaveCount(0);
  await expect(chart.locator("text")).toContainText([
    "nightly-etl-flow-error",
    "— · unknown: scheduled start → runtask, provisioning, image pull, container start",
    "nightly-etl-completed",
    "— · unknown: scheduled start → runtask, provisioning, image pull, container start",
  ]);
  await a.getByText("Figures of each run").click();
  const figures = a.getByRole("table", { name: `${optionA} on EC2: figures of each run` });
  await expect(figures.getByRole("rowheader")).toHaveText([
    "nightly-etl-flow-error",
    "nightly-etl-completed",
  ]);
  await expect(figures.locator("tbody tr").first().locator("td")).toHaveText([
    "—",
    "—",
    "—",
    "—",
    "—",
    /^m5\.large( · i-[0-9a-f]+)?$/,
    "—",
    "submission: no createdAt; provisioning: no createdAt, pullStartedAt; pull: no pullStartedAt, pullStoppedAt; containerStart: no pullStoppedAt, startedAt",
  ]);

  const perProvider = latency.getByRole("region", { name: "Start latency per capacity provider" });
  await expect(perProvider.getByRole("heading", { level: 4 })).toHaveText([
    "EC2 · 3 runs",
    "FARGATE_SPOT (Fargate) · 1 run",
  ]);

  await latency.scrollIntoViewIfNeeded();
  await shot(page, info, "start-latency-light", true);
  await page.getByRole("button", { name: "Switch to dark theme" }).click();
  await shot(page, info, "start-latency-dark", true);
  await page.getByRole("button", { name: "Switch to light theme" }).click();
});

test("the number of runs covered is chosen in the URL, and an unusable one is said", async ({
  page,
}) => {
  await page.goto(`/pools/${POOL}/runs`);
  await section(page).getByLabel("Runs covered").fill("2");
  await section(page).getByRole("button", { name: "Show start latency" }).click();
  await expect(page).toHaveURL(/[?&]latency=2(&|$)/);
  await expect(
    section(page)
      .getByRole("status")
      .filter({ hasText: /^The last \d/ }),
  ).toHaveText("The last 2 runs.");
  // the runs list still shows every run
  await expect(page.getByRole("status").filter({ hasText: "newest first" })).toHaveText(
    "The last 4 runs, newest first.",
  );

  await page.goto(`/pools/${POOL}/runs?latency=500`);
  await expect(section(page).getByLabel("Runs covered")).toHaveValue("200");
  await expect(
    section(page).getByRole("status").filter({ hasText: "at most the last 200" }),
  ).toHaveText(
    "The figures cover at most the last 200 runs (Prefect returns at most 200 at once); showing 200, not 500.",
  );
});
