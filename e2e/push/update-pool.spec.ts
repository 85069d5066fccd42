import { expect, test, type Page } from "@/testing/e2e/test";
import { gotoLineEnd, waitForMonaco } from "@/e2e/editor/pools";
import {
  api,
  cleanUp,
  createDeployment,
  createPool,
  ec2Template,
  readPool,
  withFargatePreset,
} from "./prefect-api";
import { shot } from "@/testing/e2e/shot";

test.beforeAll(cleanUp);
test.afterAll(cleanUp);

async function openPool(page: Page, name: string) {
  await page.goto(`/pools/${encodeURIComponent(name)}`);
  await waitForMonaco(page);
}

const dialog = (page: Page) => page.getByRole("dialog");

test("edit, push, and Prefect stores exactly the pushed template", async ({ page }, info) => {
  const template = await ec2Template();
  const name = await createPool("push", template);
  const d = await createDeployment(name, "dep", {});
  await openPool(page, name);
  // the deployment takes the pool's launch_type default
  const effective = page
    .getByRole("article", { name: `Deployment ${d.name}` })
    .getByLabel(`Effective configuration of ${d.name}`);
  await expect(effective).toContainText('"launch_type": "EC2"');
  await page.getByRole("button", { name: "Fargate", exact: true }).click();
  await page.getByRole("button", { name: "Update pool" }).click();
  await expect(
    dialog(page).getByTestId("template-diff").locator(".monaco-diff-editor"),
  ).toBeVisible({
    timeout: 30_000,
  });
  await expect(dialog(page).getByTestId("push-checks-count")).toHaveText(
    /Checks \(hybrid mode\): 0 errors, \d+ warnings?/,
  );
  await shot(page, info, "push-diff-dialog");
  await dialog(page).getByRole("button", { name: "Push to Prefect" }).click();
  await expect(dialog(page).getByRole("status").filter({ hasText: "Pushed." })).toHaveText(
    /Pushed\. Prefect stored exactly this template\./,
  );
  const stored = await readPool(name);
  expect(stored.base_job_template).toEqual(withFargatePreset(template));
  expect(stored.base_job_template.variables.properties.launch_type!.default).toBe("FARGATE");
  // closing unmounts the diff editor (Monaco once threw on disposing its models here)
  await page.keyboard.press("Escape");
  await expect(dialog(page)).toBeHidden();
  await expect(page.getByRole("button", { name: "Update pool" })).toBeFocused();
  // the deployments section reads again: the deployment now takes the pushed default
  await expect(effective).toContainText('"launch_type": "FARGATE"');
});

test("a change made through the API after loading is detected and nothing is overwritten", async ({
  page,
}, info) => {
  const template = await ec2Template();
  const name = await createPool("conflict", template);
  await openPool(page, name);
  await page.getByRole("button", { name: "Fargate", exact: true }).click();
  // someone else changes the pool through Prefect's API while the page is open
  const theirs = structuredClone(template);
  theirs.variables.properties.memory!.default = 4096;
  await api("PATCH", `/work_pools/${encodeURIComponent(name)}`, { base_job_template: theirs }, 204);
  const afterTheirs = await readPool(name);

  await page.getByRole("button", { name: "Update pool" }).click();
  await dialog(page).getByRole("button", { name: "Push to Prefect" }).click();
  const alert = dialog(page).getByRole("alert");
  await expect(alert).toContainText(`${name} changed in Prefect`);
  await expect(alert).toContainText("Nothing was pushed");
  await expect(dialog(page).getByText("Prefect now (changed since you loaded it)")).toBeVisible();
  await expect(
    dialog(page).getByTestId("template-diff").locator(".monaco-diff-editor"),
  ).toBeVisible();
  await shot(page, info, "push-conflict");
  const untouched = await readPool(name);
  expect(untouched.base_job_template).toEqual(theirs);
  expect(untouched.updated).toBe(afterTheirs.updated);

  // overwriting needs a second, explicit click
  await dialog(page).getByRole("button", { name: "Overwrite anyway" }).click();
  await expect(
    dialog(page).getByRole("button", { name: "Yes, overwrite the remote version" }),
  ).toBeVisible();
  await dialog(page).getByRole("button", { name: "Cancel" }).click();
  expect((await readPool(name)).base_job_template).toEqual(theirs);

  // rebase: their version becomes the base, my edit stays the draft, and the push goes through
  await dialog(page).getByRole("button", { name: "Load remote and re-apply my edit" }).click();
  await expect(dialog(page).getByText("Stored in Prefect", { exact: true })).toBeVisible();
  await dialog(page).getByRole("button", { name: "Push to Prefect" }).click();
  await expect(dialog(page).getByRole("status").filter({ hasText: "Pushed." })).toBeVisible();
  expect((await readPool(name)).base_job_template).toEqual(withFargatePreset(template));
});

test("a push with errors is refused until the pool name is typed", async ({ page }, info) => {
  const template = await ec2Template();
  const name = await createPool("errors", template);
  await openPool(page, name);
  const text = JSON.stringify(template, null, 2);
  const lines = text.split("\n");
  const launchType = lines.findIndex((l) => l.includes('"title": "Launch Type"'));
  const line = lines.findIndex((l, i) => i > launchType && l.includes('"default": "EC2"')) + 1;
  await gotoLineEnd(page, line);
  // select EC2 between its quotes (after a trailing comma, if any) and type over it
  if (lines[line - 1]!.trimEnd().endsWith(",")) await page.keyboard.press("ArrowLeft");
  await page.keyboard.press("ArrowLeft");
  for (let i = 0; i < 3; i++) await page.keyboard.press("Shift+ArrowLeft");
  await page.keyboard.insertText("BOGUS");
  await expect(page.getByTestId("checks-count")).toHaveText(/^[1-9]\d* errors?/);

  await page.getByRole("button", { name: "Update pool" }).click();
  const d = dialog(page);
  await expect(d.locator('[data-rule="template/default-violates-schema"]')).toHaveCount(1);
  const push = d.getByRole("button", { name: "Push with errors" });
  await expect(push).toBeDisabled();
  await d.getByLabel(/Type the pool name/).fill("not-the-name");
  await expect(push).toBeDisabled();
  await shot(page, info, "push-refused-with-errors");
  expect((await readPool(name)).base_job_template).toEqual(template);

  await d.getByLabel(/Type the pool name/).fill(name);
  await expect(push).toBeEnabled();
  await push.click();
  await expect(d.getByRole("status").filter({ hasText: "Pushed." })).toBeVisible();
  const stored = await readPool(name);
  expect(stored.base_job_template.variables.properties.launch_type!.default).toBe("BOGUS");
});
