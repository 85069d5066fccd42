/**
 * Signs a Playwright page in through Pooldeck's own sign-in page, as a person would. Reusable by
 * any script that drives Chromium against Pooldeck (e2e setup, benchmarks):
 *   await signIn(page, { baseURL: "http://127.0.0.1:3000", username: "demo", password: "…" });
 */
import type { Page } from "@playwright/test";

export interface SignInOptions {
  /** the app's URL; omit when the page's context has a baseURL */
  baseURL?: string;
  username: string;
  password: string;
  /** where to land afterwards (default "/") */
  callbackUrl?: string;
}

/** Fills the sign-in form and waits until the page has landed on callbackUrl, signed in. */
export async function signIn(page: Page, options: SignInOptions): Promise<void> {
  const callbackUrl = options.callbackUrl ?? "/";
  const base = options.baseURL?.replace(/\/+$/, "") ?? "";
  await page.goto(`${base}/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}`);
  await page.getByLabel("Username", { exact: true }).fill(options.username);
  await page.getByLabel("Password", { exact: true }).fill(options.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  const target = new URL(callbackUrl, "http://x").pathname;
  await page.waitForURL((url) => url.pathname === target, { timeout: 30_000 });
  await page.getByRole("group", { name: "Signed-in user" }).waitFor({ timeout: 30_000 });
}
