/**
 * Accessibility: axe-core's WCAG 2.0/2.1 A and AA rules on every page of the seeded stack, signed
 * in, in the light and the dark theme, once each page's lazily loaded parts (Monaco editors and
 * diff editors, streamed sections) are on screen. Nothing is excluded: a violation anywhere,
 * Monaco's own markup included, fails the test and names the rule and the nodes.
 */
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page, type TestInfo } from "@/testing/e2e/test";
import { PREFECT_SEED } from "@/testing/seed/prefect";
import { RUNS_SEED } from "@/testing/seed/runs";

const POOL = PREFECT_SEED.hybridPool;
const RUN = RUNS_SEED.runs.find((r) => r.name === "nightly-etl-image-pull")!;
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/**
 * The violations axe finds on the page as it is now, as "rule: target (summary)" lines; a page with
 * any gets a full-page screenshot in the report (24 of them on every run cost CI about 20 s).
 */
async function violations(page: Page, info: TestInfo, name: string): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  if (results.violations.length > 0) {
    const path = info.outputPath(`${name.replace(/\W+/g, "-")}.png`);
    await page.screenshot({ path, fullPage: true });
    await info.attach(name, { path, contentType: "image/png" });
  }
  return results.violations.flatMap((v) =>
    v.nodes.map((n) => `${v.id}: ${n.target.join(" ")} (${n.failureSummary ?? v.help})`),
  );
}

/** Waits until every Monaco editor on the page has rendered its lines (they load after hydration). */
async function monacoReady(page: Page, count: number) {
  await expect(page.locator(".monaco-editor .view-lines")).toHaveCount(count, { timeout: 30_000 });
}

type Visit = { name: string; open: (page: Page) => Promise<void> };

const PAGES: Visit[] = [
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

for (const theme of ["light", "dark"] as const) {
  test.describe(`${theme} theme`, () => {
    // no stored choice: the page follows the OS theme (app/layout.tsx)
    test.use({ colorScheme: theme });

    test(`every page signed in has no WCAG 2 A/AA violation (${theme})`, async ({ page }, info) => {
      test.setTimeout(240_000);
      for (const visit of PAGES) {
        await test.step(visit.name, async () => {
          await visit.open(page);
          await expect(page.locator("html")).toHaveClass(
            theme === "dark" ? /\bdark\b/ : /^(?!.*\bdark\b)/,
          );
          expect
            .soft(await violations(page, info, `${visit.name}-${theme}`), visit.name)
            .toEqual([]);
        });
      }
    });
  });

  test.describe(`signed out, ${theme} theme`, () => {
    test.use({ colorScheme: theme, storageState: { cookies: [], origins: [] } });

    test(`the sign-in page has no WCAG 2 A/AA violation (${theme})`, async ({ page }, info) => {
      await page.goto("/sign-in");
      await expect(page.getByLabel("Username", { exact: true })).toBeVisible();
      expect(await violations(page, info, `sign-in-${theme}`)).toEqual([]);
    });
  });
}
