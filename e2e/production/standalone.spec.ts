/**
 * What ships: `npm run build` leaves <distDir>/standalone/server.js with the client files and
 * public/ copied beside it (scripts/postbuild.sh). Started as `node server.js`, it serves a
 * signed-in pool page whose Monaco editor runs, its workers loaded from the copied static files.
 */
import {
  createPool,
  defaultEcsTemplate,
  deleteTestPools,
  gotoLineEnd,
  waitForMonaco,
} from "@/e2e/editor/pools";
import { startAppInstance } from "@/testing/e2e/app-instance";
import { signIn } from "@/testing/e2e/sign-in";
import { TEST_USERS } from "@/testing/e2e/test-auth";
import { expect, test } from "@/testing/e2e/test";
import { freePort } from "@/testing/free-port";

let app: Awaited<ReturnType<typeof startAppInstance>> | undefined;

test.afterAll(async () => {
  await app?.stop();
  await deleteTestPools();
});

test("the standalone server serves a signed-in pool page with a working editor", async ({
  browser,
}, info) => {
  const template = await defaultEcsTemplate();
  template.variables.properties.image!.default = "prefecthq/prefect:3-latest";
  const pool = await createPool("standalone", template);
  app = await startAppInstance(await freePort(), {}, { standalone: true });
  const origin = app.url;

  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  const failed: string[] = [];
  page.on("response", (res) => {
    if (res.url().startsWith(origin) && res.status() >= 400)
      failed.push(`${res.status()} ${res.url()}`);
  });
  const workers: string[] = [];
  page.on("worker", (worker) => workers.push(worker.url()));

  await signIn(page, {
    baseURL: origin,
    username: TEST_USERS.editor.username,
    password: TEST_USERS.editor.password,
    callbackUrl: `/pools/${pool}`,
  });
  await expect(page.getByRole("heading", { level: 1, name: pool })).toBeVisible();
  await waitForMonaco(page);
  await expect(page.getByLabel("Image")).toHaveValue("prefecthq/prefect:3-latest");

  // typing into Monaco reaches the checks: the form stops at the JSON error and says where
  await gotoLineEnd(page, 1);
  await page.keyboard.insertText(" oops");
  await expect(page.getByText("JSON needs fixing: line 1 col 3")).toBeVisible();
  await expect(page.getByLabel("Image")).toBeDisabled();
  const body = await page.screenshot();
  await info.attach("standalone-pool-page", { body, contentType: "image/png" });
  await page.keyboard.press("Control+z");
  await expect(page.getByText(/JSON needs fixing/)).toHaveCount(0);

  // Monaco's workers come from the build's static files, served by the standalone server
  expect(workers.filter((url) => url.startsWith(`${origin}/_next/static/`)).length).toBeGreaterThan(
    0,
  );
  expect(failed).toEqual([]);
  await context.close();
});
