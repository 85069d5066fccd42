/**
 * The pool page sends its header and a skeleton before the editor's data is read, and still
 * answers an unknown pool with a real 404: whether the pool exists is the one thing decided before
 * the response starts (app/pools/[name]/page.tsx). A pool the server saw a moment ago is taken to
 * exist, so its header leaves before Prefect answers; if it was deleted since, the page still says so.
 */
import { expect, test } from "@/testing/e2e/test";
import { PREFECT_SEED } from "@/testing/seed/prefect";
import { createPool, defaultEcsTemplate, deleteTestPools, PREFECT_API } from "./pools";

const POOL = PREFECT_SEED.hybridPool;

test("an unknown pool is an HTTP 404 that says so", async ({ request, page }) => {
  const unknown = "e2e-first-byte-no-such-pool";
  const res = await request.get(`/pools/${unknown}`);
  expect(res.status()).toBe(404);
  // Next renders a notFound() page in the browser from the RSC payload the response carries
  const body = await res.text();
  expect(body).toContain("No such work pool");
  expect(body).toContain("Prefect has no work pool named ");

  const shown = await page.goto(`/pools/${unknown}`);
  expect(shown?.status()).toBe(404);
  await expect(page.getByRole("alert").filter({ hasText: "No such work pool" })).toHaveText(
    `No such work poolPrefect has no work pool named ${unknown}. See all pools or start a new one.`,
  );
  await expect(page.getByText("Loading the template editor…")).toHaveCount(0);
});

test("a known pool answers 200 and shows its header and editor as before", async ({
  request,
  page,
}) => {
  const res = await request.get(`/pools/${POOL}`);
  expect(res.status()).toBe(200);
  expect(await res.text()).toContain(`Pool ${POOL} · Pooldeck</title>`);

  await page.goto(`/pools/${POOL}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${POOL} ecs`);
  await expect(page.getByLabel("Cluster", { exact: true })).toBeEditable();
  await expect(page.getByRole("tab", { name: "RunTask preview" })).toBeVisible();
  await expect(page.getByText("Loading the template editor…")).toHaveCount(0);
});

test.afterAll(deleteTestPools);

test("a pool deleted in Prefect after the server saw it says it no longer exists", async ({
  page,
  request,
}) => {
  const name = await createPool("deleted-since", await defaultEcsTemplate());
  await page.goto(`/pools/${name}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${name} ecs`);
  // deleted behind Pooldeck's back (another tab, Prefect's own UI): the server still knows the name
  const deleted = await request.delete(`${PREFECT_API}/work_pools/${encodeURIComponent(name)}`);
  expect(deleted.status()).toBe(204);

  await page.goto(`/pools/${name}`);
  await expect(page.getByRole("alert").filter({ hasText: "No such work pool" })).toHaveText(
    `No such work poolPrefect has no work pool named ${name}. See all pools or start a new one.`,
  );
  await expect(page.getByLabel("Cluster", { exact: true })).toHaveCount(0);
  // and the next visit, the name forgotten, is a 404 again
  const again = await request.get(`/pools/${name}`);
  expect(again.status()).toBe(404);
});
