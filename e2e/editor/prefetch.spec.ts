/**
 * What the pool page has the browser fetch ahead. Links prefetch their page when a person shows the
 * intent to follow them, not when they scroll into view (components/ui/intent-link.tsx): while the
 * pool page loads and hydrates, the browser asks the server for no other page; pointing at a link
 * asks for its page, and following it still works. Monaco's chunks are not preloaded by the HTML:
 * the JSON pane fetches them, once each, under the page's Content-Security-Policy, when it hydrates
 * (components/template-editor/monaco-pane.tsx).
 */
import type { Page, Request } from "@playwright/test";
import { monacoChunkPaths } from "@/testing/e2e/monaco-chunks";
import { expect, test } from "@/testing/e2e/test";
import { PREFECT_SEED } from "@/testing/seed/prefect";

const POOL = PREFECT_SEED.hybridPool;

/** The paths of the other pages the browser asks the server for (RSC requests: prefetches and navigations). */
function pageRequests(page: Page): string[] {
  const seen: string[] = [];
  page.on("request", (request: Request) => {
    const headers = request.headers();
    if (request.method() !== "GET" || headers["rsc"] !== "1") return;
    seen.push(new URL(request.url()).pathname);
  });
  return seen;
}

test("the pool page asks for no other page while it loads; pointing at a header link prefetches it", async ({
  page,
}) => {
  const requested = pageRequests(page);
  await page.goto(`/pools/${POOL}`);
  await expect(page.getByLabel("Cluster", { exact: true })).toBeEditable();
  // the deployments arrive by a GET of their read route, the cluster by a server action (POST),
  // after the form is usable
  await expect(page.getByRole("region", { name: "Deployments" })).toBeVisible();
  await page.waitForLoadState("networkidle");
  expect(requested).toEqual([]);

  const nav = page.getByRole("navigation", { name: "Main" });
  await nav.getByRole("link", { name: "Clusters" }).hover();
  // one prefetch is a few requests (the route tree, then its segments), all for that page
  await expect.poll(() => [...new Set(requested)]).toEqual(["/clusters"]);
  await nav.getByRole("link", { name: "Clusters" }).click();
  await expect(page).toHaveURL(/\/clusters$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Clusters");
});

test("Monaco's chunks are not in the pool page's HTML; the JSON pane fetches each once, under the CSP", async ({
  page,
}) => {
  const listed = monacoChunkPaths();
  expect(listed.length).toBeGreaterThan(0);
  const downloads: string[] = [];
  page.on("request", (request) => {
    const path = new URL(request.url()).pathname;
    // the page's scripts: Monaco's JSON worker loads a shared chunk again inside the worker
    if (listed.includes(path) && request.resourceType() === "script") downloads.push(path);
  });
  const violations: string[] = [];
  page.on("console", (message) => {
    if (message.text().includes("Content Security Policy")) violations.push(message.text());
  });
  const response = await page.goto(`/pools/${POOL}`);
  // the HTML names none of them (a preload of their 3.2 MB held the form back by ~90 ms)
  const html = (await response?.text()) ?? "";
  expect(listed.filter((path) => html.includes(path))).toEqual([]);

  await expect(page.getByLabel("Cluster", { exact: true })).toBeEditable();
  await expect(page.getByTestId("json-pane").locator(".monaco-editor .view-lines")).toContainText(
    "job_configuration",
  );
  expect([...downloads].sort()).toEqual([...listed].sort());
  expect(violations).toEqual([]);
});

test("the check engine loads only once the JSON editor is up, then the browser's checks take over", async ({
  page,
}) => {
  // the chunks of the check engine: the worker model's messages are in no other chunk of the page
  const engineChunks: string[] = [];
  page.on("response", async (response) => {
    if (response.request().resourceType() !== "script") return;
    const body = await response.text().catch(() => "");
    if (body.includes("registeredTaskDefinitionArn")) engineChunks.push(response.url());
  });
  // when Monaco's editor element first appears, in the page's own clock
  await page.addInitScript(() => {
    const seen = () => {
      if ((window as { __editorAt?: number }).__editorAt !== undefined) return;
      if (document.querySelector('[data-testid="json-pane"] .monaco-editor'))
        (window as { __editorAt?: number }).__editorAt = performance.now();
    };
    new MutationObserver(seen).observe(document, { childList: true, subtree: true });
  });
  await page.goto(`/pools/${POOL}`);
  await expect(page.getByTestId("json-pane").locator(".monaco-editor .view-lines")).toContainText(
    "job_configuration",
  );
  // the browser's first run replaces the server's result: it is timed, and it renders the plan
  await expect(page.getByText(/^Checked in \d+\.\d ms\.$/)).toBeVisible();
  // the listener reads each script's body asynchronously: it may finish after the text shows
  await expect.poll(() => engineChunks.length).toBeGreaterThan(0);
  const { editorAt, engineStarts } = await page.evaluate((urls) => {
    const entries = performance.getEntriesByType("resource");
    return {
      editorAt: (window as { __editorAt?: number }).__editorAt ?? null,
      engineStarts: entries.filter((e) => urls.includes(e.name)).map((e) => e.startTime),
    };
  }, engineChunks);
  expect(editorAt).not.toBeNull();
  expect(engineStarts).toHaveLength(engineChunks.length);
  for (const start of engineStarts) expect(start).toBeGreaterThan(editorAt!);
});
