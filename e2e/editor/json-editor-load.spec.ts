/**
 * The JSON editor pane before Monaco: its plain-text stage takes input at once, and Monaco carries
 * on from it (text, cursor, focus) with no keystroke lost. When Monaco's scripts do not arrive (a
 * proxy dropping them, a deploy that replaced the build under an open tab), the pane says why,
 * the plain text and the form keep editing the template, and "Try again" loads the editor once
 * the scripts can be fetched.
 */
import { holdRequests } from "@/testing/e2e/hold-requests";
import { monacoChunkPaths } from "@/testing/e2e/monaco-chunks";
import { expect, test, type Locator, type Page } from "@/testing/e2e/test";
import { PREFECT_SEED } from "@/testing/seed/prefect";

const POOL = PREFECT_SEED.hybridPool;

/**
 * Opens the pool page with Monaco's scripts held, once its plain text takes input (the pane stays
 * plain text until `release`).
 */
async function openWithMonacoHeld(page: Page) {
  const scripts = monacoChunkPaths();
  const release = await holdRequests(page, (url) => scripts.includes(url.pathname));
  await page.goto(`/pools/${POOL}`);
  const pane = page.getByTestId("json-pane");
  const text = pane.getByRole("textbox", { name: "Base job template JSON" });
  await expect(text).toBeEditable();
  return { release, pane, text, image: page.getByLabel("Image") };
}

/**
 * Waits until Monaco has taken the pane over and returns its textbox: the only one of the pane's
 * name left (for a moment, between Monaco showing and taking over, the plain text is one too).
 */
async function monacoHasTakenOver(pane: Locator): Promise<Locator> {
  const text = pane.getByRole("textbox", { name: "Base job template JSON" });
  await expect(pane.locator(".native-edit-context")).toBeAttached();
  await expect(text).toHaveCount(1);
  await expect(text).toHaveClass(/native-edit-context/);
  return text;
}

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
    /^The JSON editor could not be loaded: .+\. The text below and the form still edit the template\.Try again$/,
  );
  await expect(pane.getByRole("textbox", { name: "Base job template JSON" })).toHaveValue(
    /"job_configuration"/,
  );
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

test("the JSON pane takes typing as plain text before Monaco, and Monaco carries on from the same cursor with every keystroke", async ({
  page,
}) => {
  const { release, pane, text } = await openWithMonacoHeld(page);
  await expect(pane.getByText("Plain text until the JSON editor has loaded…")).toBeVisible();
  await page.getByLabel("Image").fill("example.com/flows:1.2.3");
  // the form's edit is in the plain text; the cursor goes right after it, and typing there reaches
  // the form (the page has the text)
  await expect(text).toHaveValue(/"default": "example\.com\/flows:1\.2\.3"/);
  await text.evaluate((el: HTMLTextAreaElement) => {
    const at = el.value.indexOf("flows:1.2.3") + "flows:1.2.3".length;
    el.focus();
    el.setSelectionRange(at, at);
  });
  await page.keyboard.type("4");
  await expect(page.getByLabel("Image")).toHaveValue("example.com/flows:1.2.34");
  await expect(pane.locator(".monaco-editor")).toHaveCount(0);

  // Monaco arrives while the user keeps typing: each keystroke lands in one of the two, in order
  release();
  for (const key of "56789") {
    await page.keyboard.type(key);
    await page.waitForTimeout(60);
  }
  // Monaco shows the lines around the cursor it took over (it draws only the lines in view)
  await expect(pane.locator(".monaco-editor .view-lines")).toContainText(
    '"default": "example.com/flows:1.2.3456789"',
  );
  // the plain text is gone: the one textbox of that name (a strict locator) is Monaco's
  await expect(text).toHaveClass(/native-edit-context/);
  await page.keyboard.type("0");
  await expect(page.getByLabel("Image")).toHaveValue("example.com/flows:1.2.34567890");
  await page.keyboard.press("Control+f");
  await page.keyboard.insertText('"default": "example.com/flows:1.2.34567890"');
  await expect(pane.locator(".find-widget .matchesCount")).toHaveText("1 of 1");
});

test("what was typed before Monaco took over is one step of Monaco's Undo and Redo", async ({
  page,
}) => {
  const { release, pane, text, image } = await openWithMonacoHeld(page);
  const saved = await image.inputValue();
  await image.fill("example.com/flows:undo");
  await expect(text).toHaveValue(/"default": "example\.com\/flows:undo"/);

  release();
  await monacoHasTakenOver(pane);
  await pane.locator(".monaco-editor .view-lines").click();
  await page.keyboard.press("Control+z");
  await expect(image).toHaveValue(saved);
  await page.keyboard.press("Control+Shift+z");
  await expect(image).toHaveValue("example.com/flows:undo");
});

test("Tab indents in the JSON editor, Ctrl+M lets Tab leave it, and the editor says so", async ({
  page,
}) => {
  await page.goto(`/pools/${POOL}`);
  const pane = page.getByTestId("json-pane");
  const editor = await monacoHasTakenOver(pane);
  const hint = "Ctrl+M: Tab moves focus";
  await expect(pane.getByText(hint)).toBeHidden();

  await pane.locator(".monaco-editor .view-lines").click();
  await expect(pane.getByText(hint)).toBeVisible();
  await expect(editor).toHaveAccessibleDescription(hint);
  await page.keyboard.press("Tab");
  await expect(editor).toBeFocused();

  await page.keyboard.press("Control+m");
  await page.keyboard.press("Tab");
  await expect(editor).not.toBeFocused();
  await expect(pane.getByText(hint)).toBeHidden();
});

test("an IME composition still open in the plain text when Monaco takes over is kept, and typing goes on after it", async ({
  page,
}) => {
  const { release, pane, text, image } = await openWithMonacoHeld(page);
  await image.fill("example.com/ime:");
  await text.evaluate((el: HTMLTextAreaElement) => {
    const at = el.value.indexOf("ime:") + "ime:".length;
    el.focus();
    el.setSelectionRange(at, at);
  });
  // a Japanese IME mid-word: the composition is open, nothing committed yet
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Input.imeSetComposition", { text: "にほ", selectionStart: 2, selectionEnd: 2 });
  await expect(image).toHaveValue("example.com/ime:にほ");

  release();
  await monacoHasTakenOver(pane);
  await expect(pane.locator(".monaco-editor .view-lines")).toContainText(
    '"default": "example.com/ime:にほ"',
  );
  await page.keyboard.type("x");
  await expect(image).toHaveValue("example.com/ime:にほx");
});
