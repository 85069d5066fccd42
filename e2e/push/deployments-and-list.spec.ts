import { expect, test, type Locator, type Page } from "@/testing/e2e/test";
import {
  cleanUp,
  createDeployment,
  createPool,
  ec2Template,
  PREFIX,
  readDeployment,
  readPool,
} from "./prefect-api";
import { shot } from "@/testing/e2e/shot";

test.beforeAll(cleanUp);
test.afterAll(cleanUp);

/** Opens a deployment's job_variables editor and selects `chars` characters before the end of line 2. */
async function selectInJobVariables(page: Page, article: Locator, back: number, chars: number) {
  await article.getByText("Edit job variables").click();
  const editor = article.locator(".monaco-editor .view-lines");
  await editor.waitFor({ state: "visible", timeout: 30_000 });
  await editor.click();
  await page.keyboard.press("Control+Home");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("End");
  for (let i = 0; i < back; i++) await page.keyboard.press("ArrowLeft");
  for (let i = 0; i < chars; i++) await page.keyboard.press("Shift+ArrowLeft");
}

test("a deployment's launch_type change lands in Prefect", async ({ page }, info) => {
  const pool = await createPool("deploy", await ec2Template());
  const d = await createDeployment(pool, "dep", { launch_type: "EC2" });
  await page.goto(`/pools/${encodeURIComponent(pool)}`);
  const article = page.getByRole("article", { name: `Deployment ${d.name}` });
  await expect(article.getByLabel(`Stored job_variables of ${d.name}`)).toHaveText(
    JSON.stringify({ launch_type: "EC2" }, null, 2),
  );
  await expect(article.getByLabel(`Effective configuration of ${d.name}`)).toContainText(
    '"launch_type": "EC2"',
  );
  // line 2 is `  "launch_type": "EC2"`: select EC2 inside its quotes
  await selectInJobVariables(page, article, 1, 3);
  await page.keyboard.insertText("FARGATE");
  // a save reads the deployments section again (GET of its read route): the section must stay as
  // it is, outcome and editor, until the new answer, and never go back to "Reading the pool's
  // deployments…"
  await page.evaluate(() => {
    const w = window as unknown as { __readingAgain: boolean };
    w.__readingAgain = false;
    new MutationObserver(() => {
      if (document.body.textContent?.includes("Reading the pool's deployments")) {
        w.__readingAgain = true;
      }
    }).observe(document.body, { childList: true, subtree: true, characterData: true });
  });
  const readAgain = page.waitForRequest(
    (r) =>
      r.method() === "GET" &&
      new URL(r.url()).pathname === `/api/pools/${encodeURIComponent(pool)}/deployments`,
  );
  await article.getByRole("button", { name: "Save job variables" }).click();
  await expect(article.getByRole("status").filter({ hasText: "Saved." })).toHaveText(
    "Saved. Prefect stored exactly these job variables.",
  );
  await (await readAgain).response();
  await expect(article.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
  expect(
    await page.evaluate(() => (window as unknown as { __readingAgain: boolean }).__readingAgain),
  ).toBe(false);
  await shot(page, info, "push-deployment-saved");
  expect((await readDeployment(d.id)).job_variables).toEqual({ launch_type: "FARGATE" });
});

test("launch_type null is caught before anything is sent", async ({ page }) => {
  const pool = await createPool("null", await ec2Template());
  const d = await createDeployment(pool, "dep", { launch_type: "EC2" });
  const before = await readDeployment(d.id);
  await page.goto(`/pools/${encodeURIComponent(pool)}`);
  const article = page.getByRole("article", { name: `Deployment ${d.name}` });
  await selectInJobVariables(page, article, 0, 5);
  await page.keyboard.insertText("null");
  await expect(
    article.locator('[data-rule="prefect/job-variable-violates-schema"]').first(),
  ).toBeVisible();
  await article.getByRole("button", { name: "Save job variables" }).click();
  const alert = article.getByRole("alert").filter({ hasText: "Not saved" });
  await expect(alert).toContainText("Not saved: Prefect would reject these job variables");
  await expect(alert).toContainText("Your edit is unchanged.");
  const after = await readDeployment(d.id);
  expect(after.job_variables).toEqual({ launch_type: "EC2" });
  expect(after.updated).toBe(before.updated);
});

test("the pools list shows type, status and verdict, and pauses and limits a pool", async ({
  page,
}, info) => {
  const pool = await createPool("list", await ec2Template());
  await page.goto("/pools");
  const row = page.locator(`tr[data-pool="${pool}"]`);
  await expect(row.getByRole("link", { name: pool, exact: true })).toHaveAttribute(
    "href",
    `/pools/${pool}`,
  );
  await expect(row.getByRole("link", { name: `Runs of ${pool}` })).toHaveAttribute(
    "href",
    `/pools/${pool}/runs`,
  );
  await expect(row).toContainText("ecs");
  await expect(row).toContainText("Active");
  await expect(row).toContainText("0 errors");
  await expect(row).toContainText("against demo-cluster");
  await expect(page.locator('tr[data-pool="demo-ecs"]')).toBeVisible();
  await shot(page, info, "push-pools-list");

  await row.getByRole("switch", { name: `${pool} accepts runs` }).click();
  await expect(row).toContainText("Paused");
  expect((await readPool(pool)).is_paused).toBe(true);
  await row.getByLabel(`Concurrency limit of ${pool}`).fill("3");
  await row.getByRole("button", { name: "Set limit" }).click();
  // the button is disabled while the write is pending too, so wait for Prefect itself
  await expect.poll(async () => (await readPool(pool)).concurrency_limit).toBe(3);
  await expect(row.getByRole("button", { name: "Set limit" })).toBeDisabled();
  await row.getByLabel(`Concurrency limit of ${pool}`).fill("");
  await row.getByRole("button", { name: "Set limit" }).click();
  await expect.poll(async () => (await readPool(pool)).concurrency_limit).toBeNull();
});

test("a pool is created from /pools/new with the edited template", async ({ page }) => {
  const name = `${PREFIX}created-${Date.now().toString(36)}`;
  await page.goto("/pools/new");
  await page.getByLabel("Pool name").fill("Prefect-reserved");
  await expect(page.getByRole("button", { name: "Create pool" })).toBeDisabled();
  await page.getByLabel("Pool name").fill(name);
  await page.getByRole("button", { name: "EC2 launch type" }).click();
  await page.getByRole("button", { name: "Create pool" }).click();
  await page.waitForURL(`**/pools/${name}`);
  const stored = await readPool(name);
  expect(stored.type).toBe("ecs");
  expect(stored.base_job_template.variables.properties.launch_type!.default).toBe("EC2");
});
