import type { Page, TestInfo } from "@playwright/test";

/**
 * Takes a screenshot of the page and attaches it to the test's report; with POOLDECK_SHOTS_DIR set,
 * also writes it there as `<name>.png` (for looking at the screens a change touched).
 */
export async function shot(page: Page, info: TestInfo, name: string, fullPage = false) {
  const body = await page.screenshot({ fullPage });
  await info.attach(name, { body, contentType: "image/png" });
  const dir = process.env.POOLDECK_SHOTS_DIR;
  if (dir) await import("node:fs/promises").then((fs) => fs.writeFile(`${dir}/${name}.png`, body));
}
