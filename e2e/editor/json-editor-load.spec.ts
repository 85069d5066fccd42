/**
 * The JSON editor pane when Monaco's scripts do not arrive (a proxy dropping them, a deploy that
 * replaced the build under an open tab): the pane says why, keeps showing the template's text, the
 * form keeps editing it, and "Try again" loads the editor once the scripts can be fetched.
 */
import { monacoChunkPaths } from "@/testing/e2e/monaco-chunks";
import { expect, test } from "@/testing/e2e/test";
import { PREFECT_SEED } from "@/testing/seed/prefect";

const POOL = PREFECT_SEED.hybridPool;

test("Monaco's scripts failing to load leave the text and the form, and Try again brings the editor", async ({
  page,
}) => {
  const scripts = monacoChunkPaths();
  expect(scripts.length).toBeGreaterThan(0);
  const dropped = (url: URL) => scripts.includes(url.pathname);
  await page.route(dropped, (route) => route.abort("connectionfailed"));
  await page.goto(`/pools/${POOL}`);

  const pane = page.getByTestId("json-pane");
  await expect(pane.getByRole("alert")).toContainText(
    /^The JSON editor could not be loaded: .+\. The form still edits the template\.Try again$/,
  );
  await expect(pane.locator("pre")).toContainText('"job_configuration"');
  await expect(pane.locator(".monaco-editor")).toHaveCount(0);
  await page.getByLabel("Image").fill("example.com/flows:1.2.3");
  await expect(page.getByLabel("Image")).toHaveValue("example.com/flows:1.2.3");

  await page.unroute(dropped);
  await pane.getByRole("button", { name: "Try again" }).click();
  await expect(pane.getByRole("alert")).toHaveCount(0);
  // the editor takes the document as it is now, with the form's edit (Monaco draws only the lines
  // in view: its find widget counts the match)
  const lines = pane.locator(".monaco-editor .view-lines");
  await expect(lines).toContainText("job_configuration");
  await lines.click();
  await page.keyboard.press("Control+f");
  await page.keyboard.insertText('"default": "example.com/flows:1.2.3"');
  await expect(pane.locator(".find-widget .matchesCount")).toHaveText("1 of 1");
});
