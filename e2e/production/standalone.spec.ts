/**
 * What ships: `npm run build` leaves <distDir>/standalone/ with Next's server.js, the client files
 * and their brotli and gzip copies, public/ and the entry pooldeck-server.mjs (scripts/build/postbuild.ts).
 * Started as `node pooldeck-server.mjs`, it serves a signed-in pool page whose Monaco editor runs,
 * its workers loaded from the copied static files, every script sent from its brotli copy
 * (Chromium accepts br, gzip, deflate and zstd).
 */
import { existsSync, statSync } from "node:fs";
import path from "node:path";

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
  // every chunk the page loads, with its encoding and length as sent
  const chunks: Promise<{ file: string; encoding?: string; length?: string }>[] = [];
  page.on("response", (res) => {
    const url = new URL(res.url());
    if (url.origin !== origin || !/^\/_next\/static\/chunks\/[^/]+\.js$/.test(url.pathname)) return;
    chunks.push(
      res.allHeaders().then((h) => ({
        file: url.pathname.slice("/_next/static/".length),
        encoding: h["content-encoding"],
        length: h["content-length"],
      })),
    );
  });

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

  // each script came from its brotli copy on disk (Next only gzips, on the fly and without a
  // length); a file under 1 KiB has no copy, and Next sends it as it is
  const dist = process.env.POOLDECK_DIST_DIR || ".next";
  const sent = await Promise.all(chunks);
  expect(sent.length).toBeGreaterThan(5);
  const copies = sent.map(({ file }) => {
    const original = path.resolve(dist, "standalone", dist, "static", file);
    return existsSync(`${original}.br`)
      ? { file, encoding: "br", length: String(statSync(`${original}.br`).size) }
      : { file, encoding: undefined, length: String(statSync(original).size) };
  });
  expect(copies.filter((c) => c.encoding === "br").length).toBeGreaterThan(5);
  expect(sent).toEqual(copies);
  await context.close();
});
