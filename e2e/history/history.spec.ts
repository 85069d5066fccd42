/**
 * Audit history through the UI against the real Prefect server: a push appears with who, when,
 * kind and the exact diff; restoring an earlier version goes through Update pool and Prefect then
 * stores exactly that template; a deployment's job_variables change appears under its pool.
 */
import { expect, test, type Locator, type Page } from "@/testing/e2e/test";
import { draftText, waitForMonaco } from "@/e2e/editor/pools";
import {
  api,
  ec2Template,
  readDeployment,
  readPool,
  withFargatePreset,
  type Template,
} from "@/e2e/push/prefect-api";
import { shot } from "@/testing/e2e/shot";

const PREFIX = "pd-e2e-history-";
/** Who the app records: the test editor every spec is signed in as (TEST_USERS.editor in testing/e2e/test-auth.ts). */
const OPERATOR = process.env.POOLDECK_E2E_OPERATOR ?? "Eddie Editor (e2e-editor)";

async function cleanUp() {
  const deployments = await api<{ id: string; name: string }[]>("POST", "/deployments/filter", {
    deployments: { name: { like_: PREFIX } },
  });
  for (const d of deployments.filter((x) => x.name.startsWith(PREFIX))) {
    await api("DELETE", `/deployments/${d.id}`, undefined, 204);
  }
  const pools = await api<{ name: string }[]>("POST", "/work_pools/filter", { limit: 200 });
  for (const p of pools.filter((x) => x.name.startsWith(PREFIX))) {
    await api("DELETE", `/work_pools/${encodeURIComponent(p.name)}`, undefined, 204);
  }
}
test.beforeAll(cleanUp);
test.afterAll(cleanUp);

async function createPool(suffix: string, template: Template): Promise<string> {
  const name = `${PREFIX}${suffix}-${Date.now().toString(36)}`;
  await api("POST", "/work_pools/", { name, type: "ecs", base_job_template: template }, 201);
  return name;
}

/** The visible text of one side of the Monaco diff (Monaco renders spaces as U+00A0). */
async function diffSide(item: Locator, side: "original" | "modified"): Promise<string> {
  const text = await item.locator(`.monaco-diff-editor .editor.${side} .view-lines`).innerText();
  return text.replace(/\u00a0/g, " ");
}

/** Asserts a history entry's time is a UTC time within [from, now]. */
async function expectTimeBetween(item: Locator, from: number) {
  const time = item.locator("time");
  await expect(time).toHaveText(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC$/);
  const at = Date.parse((await time.getAttribute("datetime")) ?? "");
  expect(at).toBeGreaterThanOrEqual(Math.floor(from / 1000) * 1000);
  expect(at).toBeLessThanOrEqual(Date.now());
}

const dialog = (page: Page) => page.getByRole("dialog");
const entries = (page: Page) =>
  page.getByRole("list", { name: "Changes, newest first" }).locator(":scope > li");

test("a push appears in the history, and restoring the version before goes through Update pool", async ({
  page,
}, info) => {
  const original = await ec2Template();
  const name = await createPool("restore", original);
  const started = Date.now();
  await page.goto(`/pools/${encodeURIComponent(name)}`);
  await waitForMonaco(page);
  await page.getByRole("button", { name: "Fargate", exact: true }).click();
  await page.getByRole("button", { name: "Update pool" }).click();
  await dialog(page).getByRole("button", { name: "Push to Prefect" }).click();
  await expect(dialog(page).getByRole("status").filter({ hasText: "Pushed." })).toBeVisible();
  const pushed = withFargatePreset(original);
  expect((await readPool(name)).base_job_template).toEqual(pushed);
  await page.keyboard.press("Escape");

  await page.getByRole("link", { name: "History" }).click();
  await expect(page.getByRole("heading", { name: `History of ${name}` })).toBeVisible();
  await expect(entries(page)).toHaveCount(1);
  const item = entries(page).first();
  await expect(item.getByTestId("history-kind")).toHaveText("Template updated");
  await expect(item.getByTestId("history-who")).toHaveText(OPERATOR);
  await expect(item.getByText("Stored in Prefect")).toBeVisible();
  await expectTimeBetween(item, started);

  await item.getByRole("button", { name: "Show changes" }).click();
  await expect(item.locator(".monaco-diff-editor")).toBeVisible({ timeout: 30_000 });
  await expect(item.getByText("Before", { exact: true })).toBeVisible();
  await expect(item.getByText("After", { exact: true })).toBeVisible();
  // the launch type default is the change the Fargate preset makes: EC2 before, FARGATE after
  await expect.poll(() => diffSide(item, "original")).toContain('"default": "EC2"');
  expect(await diffSide(item, "modified")).toContain('"default": "FARGATE"');
  expect(await diffSide(item, "modified")).not.toContain('"default": "EC2"');
  await shot(page, info, "history-entry-diff");

  // "this version" is what Prefect stores now; the version before is restorable
  await expect(item.getByText("This version is the pool's current template.")).toBeVisible();
  await item.getByRole("button", { name: "Restore the version before this change" }).click();
  await expect(page).toHaveURL(/\/pools\/[^/]+\?restored=\d+&side=before$/);
  await expect(page.getByText("An earlier version is loaded as a draft")).toBeVisible();
  await expect(
    page.getByText(
      /the template as it was before the change by .+ on \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC \(Template updated\)\./,
    ),
  ).toBeVisible();
  await waitForMonaco(page);
  expect(await draftText(page, name)).toBe(JSON.stringify(original, null, 2));
  expect((await readPool(name)).base_job_template).toEqual(pushed);
  await shot(page, info, "history-restored-draft");

  await page.getByRole("button", { name: "Update pool" }).click();
  await expect(dialog(page).locator(".monaco-diff-editor")).toBeVisible({ timeout: 30_000 });
  await expect(dialog(page).getByTestId("push-checks-count")).toHaveText(/0 errors/);
  await shot(page, info, "history-restore-push-dialog");
  await dialog(page).getByRole("button", { name: "Push to Prefect" }).click();
  await expect(dialog(page).getByRole("status").filter({ hasText: "Pushed." })).toBeVisible();
  expect((await readPool(name)).base_job_template).toEqual(original);
  expect(await draftText(page, name)).toBeNull();
  await page.keyboard.press("Escape");

  await page.goto(`/pools/${encodeURIComponent(name)}/history`);
  await expect(entries(page)).toHaveCount(2);
  const restore = entries(page).first();
  await expect(restore.getByTestId("history-kind")).toHaveText("Template updated");
  await restore.getByRole("button", { name: "Show changes" }).click();
  await expect.poll(() => diffSide(restore, "modified")).toContain('"default": "EC2"');
  expect(await diffSide(restore, "original")).toContain('"default": "FARGATE"');
  await shot(page, info, "history-after-restore");
});

