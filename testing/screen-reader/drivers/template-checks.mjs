// Edits a pool's template in Pooldeck's JSON editor with the keyboard while Orca listens
// (speak.sh runs it; e2e/a11y/screen-reader.spec.ts reads what Orca said between the marks).
// SR_DRIVER_CONFIG names a JSON file: { baseURL, pool, line, column, cookies }, where line:column
// is the place in the template's text where typing "e" creates a conflict, and cookies is the
// signed-in session (Playwright's storage state cookies).
import { readFileSync } from "node:fs";

export default async function editTemplate(page, sr) {
  const { baseURL, pool, line, column, cookies } = JSON.parse(
    readFileSync(process.env.SR_DRIVER_CONFIG, "utf8"),
  );
  await page.context().addCookies(cookies);
  await page.goto(`${baseURL}/pools/${encodeURIComponent(pool)}`);
  const lines = page.locator(".monaco-editor .view-lines").first();
  await lines.waitFor({ state: "visible", timeout: 30_000 });
  // the page's own reads and the browser's first check run finish
  await page.waitForTimeout(3_000);
  sr.mark("loaded");
  await lines.click();
  // Monaco's go-to-line prompt takes line:column
  await page.keyboard.press("Control+g");
  await page.keyboard.type(`${line}:${column}`);
  await page.keyboard.press("Enter");
  await page.waitForTimeout(1_500);
  sr.mark("one key");
  await page.keyboard.press("e");
  await page.waitForTimeout(3_000);
  sr.mark("burst");
  await page.keyboard.type("xyz", { delay: 150 });
  for (let i = 0; i < 3; i++) {
    await page.keyboard.press("Backspace");
    await page.waitForTimeout(150);
  }
  await page.waitForTimeout(3_000);
  sr.mark("undo the key");
  await page.keyboard.press("Backspace");
  await page.waitForTimeout(3_000);
}
