/**
 * What a screen reader is told when a check result changes (WCAG 4.1.3, status messages). The
 * editor says the shown mode's verdict in a polite live region once an edit has settled for a
 * second: a screen reader interrupts queued speech at every key press (Orca drops it), so a
 * verdict per keystroke would be noise or lost. Nothing is said on load or when the mode switch is
 * used (the switch's own name carries each mode's verdict).
 *
 * The spec records what every live region on the page says, as a screen reader receives it: the
 * text a region holds after each change, when it is not empty.
 */
import { expect, test, type Page } from "@/testing/e2e/test";
import { PREFECT_SEED } from "@/testing/seed/prefect";
import {
  createPool,
  deleteTestPools,
  gotoLineEnd,
  nearConflictTemplate,
  waitForMonaco,
} from "@/e2e/editor/pools";

test.afterAll(deleteTestPools);

/** Installs the recorder before the page's own scripts; `said(page)` reads it. */
async function recordLiveRegions(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const log: string[] = [];
    const last = new WeakMap<Element, string>();
    (window as unknown as { __said: string[] }).__said = log;
    const LIVE = '[role="status"], [role="alert"], [aria-live]:not([aria-live="off"])';
    const observer = new MutationObserver((records) => {
      for (const r of records) {
        const node = r.target instanceof Element ? r.target : r.target.parentElement;
        const region = node?.closest(LIVE);
        if (!region) continue;
        const text = region.textContent ?? "";
        if (text !== "" && text !== last.get(region)) log.push(text);
        last.set(region, text);
      }
    });
    document.addEventListener("DOMContentLoaded", () =>
      observer.observe(document.body, { childList: true, subtree: true, characterData: true }),
    );
  });
}

/** What the live regions said whose text starts with `prefix`, in order. */
function said(page: Page, prefix: string): Promise<string[]> {
  return page.evaluate(
    (p) => (window as unknown as { __said: string[] }).__said.filter((s) => s.startsWith(p)),
    prefix,
  );
}

/** Lets more than the announcement's one-second settling time pass. */
const settle = (page: Page) => page.waitForTimeout(2_000);

test("the checks' verdict is said once an edit settles, not per keystroke, on load or on a mode switch", async ({
  page,
}) => {
  const template = await nearConflictTemplate();
  const pool = await createPool("announce", template);
  await recordLiveRegions(page);
  await page.goto(`/pools/${pool}`);
  await waitForMonaco(page);
  const hybrid = page.getByRole("radio", { name: /^Hybrid worker/ });
  await expect(hybrid).toHaveAccessibleName("Hybrid worker 0 errors, 0 warnings");
  // the page's own load, the cluster read and the browser's first check run included: nothing said
  await settle(page);
  expect(await said(page, "Checks")).toEqual([]);

  // cursor right after "launchTyp: "e" restores launchType (FARGATE) beside the strategy's Auto
  // Scaling group provider: in hybrid mode the conflict and the Fargate-shaped task definition are
  // warnings, and the public IP that EC2 rejects is an error
  const text = JSON.stringify(template, null, 2);
  await gotoLineEnd(page, text.split("\n").findIndex((l) => l.includes('"launchTyp":')) + 1);
  await page.keyboard.press("Home");
  for (let i = 0; i < '"launchTyp'.length; i++) await page.keyboard.press("ArrowRight");
  await page.keyboard.press("e");
  await expect.poll(() => said(page, "Checks")).toEqual(["Checks: 1 error, 2 warnings"]);

  // a burst that ends where it started says nothing, though the verdict changed on every key
  await page.keyboard.type("xyz");
  for (let i = 0; i < 3; i++) await page.keyboard.press("Backspace");
  await settle(page);
  expect(await said(page, "Checks")).toEqual(["Checks: 1 error, 2 warnings"]);

  await page.keyboard.press("Backspace");
  await expect
    .poll(() => said(page, "Checks"))
    .toEqual(["Checks: 1 error, 2 warnings", "Checks: 0 errors, 0 warnings"]);

  // the mode switch is not repeated by the live region; the next edit in push mode is said
  await page.getByRole("radio", { name: /^Push/ }).click();
  await expect(page.getByRole("radio", { name: /^Push/ })).toHaveAttribute("aria-checked", "true");
  await settle(page);
  expect(await said(page, "Checks")).toHaveLength(2);
  // back into the JSON editor where the cursor was, as Tab or a screen reader's focus would
  await page.getByRole("textbox", { name: "Base job template JSON" }).focus();
  await page.keyboard.press("e");
  await expect
    .poll(() => said(page, "Checks"))
    .toEqual([
      "Checks: 1 error, 2 warnings",
      "Checks: 0 errors, 0 warnings",
      "Checks: 2 errors, 2 warnings",
    ]);
});

test("a deployment's job_variables editor says its checks' verdict after an edit", async ({
  page,
}) => {
  await recordLiveRegions(page);
  await page.goto(`/pools/${PREFECT_SEED.hybridPool}`);
  const name = PREFECT_SEED.deployments.optionA;
  const article = page.getByRole("article", { name: `Deployment ${name}` });
  await article.getByText("Edit job variables").click();
  const editor = article.locator(".monaco-editor .view-lines");
  await editor.waitFor({ state: "visible", timeout: 30_000 });
  await settle(page);
  expect(await said(page, "Checks of")).toEqual([]);

  // a stray character after the closing brace: the text no longer parses
  await editor.click();
  await page.keyboard.press("Control+End");
  await page.keyboard.type("x");
  await expect
    .poll(() => said(page, "Checks of"))
    .toEqual([`Checks of ${name}: 1 error, 0 warnings`]);
});
