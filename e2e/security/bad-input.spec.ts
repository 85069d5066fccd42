/**
 * Bad input (the parts that need no session): malformed JSON, a 5 MB template, an
 * unknown pool. Each gets a clear sentence, and Prefect's REST API shows nothing was stored.
 */
import {
  expect,
  test,
  type Page,
  type Request,
  type Route,
  type TestInfo,
} from "@/testing/e2e/test";

import { waitForMonaco } from "@/e2e/editor/pools";
import { createPool, deletePools, readPool } from "./pools";

test.beforeAll(deletePools);
test.afterAll(deletePools);

async function shot(page: Page, info: TestInfo, name: string) {
  const path = info.outputPath(`${name}.png`);
  await page.screenshot({ path });
  await info.attach(name, { path, contentType: "image/png" });
}

const dialog = (page: Page) => page.getByRole("dialog");

async function openPool(page: Page, name: string) {
  await page.goto(`/pools/${encodeURIComponent(name)}`);
  await waitForMonaco(page);
}

/** Types one space at the end of line 1 of Monaco, so the edit differs from what Prefect stores. */
async function touch(page: Page) {
  await page.locator(".monaco-editor .view-lines").first().click();
  await page.keyboard.press("Control+Home");
  await page.keyboard.press("End");
  await page.keyboard.type(" ");
}

/**
 * Rewrites the first argument of the next server action call the page makes, as a forged client
 * would, and returns the raw response Next sent.
 */
async function forgeNextAction(
  page: Page,
  rewrite: (args: Record<string, unknown>) => Record<string, unknown> | string,
) {
  const isAction = (r: Request) => r.method() === "POST" && Boolean(r.headers()["next-action"]);
  await page.route("**/pools/**", async (route: Route) => {
    const request = route.request();
    if (!isAction(request)) return route.continue();
    const [args] = JSON.parse(request.postData() ?? "[]") as [Record<string, unknown>];
    const forged = rewrite(args);
    await route.continue({
      postData: typeof forged === "string" ? forged : JSON.stringify([forged]),
    });
  });
  return page.waitForResponse((r) => isAction(r.request()));
}

test("malformed JSON: the form says where, the push is refused, the server refuses it too", async ({
  page,
}, info) => {
  const name = await createPool("json");
  const before = await readPool(name);
  await openPool(page, name);
  await page.locator(".monaco-editor .view-lines").first().click();
  await page.keyboard.press("Control+Home");
  await page.keyboard.type("x");
  const alert = page.getByRole("status").filter({ hasText: "JSON needs fixing" });
  await expect(alert).toHaveText(
    "JSON needs fixing: line 1 col 1unexpected character. The form shows the last valid document and is read-only until the JSON parses.",
  );
  await expect(page.getByRole("group", { name: "Template form" })).toHaveAttribute("disabled", "");
  await page.getByRole("button", { name: "Update pool" }).click();
  await expect(
    dialog(page).getByText("Fix the JSON first; invalid JSON is never pushed."),
  ).toBeVisible();
  // invalid JSON is an error of the checks too, so the button offers the override, disabled
  await expect(dialog(page).getByRole("button", { name: "Push with errors" })).toBeDisabled();
  await shot(page, info, "bad-input-malformed-json");
  await page.keyboard.press("Escape");

  // a forged call with broken JSON: the action itself refuses it
  await page.locator(".monaco-editor .view-lines").first().click();
  await page.keyboard.press("Control+Home");
  await page.keyboard.press("Delete");
  await expect(page.getByRole("status").filter({ hasText: "JSON needs fixing" })).toHaveCount(0);
  await touch(page);
  const response = forgeNextAction(page, (args) => ({ ...args, template: '{"variables": ' }));
  await page.getByRole("button", { name: "Update pool" }).click();
  await dialog(page).getByRole("button", { name: "Push to Prefect" }).click();
  expect((await response).status()).toBe(200);
  await expect(dialog(page).getByRole("alert")).toContainText(
    "The template is not valid JSON (expected a value at line 1, column 15); nothing was sent.",
  );
  expect(await readPool(name)).toEqual(before);
});

