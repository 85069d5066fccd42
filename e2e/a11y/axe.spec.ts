/**
 * Accessibility: axe-core's WCAG 2.0/2.1/2.2 A and AA rules and its best practices (heading
 * order, unique landmarks, …) on every page of the seeded stack, signed in, in the light and the
 * dark theme, once each page's lazily loaded parts (Monaco editors and diff editors, streamed
 * sections) are on screen. Nothing is excluded: a violation anywhere,
 * Monaco's own markup included, fails the test and names the rule and the nodes.
 */
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page, type TestInfo } from "@/testing/e2e/test";
import { PAGES } from "./pages";

const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa", "best-practice"];

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

for (const theme of ["light", "dark"] as const) {
  test.describe(`${theme} theme`, () => {
    // no stored choice: the page follows the OS theme (app/layout.tsx)
    test.use({ colorScheme: theme });

    test(`every page signed in has no WCAG 2 A/AA or best-practice violation (${theme})`, async ({
      page,
    }, info) => {
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

    test(`the sign-in page has no WCAG 2 A/AA or best-practice violation (${theme})`, async ({
      page,
    }, info) => {
      await page.goto("/sign-in");
      await expect(page.getByLabel("Username", { exact: true })).toBeVisible();
      expect(await violations(page, info, `sign-in-${theme}`)).toEqual([]);
    });
  });
}
