/**
 * Reflow (WCAG 1.4.10, AA): at 320 CSS pixels wide, the width of a phone or of a 1280-pixel window
 * zoomed to 400 %, every page fits its width. Nothing but what must scroll (a table, code, the
 * editors) scrolls sideways, so reading never needs scrolling in two directions.
 */
import { expect, test } from "@/testing/e2e/test";
import { PAGES } from "./pages";

test.use({ viewport: { width: 320, height: 640 } });

test("every page signed in fits 320 CSS pixels without scrolling sideways", async ({ page }) => {
  test.setTimeout(120_000);
  for (const visit of PAGES) {
    await test.step(visit.name, async () => {
      await visit.open(page);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect.soft(width, `${visit.name}: the page's width`).toBe(320);
    });
  }
});

test.describe("signed out", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("the sign-in page fits 320 CSS pixels", async ({ page }) => {
    await page.goto("/sign-in");
    await expect(page.getByLabel("Username", { exact: true })).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(320);
  });
});

test("the header holds all its controls at every width, on as many lines as it needs", async ({
  page,
}) => {
  await page.goto("/pools");
  const nav = page.getByRole("navigation", { name: "Main" });
  for (const width of [320, 640, 700, 900, 1280]) {
    await page.setViewportSize({ width, height: 640 });
    const fit = await nav.evaluate((el) => ({
      overflow: el.scrollHeight - el.clientHeight,
      pageWidth: document.documentElement.scrollWidth,
    }));
    expect.soft(fit, `at ${width} px`).toEqual({ overflow: 0, pageWidth: width });
  }
});
