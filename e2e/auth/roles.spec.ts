/**
 * Roles and forged calls, read back through Prefect's REST API: a viewer sees pushing disabled,
 * and the updatePool server action — called directly with the id the page uses — refuses a
 * viewer, a caller without a session, and a cross-origin POST; nothing changes in Prefect. The
 * same forged request from the editor, same-origin, does change the pool (so it was well-formed).
 */
import { expect, test, type Page } from "@/testing/e2e/test";

import { waitForMonaco } from "@/e2e/editor/pools";
import { ec2Template, readPool } from "@/e2e/push/prefect-api";
import { storageStatePath } from "@/testing/e2e/test-auth";
import { captureAction, cleanUpAuthPools, createAuthPool, forgeAction } from "./forge";

const SHOTS = process.env.POOLDECK_SHOTS_DIR;

test.beforeAll(cleanUpAuthPools);
test.afterAll(cleanUpAuthPools);

async function openPool(page: Page, name: string) {
  await page.goto(`/pools/${encodeURIComponent(name)}`);
  await waitForMonaco(page);
}

test("a viewer cannot push: the button is disabled, and forged calls change nothing", async ({
  page,
  browser,
  baseURL,
}) => {
  const template = await ec2Template();
  const name = await createAuthPool("roles", template);
  const before = await readPool(name);

  // the editor's page makes a real (no-op) push: its action id and argument shape are the forgery's
  await openPool(page, name);
  await page.getByRole("button", { name: "Update pool" }).click();
  const action = await captureAction(
    page,
    () => page.getByRole("dialog").getByRole("button", { name: "Push to Prefect" }).click(),
    // the push: one object argument that carries the template
    ([input]) => typeof input === "object" && input !== null && "template" in input,
  );
  await expect(page.getByRole("dialog").getByRole("status")).toContainText("Nothing to push");
  expect((await readPool(name)).updated).toBe(before.updated);

  const changed = structuredClone(template);
  changed.variables.properties.memory!.default = 4096;
  const forgedArgs = [{ ...(action.args[0] as object), template: JSON.stringify(changed) }];
  const origin = new URL(baseURL!).origin;

  // the viewer's own page: pushing is disabled and says why
  const viewer = await browser.newContext({ storageState: storageStatePath(baseURL!, "viewer") });
  const viewerPage = await viewer.newPage();
  await openPool(viewerPage, name);
  await expect(viewerPage.getByRole("group", { name: "Signed-in user" })).toContainText(
    "Vera Viewer",
  );
  await expect(viewerPage.getByRole("button", { name: "Update pool" })).toBeDisabled();
  await expect(viewerPage.getByText("pushing needs the editor role").first()).toBeVisible();
  if (SHOTS) await viewerPage.screenshot({ path: `${SHOTS}/viewer-pool.png` });
  await viewer.close();

  const asViewer = await forgeAction(action, forgedArgs, {
    storageState: storageStatePath(baseURL!, "viewer"),
    origin,
  });
  expect(asViewer.status).toBe(200);
  expect(asViewer.body).toContain(
    '"ok":false,"error":"You need the editor role to do this; Vera Viewer signed in with the viewer role. Nothing was sent.","auth":"forbidden"',
  );

  const anonymous = await forgeAction(action, forgedArgs, { origin });
  expect(anonymous.status).toBe(200);
  expect(anonymous.body).toContain(
    '"ok":false,"error":"You are not signed in, or your session has ended. Sign in again; nothing was sent.","auth":"signed-out"',
  );

  // a cross-origin POST with the editor's own cookie: Next refuses it before the action runs
  const crossOrigin = await forgeAction(action, forgedArgs, {
    storageState: storageStatePath(baseURL!, "editor"),
    origin: "http://evil.example",
  });
  expect(crossOrigin.status).toBe(500);
  expect(crossOrigin.body).not.toContain('"ok":true');

  const after = await readPool(name);
  expect(after.updated).toBe(before.updated);
  expect(after.base_job_template).toEqual(template);

  // control: the same forged request from the editor, same-origin, is a valid push
  const asEditor = await forgeAction(action, forgedArgs, {
    storageState: storageStatePath(baseURL!, "editor"),
    origin,
  });
  expect(asEditor.status).toBe(200);
  expect(asEditor.body).toContain('"ok":true');
  expect((await readPool(name)).base_job_template).toEqual(changed);
});

test("a session that ends mid-edit: the push says sign in again, and the edit survives it", async ({
  page,
  context,
}) => {
  const template = await ec2Template();
  const name = await createAuthPool("expired", template);
  await openPool(page, name);
  await page.getByRole("button", { name: "Fargate", exact: true }).click();
  await expect(page.getByText("Unsaved changes — kept as a draft in this browser")).toBeVisible();

  await context.clearCookies(); // the session ends (expiry, sign-out in another tab, new secret)
  await page.getByRole("button", { name: "Update pool" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByRole("button", { name: "Push to Prefect" }).click();
  const alert = dialog.getByRole("alert");
  await expect(alert).toContainText(
    "You are not signed in, or your session has ended. Sign in again; nothing was sent.",
  );
  await expect(alert).toContainText("Your edit is unchanged in the editor.");
  expect((await readPool(name)).base_job_template).toEqual(template);
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/session-ended.png` });

  // sign in again in a new tab; the tab lands on the pool with the draft restored
  const [tab] = await Promise.all([
    context.waitForEvent("page"),
    alert.getByRole("link", { name: /Sign in again/ }).click(),
  ]);
  await tab.getByLabel("Username", { exact: true }).fill("e2e-editor");
  await tab.getByLabel("Password", { exact: true }).fill("e2e-editor-password");
  await tab.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(tab).toHaveURL(new RegExp(`/pools/${name}$`));
  await expect(tab.getByText(/^Restored your unsaved draft from/)).toBeVisible();
  await tab.close();

  // back in the first tab, the same edit now pushes
  await dialog.getByRole("button", { name: "Push to Prefect" }).click();
  await expect(dialog.getByRole("status").filter({ hasText: "Pushed." })).toBeVisible();
  const stored = (await readPool(name)).base_job_template;
  expect(stored.variables.properties.launch_type!.default).toBe("FARGATE");
});
