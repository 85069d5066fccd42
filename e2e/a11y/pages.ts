/**
 * Every page of the seeded stack, signed in, opened until its lazily loaded parts (Monaco editors
 * and diff editors, streamed sections) are on screen: the accessibility specs visit each.
 */
import { expect, type Page } from "@/testing/e2e/test";
import { PREFECT_SEED } from "@/testing/seed/prefect";
import { RUNS_SEED } from "@/testing/seed/runs";

const POOL = PREFECT_SEED.hybridPool;
const RUN = RUNS_SEED.runs.find((r) => r.name === "nightly-etl-image-pull")!;

/**
 * Waits until every Monaco editor on the page has rendered its lines (they load after hydration).
 * Only each editor's own lines count: a diff editor shown inline (on a narrow screen) draws its
 * removed lines in view zones, each with lines of its own.
 */
async function monacoReady(page: Page, count: number) {
  await expect(page.locator(".monaco-editor .lines-content > .view-lines")).toHaveCount(count, {
    timeout: 30_000,
  });
}

export type Visit = { name: string; open: (page: Page) => Promise<void> };

export const PAGES: Visit[] = [
  {
    name: "status",
    open: async (page) => {
      await page.goto("/");
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    },
  },
  {
    name: "clusters",
    open: async (page) => {
      await page.goto("/clusters");
      await expect(page.getByRole("link", { name: "demo-cluster" }).first()).toBeVisible();
    },
  },
  {
    name: "cluster detail",
    open: async (page) => {
      await page.goto("/clusters/demo-cluster");
      await expect(page.getByRole("heading", { level: 1 })).toContainText("demo-cluster");
    },
  },
  {
    name: "pools list",
    open: async (page) => {
      await page.goto("/pools");
      await expect(page.getByRole("link", { name: POOL, exact: true })).toBeVisible();
    },
  },
  {
    name: "pool page",
    open: async (page) => {
      await page.goto(`/pools/${POOL}`);
      await expect(page.getByRole("region", { name: "Recent runs" })).toBeVisible();
      await monacoReady(page, 1);
    },
  },
  {
    name: "deployment job_variables editor",
    open: async (page) => {
      await page.goto(`/pools/${POOL}`);
      const name = PREFECT_SEED.deployments.optionA;
      const article = page.getByRole("article", { name: `Deployment ${name}` });
      await article.getByText("Edit job variables").click();
      await monacoReady(page, 2);
    },
  },
  {
    name: "new pool",
    open: async (page) => {
      await page.goto("/pools/new");
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await monacoReady(page, 1);
    },
  },
  {
    name: "runs",
    open: async (page) => {
      await page.goto(`/pools/${POOL}/runs`);
      await expect(page.getByRole("table", { name: "Runs" })).toBeVisible();
    },
  },
  {
    name: "run detail",
    open: async (page) => {
      await page.goto(`/pools/${POOL}/runs`);
      await page.getByRole("link", { name: RUN.name }).click();
      await expect(page.getByRole("region", { name: "ECS task" })).toBeVisible();
      await expect(page.getByRole("region", { name: "Log tail" })).toBeVisible();
    },
  },
  {
    name: "history",
    open: async (page) => {
      await page.goto(`/pools/${POOL}/history`);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    },
  },
  {
    name: "compare",
    open: async (page) => {
      await page.goto(`/compare?pool=${POOL}&cluster=demo-cluster`);
      await expect(
        page.getByRole("heading", { name: "Create the equivalent push pool" }),
      ).toBeVisible();
      // the default templates' diff and the equivalent pool's diff: two editors each, checked
      // once both diffs have marked their inserted lines (their colours are part of the check)
      await monacoReady(page, 4);
      await expect(
        page.locator(".editor.modified").filter({ has: page.locator(".line-insert") }),
      ).toHaveCount(2, { timeout: 30_000 });
    },
  },
];
