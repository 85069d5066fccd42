/**
 * Keyboard: the first Tab on any page offers a link past the header's links to the page's own
 * content (WCAG 2.4.1, Bypass Blocks); it is hidden until it has the focus.
 */
import { expect, test } from "@/testing/e2e/test";
import { PREFECT_SEED } from "@/testing/seed/prefect";

const POOL = PREFECT_SEED.hybridPool;

test("the first Tab offers Skip to content, which takes the next Tab into the page's own content", async ({
  page,
}) => {
  await page.goto(`/pools/${POOL}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(POOL);
  const skip = page.getByRole("link", { name: "Skip to content" });
  const width = async () => (await skip.boundingBox())?.width ?? 0;
  expect(await width()).toBeLessThanOrEqual(1);

  await page.keyboard.press("Tab");
  await expect(skip).toBeFocused();
  expect(await width()).toBeGreaterThan(50);

  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/pools/${POOL}#main$`));
  await page.keyboard.press("Tab");
  // the first control of the page's own content, past the header's eight
  await expect(
    page.getByRole("main").getByRole("link", { name: "Runs", exact: true }),
  ).toBeFocused();
});
