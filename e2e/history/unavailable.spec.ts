/**
 * "No change may be lost": an app whose audit history cannot be written (DATABASE_URL points at a
 * PostgreSQL that does not answer) refuses the push with a sentence, and Prefect is untouched.
 */
import { expect, test } from "@/testing/e2e/test";
import { freePort } from "@/testing/free-port";
import { startAppInstance } from "@/testing/e2e/app-instance";
import { signIn } from "@/testing/e2e/sign-in";
import { TEST_USERS } from "@/testing/e2e/test-auth";
import { api, ec2Template, readPool } from "@/e2e/push/prefect-api";

const PREFIX = "pd-e2e-history-down-";
let app: { url: string; stop: () => Promise<void> } | undefined;

test.afterAll(async () => {
  await app?.stop();
  const pools = await api<{ name: string }[]>("POST", "/work_pools/filter", { limit: 200 });
  for (const p of pools.filter((x) => x.name.startsWith(PREFIX))) {
    await api("DELETE", `/work_pools/${encodeURIComponent(p.name)}`, undefined, 204);
  }
});

test("a push is refused and nothing reaches Prefect when the history cannot be written", async ({
  browser,
}, info) => {
  const template = await ec2Template();
  const name = `${PREFIX}${Date.now().toString(36)}`;
  await api("POST", "/work_pools/", { name, type: "ecs", base_job_template: template }, 201);
  const before = await readPool(name);
  // port 9 (discard) on the loopback: nothing listens, so every connection is refused at once
  app = await startAppInstance(await freePort(), {
    DATABASE_URL: "postgres://pooldeck@127.0.0.1:9/pooldeck",
  });
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  const path = `/pools/${encodeURIComponent(name)}`;
  await signIn(page, {
    baseURL: app.url,
    username: TEST_USERS.editor.username,
    password: TEST_USERS.editor.password,
    callbackUrl: path,
  });
  await page.locator(".monaco-editor .view-lines").first().waitFor({ timeout: 30_000 });
  await page.getByRole("button", { name: "Fargate", exact: true }).click();
  await page.getByRole("button", { name: "Update pool" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByRole("button", { name: "Push to Prefect" }).click();
  const alert = dialog.getByRole("alert");
  await expect(alert).toContainText(
    "Nothing was sent to Prefect: the audit history cannot record this change (",
  );
  await expect(alert).toContainText(
    "Pooldeck refuses every change it cannot record, so that no change is lost",
  );
  const body = await page.screenshot();
  await info.attach("history-unavailable-refused", { body, contentType: "image/png" });
  if (process.env.POOLDECK_SHOTS_DIR) {
    const { writeFile } = await import("node:fs/promises");
    await writeFile(`${process.env.POOLDECK_SHOTS_DIR}/history-unavailable-refused.png`, body);
  }
  const after = await readPool(name);
  expect(after.base_job_template).toEqual(template);
  expect(after.updated).toBe(before.updated);

  await page.goto(`${app.url}${path}/history`);
  await expect(
    page.getByRole("alert").filter({ hasText: "The audit history cannot be read" }),
  ).toContainText("connect ECONNREFUSED 127.0.0.1:9");
  await context.close();
});
