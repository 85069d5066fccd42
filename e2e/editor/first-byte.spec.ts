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

/**
 * What the pool page had when Chromium reported its first contentful paint (an init script):
 * whether the element after the editor's markup had been parsed, and whether the page's hold on
 * its paint had been released (after 500 ms the link loses its `blocking` attribute).
 */
const FIRST_PAINT_PROBE = () => {
  new PerformanceObserver((list) => {
    if (!list.getEntries().some((e) => e.name === "first-contentful-paint")) return;
    const hold = document.querySelector('head link[rel="expect"]');
    (window as unknown as { firstPaint: unknown }).firstPaint = {
      editorParsed: document.getElementById("pool-editor-parsed") !== null,
      released: hold !== null && !hold.hasAttribute("blocking"),
    };
  }).observe({ type: "paint", buffered: true });
};

test("the first paint waits for the editor's markup, not only the skeleton's", async ({
  request,
  page,
}) => {
  const html = await (await request.get(`/pools/${POOL}`)).text();
  const head = html.slice(0, html.indexOf("</head>"));
  // render-blocking until the element after the editor has been parsed (Chromium 124+)
  expect(head).toContain('<link rel="expect" href="#pool-editor-parsed" blocking="render"/>');
  // after the form's markup
  const form = html.indexOf(">Cluster</label>");
  expect(form).toBeGreaterThan(0);
  expect(html.indexOf('<span id="pool-editor-parsed" hidden="">')).toBeGreaterThan(form);

  await page.addInitScript(FIRST_PAINT_PROBE);
  await page.goto(`/pools/${POOL}`);
  await expect(page.getByLabel("Cluster", { exact: true })).toBeEditable();
  const first = await page.evaluate(
    () =>
      (window as unknown as { firstPaint: { editorParsed: boolean; released: boolean } })
        .firstPaint,
  );
  // nothing was painted before the editor's markup was there, unless the hold had run out (a
  // machine too busy to parse the page within 500 ms)
  expect(first.editorParsed || first.released).toBe(true);
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
