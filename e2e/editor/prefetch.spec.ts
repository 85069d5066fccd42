/**
 * Links prefetch their page when a person shows the intent to follow them, not when they scroll into
 * view (components/ui/intent-link.tsx): while the pool page loads and hydrates, the browser asks the
 * server for no other page; pointing at a link asks for its page, and following it still works.
 */
import type { Page, Request } from "@playwright/test";
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
  // the deployments and the cluster arrive by server actions (POST), after the form is usable
  await expect(page.getByRole("region", { name: "Deployments" })).toBeVisible();
  await page.waitForLoadState("networkidle");
  expect(requested).toEqual([]);

  const nav = page.getByRole("navigation", { name: "Main" });
  await nav.getByRole("link", { name: "Clusters" }).hover();
  await expect.poll(() => requested).toEqual(["/clusters"]);
  await nav.getByRole("link", { name: "Clusters" }).click();
  await expect(page).toHaveURL(/\/clusters$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Clusters");
});
