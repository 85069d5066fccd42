import { expect, test, type Page, type TestInfo } from "@/testing/e2e/test";

import { defaultEcsTemplate, gotoLineEnd, waitForMonaco } from "@/e2e/editor/pools";
import { watchCsp } from "./csp";
import { createPool, deletePools } from "./pools";

/** The static security headers next.config.js sets on every response. */
const STATIC_HEADERS = {
  "x-content-type-options": "nosniff",
  "referrer-policy": "same-origin",
  "x-frame-options": "DENY",
  "cross-origin-opener-policy": "same-origin",
  "permissions-policy": "camera=(), microphone=(), geolocation=(), usb=()",
};

const csp = (nonce: string) =>
  `default-src 'self'; script-src 'self' 'nonce-${nonce}' 'strict-dynamic'; ` +
  "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; " +
  "worker-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; " +
  "form-action 'self'; frame-ancestors 'none'";

const NONCE = /'nonce-([A-Za-z0-9+/=]{24})'/;

async function shot(page: Page, info: TestInfo, name: string) {
  const path = info.outputPath(`${name}.png`);
  await page.screenshot({ path, fullPage: false });
  await info.attach(name, { path, contentType: "image/png" });
}

test.afterAll(deletePools);

test("pages carry the exact security headers, a fresh nonce each time, and no X-Powered-By", async ({
  request,
}) => {
  const nonces: string[] = [];
  for (const path of ["/", "/pools"]) {
    const res = await request.get(path);
    expect(res.status()).toBe(200);
    const headers = res.headers();
    const nonce = NONCE.exec(headers["content-security-policy"] ?? "")?.[1] ?? "";
    expect(headers["content-security-policy"]).toBe(csp(nonce));
    expect(headers).toMatchObject(STATIC_HEADERS);
    expect(headers["x-powered-by"]).toBeUndefined();
    // Next put the nonce on its own scripts, and only this one
    const html = await res.text();
    const inHtml = new Set([...html.matchAll(/<script[^>]* nonce="([^"]+)"/g)].map((m) => m[1]));
    expect([...inHtml]).toEqual([nonce]);
    expect(html).not.toMatch(/<script(?![^>]*\bnonce=)[^>]*>[^<]/);
    nonces.push(nonce);
  }
  expect(new Set(nonces).size).toBe(2);

  const api = await request.get("/api/health");
  expect(api.headers()).toMatchObject(STATIC_HEADERS);
  expect(api.headers()["x-powered-by"]).toBeUndefined();

  const page = await (await request.get("/pools")).text();
  const chunk = /\/_next\/static\/chunks\/[^"]+\.js/.exec(page)?.[0];
  expect(chunk).toBeDefined();
  const asset = await request.get(chunk!);
  expect(asset.status()).toBe(200);
  expect(asset.headers()).toMatchObject(STATIC_HEADERS);
  expect(asset.headers()["x-powered-by"]).toBeUndefined();
});

test("every page works under the CSP: no violation while pages render and Monaco loads and validates", async ({
  page,
}, info) => {
  const watch = await watchCsp(page);
  const pool = await createPool("csp");
  const visits: [string, RegExp][] = [
    ["/", /Pooldeck/],
    ["/pools", /demo-ecs/],
    ["/pools/new", /Create pool/],
    ["/clusters", /demo-cluster/],
    ["/clusters/demo-cluster", /general-asg/],
    ["/pools/demo-ecs-push", /demo-ecs-push/],
    ["/compare", /Push pool vs hybrid worker/],
  ];
  const seen: string[] = [];
  for (const [path, text] of visits) {
    await page.goto(path);
    await expect(page.locator("main")).toContainText(text);
    seen.push(...(await watch.violations()).map((v) => `${path}: ${v}`));
  }
  await page.goto(`/pools/${pool}`);
  await waitForMonaco(page);
  // a syntax error: only Monaco's JSON worker marks it (Pooldeck's markers skip invalid JSON)
  await page.locator(".monaco-editor .view-lines").first().click();
  await page.keyboard.press("Control+Home");
  await page.keyboard.type("x");
  await expect(page.locator(".monaco-editor .squiggly-error").first()).toBeVisible({
    timeout: 20_000,
  });
  await page.keyboard.press("Backspace");
  await expect(page.locator(".monaco-editor .squiggly-error")).toHaveCount(0, { timeout: 20_000 });
  // the diff view of "Update pool" runs Monaco's editor worker
  await page.keyboard.press("End");
  await page.keyboard.type(" ");
  await page.getByRole("button", { name: "Update pool" }).click();
  await expect(page.getByRole("dialog").locator(".monaco-diff-editor")).toBeVisible({
    timeout: 30_000,
  });
  await shot(page, info, "csp-update-dialog");
  // client-side navigation after the editor: scripts loaded by nonce'd scripts ('strict-dynamic')
  await page.keyboard.press("Escape");
  await page
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: "Clusters" })
    .click();
  await expect(page.locator("main")).toContainText("demo-cluster");
  seen.push(...(await watch.violations()).map((v) => `editor: ${v}`));
  expect(seen).toEqual([]);
});

test("a variables-schema error shows live while typing, with no 'unsafe-eval' in the policy", async ({
  page,
}, info) => {
  const watch = await watchCsp(page);
  const pool = await createPool("schema");
  const response = await page.goto(`/pools/${pool}`);
  expect(response?.headers()["content-security-policy"]).not.toContain("unsafe-eval");
  await waitForMonaco(page);
  const checks = page.getByRole("region", { name: "Checks" });
  const rule = checks.locator('[data-rule="template/default-violates-schema"]');
  await expect(rule).toHaveCount(0);
  // task_start_timeout_seconds is an integer variable whose default is the template's only 300
  const text = JSON.stringify(await defaultEcsTemplate(), null, 2);
  await gotoLineEnd(page, text.split("\n").findIndex((l) => l.includes('"default": 300')) + 1);
  for (let i = 0; i < "300,".length; i++) await page.keyboard.press("Backspace");
  await page.keyboard.type('"300",');
  await expect(rule).toContainText(
    'The default of "task_start_timeout_seconds" must be integer. Prefect rejects such a default',
  );
  await rule.scrollIntoViewIfNeeded();
  await shot(page, info, "csp-variables-schema-error");
  for (let i = 0; i < '"300",'.length; i++) await page.keyboard.press("Backspace");
  await page.keyboard.type("300,");
  await expect(rule).toHaveCount(0);
  expect(await watch.violations()).toEqual([]);
});
