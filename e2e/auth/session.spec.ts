/**
 * Sessions end by time, and a role changed in the users file applies on the next request. Both
 * run against an app instance of their own (its own users file, POOLDECK_SESSION_MAX_AGE=60), so
 * the shared test users stay as they are.
 *
 * Expiry without waiting: the server issues a cookie whose encrypted JWT expires 60 s after
 * sign-in (read back with the server's secret), and the test re-encodes that same session with
 * next-auth's own encoder as it stands two minutes later (expired) and as it stands now (valid),
 * then sends each with the next request. The real wait would be 75 s (next-auth allows 15 s of
 * clock skew).
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import bcrypt from "bcryptjs";
import { decode, encode } from "next-auth/jwt";

import { expect, test, type Browser } from "@/testing/e2e/test";

import { waitForMonaco } from "@/e2e/editor/pools";
import { ec2Template, readPool } from "@/e2e/push/prefect-api";
import { startAppInstance } from "@/testing/e2e/app-instance";
import { signIn } from "@/testing/e2e/sign-in";
import { testAuthEnv } from "@/testing/e2e/test-auth";
import { freePort } from "@/testing/free-port";
import { cleanUpAuthPools, createAuthPool } from "./forge";

const SHOTS = process.env.POOLDECK_SHOTS_DIR;
const USER = { username: "pd-session-ada", password: "ada-session-password", name: "Ada Lovelace" };
const COOKIE = "next-auth.session-token";

let dir: string;
let usersFile: string;
let app: { url: string; stop: () => Promise<void> };
const secret = testAuthEnv().POOLDECK_AUTH_SECRET;

function writeUsers(role: "editor" | "viewer") {
  const passwordHash = bcrypt.hashSync(USER.password, 4);
  const users = [{ username: USER.username, passwordHash, role, name: USER.name }];
  writeFileSync(usersFile, JSON.stringify(users, null, 2) + "\n", { mode: 0o600 });
}

test.use({ storageState: { cookies: [], origins: [] } });

test.beforeAll(async () => {
  await cleanUpAuthPools();
  dir = mkdtempSync(join(tmpdir(), "pooldeck-session-"));
  usersFile = join(dir, "users.json");
  writeUsers("editor");
  app = await startAppInstance(await freePort(), {
    POOLDECK_USERS_FILE: usersFile,
    POOLDECK_SESSION_MAX_AGE: "60",
  });
});

test.afterAll(async () => {
  await app?.stop();
  await cleanUpAuthPools();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** A signed-in browser context on the instance. */
async function signedIn(browser: Browser) {
  const context = await browser.newContext({ baseURL: app.url });
  const page = await context.newPage();
  await signIn(page, { baseURL: app.url, username: USER.username, password: USER.password });
  return { context, page };
}

test("a session ends POOLDECK_SESSION_MAX_AGE after sign-in; the next request is signed out", async ({
  browser,
}) => {
  const { context } = await signedIn(browser);
  const cookie = (await context.cookies()).find((c) => c.name === COOKIE)!;
  const signedInAt = Date.now() / 1000;
  // the cookie and the token inside it both end 60 s after sign-in
  expect(cookie.expires).toBeGreaterThan(signedInAt + 50);
  expect(cookie.expires).toBeLessThan(signedInAt + 61);
  const token = (await decode({ token: cookie.value, secret }))!;
  expect((token.exp as number) - (token.iat as number)).toBe(60);
  expect({ sub: token.sub, name: token.name, role: token.role }).toEqual({
    sub: USER.username,
    name: USER.name,
    role: "editor",
  });
  await context.close();

  const { iat: _iat, exp: _exp, jti: _jti, ...session } = token;
  const withSession = async (maxAge: number) => {
    const value = await encode({ token: session, secret, maxAge });
    const ctx = await browser.newContext({ baseURL: app.url });
    await ctx.addCookies([{ name: COOKIE, value, url: app.url, httpOnly: true, sameSite: "Lax" }]);
    return ctx;
  };

  // the same session now: accepted
  const now = await withSession(60);
  const page = await now.newPage();
  await page.goto("/clusters?region=us-east-1");
  await expect(page.getByRole("group", { name: "Signed-in user" })).toContainText(USER.name);
  await now.close();

  // the same session two minutes later (it expired a minute ago): pages and the API refuse it
  const later = await withSession(-60);
  const expiredPage = await later.newPage();
  await expiredPage.goto("/clusters?region=us-east-1");
  await expect(expiredPage).toHaveURL(/\/sign-in\?callbackUrl=%2Fclusters%3Fregion%3Dus-east-1$/);
  await expect(expiredPage.getByRole("heading", { name: "Sign in to Pooldeck" })).toBeVisible();
  if (SHOTS) await expiredPage.screenshot({ path: `${SHOTS}/session-expired.png` });
  const api = await later.request.get("/api/ecs/clusters?region=us-east-1");
  expect(api.status()).toBe(401);
  expect(await api.json()).toEqual({ error: "Sign in to use the Pooldeck API." });
  await later.close();
});

test("a role changed in the users file applies on the next request, push included", async ({
  browser,
}) => {
  writeUsers("editor");
  const template = await ec2Template();
  const name = await createAuthPool("session-role", template);
  const { context, page } = await signedIn(browser);
  await page.goto(`/pools/${encodeURIComponent(name)}`);
  await waitForMonaco(page);
  await expect(page.getByLabel("Role: editor")).toBeVisible();
  await page.getByRole("button", { name: "Fargate", exact: true }).click();
  await page.getByRole("button", { name: "Update pool" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByRole("button", { name: "Push to Prefect" })).toBeEnabled();

  // the operator demotes Ada while her dialog is open: the push is refused, nothing is sent
  writeUsers("viewer");
  await dialog.getByRole("button", { name: "Push to Prefect" }).click();
  await expect(dialog.getByRole("alert")).toContainText(
    `You need the editor role to do this; ${USER.name} signed in with the viewer role. Nothing was sent.`,
  );
  expect((await readPool(name)).base_job_template).toEqual(template);
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/role-changed-push.png` });

  // the next page load shows the viewer role and pushing disabled, without signing in again
  await page.goto(`/pools/${encodeURIComponent(name)}`);
  await waitForMonaco(page);
  await expect(page.getByLabel("Role: viewer")).toBeVisible();
  await expect(page.getByRole("button", { name: "Update pool" })).toBeDisabled();

  // promoted again: the next request is an editor's
  writeUsers("editor");
  await page.reload();
  await waitForMonaco(page);
  await expect(page.getByLabel("Role: editor")).toBeVisible();
  await expect(page.getByRole("button", { name: "Update pool" })).toBeEnabled();
  await context.close();
});