test("a 5 MB paste: the editor keeps it, says it is too large to check or push, and stays responsive", async ({
  page,
  context,
}, info) => {
  const name = await createPool("paste");
  const before = await readPool(name);
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await openPool(page, name);
  // a template whose description is padded to 5 MB, then a marker line to find its end by
  const big = await page.evaluate(() => {
    const filler = "x".repeat(5 * 1024 * 1024);
    const text = `{\n  "job_configuration": {},\n  "variables": {"description": "${filler}"}\n}\n// end-of-paste-marker`;
    return navigator.clipboard.writeText(text).then(() => text.length);
  });
  expect(big).toBeGreaterThan(5 * 1024 * 1024);
  await page.locator(".monaco-editor .view-lines").first().click();
  await page.keyboard.press("Control+a");
  const started = Date.now();
  await page.keyboard.press("Control+v");
  const tooLarge = page.getByRole("alert").filter({ hasText: "Template too large" });
  await expect(tooLarge).toHaveText(
    "Template too large to check or pushThe template is 5.00 MB; Pooldeck checks and pushes templates up to 1 MB. Your text is kept in the editor, but it is not checked live and cannot be pushed until it is smaller.",
    { timeout: 30_000 },
  );
  const pasteMs = Date.now() - started;
  // localStorage refuses 5 MB: the banner must not claim the text is kept as a draft
  await expect(page.getByRole("status").filter({ hasText: "Unsaved changes" })).toHaveText(
    "Unsaved changes — too large to keep as a draft in this browserThe browser refused to store this text, so a reload or a crash loses it (an earlier draft that fit is kept). Push it, or make it smaller.",
  );
  // responsive: a click on a tab answers within a second
  const clickStarted = Date.now();
  await page.getByRole("tab", { name: /Checks/ }).click();
  await expect(page.getByTestId("checks-count")).toHaveText("not checked");
  const clickMs = Date.now() - clickStarted;
  info.annotations.push({
    type: "measured",
    description: `5 MB paste: ${pasteMs} ms until the editor said it is too large; a tab click then took ${clickMs} ms`,
  });
  console.log(
    `measured: 5 MB paste ${pasteMs} ms to the too-large message; tab click ${clickMs} ms`,
  );
  expect(clickMs).toBeLessThan(5_000);
  // the text is kept: the end of the pasted document is in Monaco
  await page.locator(".monaco-editor .view-lines").first().click();
  await page.keyboard.press("Control+End");
  await expect(page.locator(".monaco-editor .view-lines")).toContainText("end-of-paste-marker");
  await shot(page, info, "bad-input-5mb-paste");

  await page.getByRole("button", { name: "Update pool" }).click();
  await expect(dialog(page).getByRole("alert")).toHaveText(
    "Too large to pushThe template is 5.00 MB; Pooldeck accepts at most 1 MB. Nothing was sent. Your text is kept in the editor.",
  );
  await expect(dialog(page).getByRole("button", { name: "Push to Prefect" })).toBeDisabled();
  await shot(page, info, "bad-input-5mb-push-refused");
  expect(await readPool(name)).toEqual(before);
});

test("the server refuses a 5 MB action body and a 1.5 MB template, and stores nothing", async ({
  page,
}) => {
  const name = await createPool("body");
  const before = await readPool(name);
  await openPool(page, name);
  await touch(page);

  let response = forgeNextAction(page, (args) => ({
    ...args,
    template: "x".repeat(5 * 1024 * 1024),
  }));
  await page.getByRole("button", { name: "Update pool" }).click();
  await dialog(page).getByRole("button", { name: "Push to Prefect" }).click();
  const refused = await response;
  expect(refused.status()).toBe(413);
  await expect(dialog(page).getByRole("alert")).toContainText(
    "Not pushedNot sent: The request body is 5.00 MB; Pooldeck accepts at most 4 MB per request and 1 MB per template. Nothing was stored.Your edit is unchanged in the editor.",
  );
  expect(await readPool(name)).toEqual(before);

  await page.unrouteAll();
  response = forgeNextAction(page, (args) => ({
    ...args,
    template: `{"pad": "${"y".repeat(1.5 * 1024 * 1024)}"}`,
  }));
  await dialog(page).getByRole("button", { name: "Push to Prefect" }).click();
  expect((await response).status()).toBe(200);
  await expect(dialog(page).getByRole("alert")).toContainText(
    "The request is not valid: template: The template is 1.50 MB; Pooldeck accepts at most 1 MB. Nothing was sent.",
  );
  expect(await readPool(name)).toEqual(before);
});

test("an unknown pool: the page says so, and a forged push creates nothing", async ({
  page,
}, info) => {
  const unknown = "e2e-sec-no-such-pool";
  const res = await page.goto(`/pools/${unknown}`);
  expect(res?.status()).toBe(404);
  await expect(page.getByRole("alert").filter({ hasText: "No such work pool" })).toHaveText(
    `No such work poolPrefect has no work pool named ${unknown}. See all pools or start a new one.`,
  );
  await shot(page, info, "bad-input-unknown-pool");

  const name = await createPool("unknown");
  await openPool(page, name);
  await touch(page);
  const response = forgeNextAction(page, (args) => ({ ...args, name: unknown }));
  await page.getByRole("button", { name: "Update pool" }).click();
  await dialog(page).getByRole("button", { name: "Push to Prefect" }).click();
  expect((await response).status()).toBe(200);
  await expect(dialog(page).getByRole("alert")).toHaveText(
    `Not pushedCould not read work pool "${unknown}": Work pool "${unknown}" not found. (404)Your edit is unchanged in the editor.`,
  );
  expect(await readPool(unknown)).toBe(404);
});
