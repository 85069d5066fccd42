/**
 * The runs pages against the real stack: the seed's four runs of demo-ecs are Prefect flow runs
 * whose infrastructure_pid names tasks the ECS emulator ran (testing/seed/runs.ts). The emulator
 * gives a stoppedReason but no stopCode, timestamps or placement details beyond the instance, so
 * durations read "—" here (their arithmetic is unit-tested in components/runs/run-format.test.ts).
 */
import { expect, test, type Page, type TestInfo } from "@/testing/e2e/test";
import { offsetToLineColumn } from "@/lib/template/json-text";
import { pointerRange } from "@/lib/template/editing/document-model";
import { PREFECT_SEED } from "@/testing/seed/prefect";
import { RUNS_SEED } from "@/testing/seed/runs";
import { prefectRequest } from "@/testing/e2e/prefect-rest";
import { waitForMonaco } from "@/e2e/editor/pools";
import { shot } from "@/testing/e2e/shot";

const POOL = RUNS_SEED.pool;
const IMAGE_PULL = RUNS_SEED.runs.find((r) => r.name === "nightly-etl-image-pull")!;

/** Light, then dark (the header's theme toggle), then back to light. */
async function shotBothThemes(page: Page, info: TestInfo, name: string) {
  await shot(page, info, `${name}-light`, true);
  await page.getByRole("button", { name: "Switch to dark theme" }).click();
  await shot(page, info, `${name}-dark`, true);
  await page.getByRole("button", { name: "Switch to light theme" }).click();
}

async function json<T>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await prefectRequest(method, path, body);
  expect(res.ok, `${method} ${path}`).toBe(true);
  return (await res.json()) as T;
}

const column = (page: Page, index: number) =>
  page.getByRole("table", { name: "Runs" }).locator(`tbody tr td:nth-child(${index})`);

test("the runs page lists the seeded runs with their tasks", async ({ page }, info) => {
  await page.goto(`/pools/${POOL}/runs`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Runs of ${POOL}`);
  await expect(page.getByRole("status").filter({ hasText: "newest first" })).toHaveText(
    "The last 4 runs, newest first.",
  );
  const names = page.getByRole("table", { name: "Runs" }).locator("tbody tr td:first-child a");
  await expect(names).toHaveText([
    "nightly-etl-running",
    "nightly-etl-image-pull",
    "nightly-etl-flow-error",
    "nightly-etl-completed",
  ]);
  await expect(column(page, 2)).toHaveText(["Running", "Crashed", "Failed", "Completed"]);
  const { optionA, optionB } = PREFECT_SEED.deployments;
  await expect(column(page, 3)).toHaveText([optionB, optionB, optionA, optionA]);
  // the stopped tasks: StopTask's state; the running one advances through moto's own lifecycle
  await expect(column(page, 4).nth(1)).toHaveText("STOPPED");
  await expect(column(page, 4).nth(3)).toHaveText("STOPPED");
  // EC2 launch type on the seeded m5.large; the running run through the FARGATE_SPOT provider
  await expect(column(page, 5)).toHaveText([
    "FARGATE_SPOT",
    "EC2 · m5.large",
    "EC2 · m5.large",
    "EC2 · m5.large",
  ]);
  await expect(column(page, 6).nth(1)).toHaveText("— · — · —");
  await shotBothThemes(page, info, "runs-list");
});

test("a filter narrows the runs and lives in the URL", async ({ page }, info) => {
  await page.goto(`/pools/${POOL}/runs`);
  await page.getByLabel("State").selectOption("CRASHED");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/[?&]state=CRASHED(&|$)/);
  const names = page.getByRole("table", { name: "Runs" }).locator("tbody tr td:first-child a");
  await expect(names).toHaveText(["nightly-etl-image-pull"]);
  await expect(page.getByRole("status").filter({ hasText: "match" })).toHaveText(
    "1 of the last 4 runs match the filters.",
  );
  await shot(page, info, "runs-filtered", true);

  // the URL alone reproduces a filter: by deployment
  const deployment = PREFECT_SEED.deployments.optionA;
  await page.goto(`/pools/${POOL}/runs?deployment=${deployment}`);
  await expect(page.getByLabel("Deployment")).toHaveValue(deployment);
  await expect(names).toHaveText(["nightly-etl-flow-error", "nightly-etl-completed"]);

  // no match: said, with the way back
  await page.goto(`/pools/${POOL}/runs?state=CANCELLED`);
  await expect(page.getByRole("status").filter({ hasText: "No run matches" })).toBeVisible();
  await page.getByRole("link", { name: "Clear filters" }).first().click();
  await expect(page).toHaveURL(new RegExp(`/pools/${POOL}/runs$`));
  await expect(names).toHaveCount(4);
});

test("a run's page shows its task and the stopped reason ECS gave", async ({ page }, info) => {
  await page.goto(`/pools/${POOL}/runs`);
  await page.getByRole("link", { name: IMAGE_PULL.name }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(IMAGE_PULL.name);
  const flowRun = page.getByRole("region", { name: "Flow run" });
  await expect(flowRun.getByText(IMAGE_PULL.state.message!)).toBeVisible();
  const task = page.getByRole("region", { name: "ECS task" });
  await expect(
    task.getByText("Stopped reason").locator("xpath=following-sibling::dd[1]"),
  ).toHaveText(IMAGE_PULL.stoppedReason!);
  await expect(
    task.getByText("Task definition").locator("xpath=following-sibling::dd[1]"),
  ).toHaveText("pooldeck-ec2-bridge:1");
  await expect(task.getByText("Where it ran").locator("xpath=following-sibling::dd[1]")).toHaveText(
    "EC2 · m5.large",
  );
  await expect(
    page.getByRole("table", { name: "Containers" }).locator("tbody tr td:first-child"),
  ).toHaveText(["worker"]);
  await expect(page.getByRole("region", { name: "Log tail" })).toBeVisible();
  await shotBothThemes(page, info, "run-detail");
});

test("the pool page says how the recent runs went and links to them", async ({ page }, info) => {
  await page.goto(`/pools/${POOL}`);
  const summary = page.getByRole("region", { name: "Recent runs" });
  // two of the four seeded runs failed (Failed, Crashed); a diagnosis may name the reason after ":"
  const health = summary.getByRole("link", { name: /^2 of the last 4 runs failed/ });
  await expect(health).toBeVisible();
  await expect(summary).toContainText(
    "Workers: none has polled this pool; its runs stay Late until one does.",
  );
  await shot(page, info, "pool-health", true);
  await health.click();
  await expect(page).toHaveURL(new RegExp(`/pools/${POOL}/runs$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Runs of ${POOL}`);

  // and the pools list links every pool to its runs
  await page.goto("/pools");
  await page.getByRole("link", { name: `Runs of ${POOL}`, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/pools/${POOL}/runs$`));
});