test("a deployment's job_variables change and a pause appear in its pool's history", async ({
  page,
}, info) => {
  const pool = await createPool("deploy", await ec2Template());
  const flow = await api<{ id: string }>("POST", "/flows/", { name: `${PREFIX}flow` });
  const d = await api<{ id: string; name: string }>("POST", "/deployments/", {
    name: `${PREFIX}dep-${Date.now().toString(36)}`,
    flow_id: flow.id,
    work_pool_name: pool,
    job_variables: { launch_type: "EC2" },
  });
  const started = Date.now();
  await page.goto(`/pools/${encodeURIComponent(pool)}`);
  const article = page.getByRole("article", { name: `Deployment ${d.name}` });
  await article.getByText("Edit job variables").click();
  const editor = article.locator(".monaco-editor .view-lines");
  await editor.waitFor({ state: "visible", timeout: 30_000 });
  await editor.click();
  // line 2 is `  "launch_type": "EC2"`: select EC2 inside its quotes and type over it
  await page.keyboard.press("Control+Home");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("End");
  await page.keyboard.press("ArrowLeft");
  for (let i = 0; i < 3; i++) await page.keyboard.press("Shift+ArrowLeft");
  await page.keyboard.insertText("FARGATE");
  await article.getByRole("button", { name: "Save job variables" }).click();
  await expect(article.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
  expect((await readDeployment(d.id)).job_variables).toEqual({ launch_type: "FARGATE" });

  await page.goto("/pools");
  const row = page.locator(`tr[data-pool="${pool}"]`);
  await row.getByRole("switch", { name: `${pool} accepts runs` }).click();
  await expect(row).toContainText("Paused");
  expect((await readPool(pool)).is_paused).toBe(true);

  await page.goto(`/pools/${encodeURIComponent(pool)}/history`);
  await expect(entries(page)).toHaveCount(2);
  const [paused, jobVariables] = [entries(page).nth(0), entries(page).nth(1)];
  await expect(paused.getByTestId("history-kind")).toHaveText("Paused");
  await expect(paused.getByTestId("history-field")).toHaveText("is_paused: false → true");
  await expect(paused.getByTestId("history-who")).toHaveText(OPERATOR);
  await expect(jobVariables.getByTestId("history-kind")).toHaveText(
    `Job variables of deployment ${d.name}`,
  );
  await expect(jobVariables.getByTestId("history-who")).toHaveText(OPERATOR);
  await expectTimeBetween(jobVariables, started);
  await jobVariables.getByRole("button", { name: "Show changes" }).click();
  await expect.poll(() => diffSide(jobVariables, "original")).toContain('"launch_type": "EC2"');
  expect(await diffSide(jobVariables, "modified")).toContain('"launch_type": "FARGATE"');
  // job variables are not a pool template: nothing to restore here
  await expect(jobVariables.getByRole("button", { name: /Restore/ })).toHaveCount(0);
  await shot(page, info, "history-deployment-entry");
});
