/**
 * Sign-in with the operator's users file, against the production build: the first door (proxy)
 * for pages and API routes, wrong and right passwords, the callback URL, the cookie's flags, and
 * sign-out.
 */
import { expect, test } from "@/testing/e2e/test";

import { TEST_USERS } from "@/testing/e2e/test-auth";

test.use({ storageState: { cookies: [], origins: [] } });

const SHOTS = process.env.POOLDECK_SHOTS_DIR;

test("a signed-out visitor is sent to sign-in, and API routes answer 401", async ({
  page,
  request,
}) => {
  await page.goto("/clusters?region=us-east-1");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fclusters%3Fregion%3Dus-east-1$/);
  await expect(page.getByRole("heading", { name: "Sign in to Pooldeck" })).toBeVisible();
  // only the credentials form: no SSO is configured for this server
  await expect(page.getByRole("button", { name: /Sign in with/ })).toHaveCount(0);
  // no section links while signed out: each would only lead back here
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: "Clusters" })).toHaveCount(0);
  await expect(nav.getByRole("link", { name: "Pooldeck" })).toBeVisible();

  const clusters = await request.get("/api/ecs/clusters?region=us-east-1");
  expect(clusters.status()).toBe(401);
  expect(await clusters.json()).toEqual({ error: "Sign in to use the Pooldeck API." });
  const runsLine = await request.get("/api/pools/demo-ecs/runs-line");
  expect(runsLine.status()).toBe(401);
  expect(await runsLine.json()).toEqual({ error: "Sign in to use the Pooldeck API." });
  const health = await request.get("/api/health");
  expect(health.status()).toBe(200);
});

test("a wrong password is refused with a clear message", async ({ page }) => {
  await page.goto("/sign-in?callbackUrl=%2Fpools");
  await page.getByLabel("Username", { exact: true }).fill(TEST_USERS.editor.username);
  await page.getByLabel("Password", { exact: true }).fill("not-the-password");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Not signed in" })).toHaveText(
    "Not signed inWrong username or password.",
  );
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fpools$/);
  expect((await page.context().cookies()).map((c) => c.name)).not.toContain(
    "next-auth.session-token",
  );
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/sign-in-wrong-password.png` });
});

test("before the page's JavaScript runs, sign-in sends nothing: the password never goes into a URL", async ({
  browser,
  baseURL,
}) => {
  const context = await browser.newContext({ baseURL, javaScriptEnabled: false });
  const page = await context.newPage();
  const urls: string[] = [];
  page.on("request", (r) => urls.push(r.url()));
  await page.goto("/sign-in?callbackUrl=%2Fclusters");
  await expect(page.getByRole("status").filter({ hasText: "JavaScript is off" })).toHaveText(
    "JavaScript is offSigning in needs JavaScript: turn it on for this site and reload.",
  );
  await page.getByLabel("Username", { exact: true }).fill(TEST_USERS.editor.username);
  await page.getByLabel("Password", { exact: true }).fill(TEST_USERS.editor.password);
  await expect(page.getByRole("button", { name: "Sign in", exact: true })).toBeDisabled();
  await page.getByLabel("Password", { exact: true }).press("Enter");
  // what the browser would have sent by now: nothing, so the page and its fields stay as they are
  await page.waitForTimeout(1_000);
  expect(page.url()).toMatch(/\/sign-in\?callbackUrl=%2Fclusters$/);
  await expect(page.getByLabel("Password", { exact: true })).toHaveValue(
    TEST_USERS.editor.password,
  );
  expect(
    urls.filter((u) => u.includes("password") || u.includes(TEST_USERS.editor.password)),
  ).toEqual([]);
  await context.close();
});

test("signing in lands on the callback URL; the header names the user; sign-out ends it", async ({
  page,
}) => {
  await page.goto("/clusters?region=us-east-1");
  await expect(page).toHaveURL(/\/sign-in\?/);
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/sign-in.png` });
  await page.getByLabel("Username", { exact: true }).fill(TEST_USERS.editor.username);
  await page.getByLabel("Password", { exact: true }).fill(TEST_USERS.editor.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(/\/clusters\?region=us-east-1$/);

  const user = page.getByRole("group", { name: "Signed-in user" });
  await expect(user).toContainText("Signed in as Eddie Editor");
  await expect(user.getByLabel("Role: editor")).toHaveText("editor");
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/header-signed-in.png` });

  // the session is an encrypted JWT in an HttpOnly, SameSite=Lax cookie (not Secure over http)
  const session = (await page.context().cookies()).find(
    (c) => c.name === "next-auth.session-token",
  );
  expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax", secure: false, path: "/" });
  expect(session!.value.split(".")).toHaveLength(5); // JWE compact serialization

  await user.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await expect(page.getByRole("heading", { name: "Sign in to Pooldeck" })).toBeVisible();
  expect((await page.context().cookies()).map((c) => c.name)).not.toContain(
    "next-auth.session-token",
  );
  await page.goto("/pools");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fpools$/);
});

test("sign-out works before the page's JavaScript has run (a plain form post)", async ({
  page,
}) => {
  await page.goto("/sign-in?callbackUrl=%2Fclusters");
  await page.getByLabel("Username", { exact: true }).fill(TEST_USERS.viewer.username);
  await page.getByLabel("Password", { exact: true }).fill(TEST_USERS.viewer.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(/\/clusters$/);
  // from here on no script of the app loads: the header stays as the server rendered it
  await page.route("**/_next/static/**/*.js", (route) => route.abort());
  await page.goto("/pools");
  await expect(page.getByRole("group", { name: "Signed-in user" })).toContainText(
    "Signed in as Vera Viewer",
  );
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await expect(page.getByRole("heading", { name: "Sign in to Pooldeck" })).toBeVisible();
  expect((await page.context().cookies()).map((c) => c.name)).not.toContain(
    "next-auth.session-token",
  );
});