test("the runs line's read route answers the line for a pool and 404 for a pool Prefect lacks", async ({
  page,
}) => {
  const line = await page.request.get(`/api/pools/${POOL}/runs-line`);
  expect([line.status(), line.headers()["cache-control"]]).toEqual([200, "no-store"]);
  expect(await line.json()).toEqual({
    ok: true,
    data: {
      runs: "2 of the last 4 runs failed: image pull",
      workers: "Workers: none has polled this pool; its runs stay Late until one does.",
      workersMuted: false,
    },
  });
  const unknown = await page.request.get("/api/pools/pd-e2e-no-such-pool/runs-line");
  expect(unknown.status()).toBe(404);
  expect(await unknown.json()).toEqual({
    ok: false,
    error: expect.stringMatching(/pd-e2e-no-such-pool.*\(404\)$/) as unknown,
    notFound: true,
  });
});

/** The 1-based line the editor's cursor should be on after selecting `pointer` in `text`. */
function expectedLine(text: string, pointer: string): number {
  const where = pointerRange(text, pointer);
  expect(where?.exact, `${pointer} exists`).toBe(true);
  return offsetToLineColumn(text, where!.offset + where!.length).line;
}

test("the editor link lands on the pointer's line in the pool's template", async ({
  page,
}, info) => {
  const pointer = "/job_configuration/task_run_request/launchType";
  const pool = await json<{ base_job_template: unknown }>("GET", `/work_pools/${POOL}`);
  const line = expectedLine(JSON.stringify(pool.base_job_template, null, 2), pointer);
  await page.goto(`/pools/${POOL}?at=${encodeURIComponent(pointer)}`);
  await waitForMonaco(page);
  const pane = page.getByTestId("json-pane");
  await expect(pane.locator(".active-line-number")).toHaveText(String(line));
  await expect(pane.locator(".selected-text").first()).toBeVisible();
  // the selected line is the one with the property
  const lineTop = await pane
    .locator(".active-line-number")
    .evaluate((el) => (el.parentElement as HTMLElement).style.top);
  await expect(pane.locator(`.view-line[style*="top:${lineTop}"]`)).toHaveText(
    '      "launchType": "{{ launch_type }}",',
  );
  await shot(page, info, "deep-link-template", true);
});

test("the editor link lands on the pointer's line in a deployment's job_variables", async ({
  page,
}, info) => {
  const deployments = await json<{ id: string; name: string; job_variables: unknown }[]>(
    "POST",
    "/deployments/filter",
    { deployments: { name: { any_: [PREFECT_SEED.deployments.optionA] } } },
  );
  const d = deployments[0]!;
  const line = expectedLine(JSON.stringify(d.job_variables, null, 2), "/launch_type");
  await page.goto(`/pools/${POOL}?deployment=${d.id}&at=${encodeURIComponent("/launch_type")}`);
  const editor = page.getByRole("group", { name: `job_variables of ${d.name}` });
  await expect(editor.locator(".active-line-number")).toHaveText(String(line), {
    timeout: 30_000,
  });
  await expect(editor.locator(".selected-text").first()).toBeVisible();
  await shot(page, info, "deep-link-job-variables", true);
});

test("an unknown pool's runs page says there is no such pool", async ({ page }) => {
  const unknown = "pd-e2e-runs-no-such-pool";
  await page.goto(`/pools/${unknown}/runs`);
  await expect(page.getByRole("alert").filter({ hasText: "No such work pool" })).toHaveText(
    `No such work poolPrefect has no work pool named ${unknown}. See all pools or start a new one.`,
  );
});

test.describe("signed out", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("a run's page never reaches a signed-out browser", async ({ page }) => {
    const [run] = await json<{ id: string }[]>("POST", "/flow_runs/filter", {
      flow_runs: { name: { any_: [IMAGE_PULL.name] } },
    });
    const response = await page.goto(`/pools/${POOL}/runs/${run!.id}`);
    await expect(page).toHaveURL(/\/sign-in/);
    expect(await response!.text()).not.toContain("CannotPullContainerError");
    await expect(page.getByText("CannotPullContainerError")).toHaveCount(0);
  });
});
