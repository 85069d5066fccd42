/**
 * public/: the icon and robots.txt are served to anyone (a browser asks for the icon before
 * sign-in, a crawler never signs in), and every page links the icon and asks not to be indexed.
 */
import { readFileSync } from "node:fs";
import { expect, test } from "@/testing/e2e/test";

test.use({ storageState: { cookies: [], origins: [] } });

test("robots.txt disallows every path and the icon is served, both without a session", async ({
  request,
}) => {
  const robots = await request.get("/robots.txt", { maxRedirects: 0 });
  expect(robots.status()).toBe(200);
  expect(robots.headers()["content-type"]).toMatch(/^text\/plain/);
  expect(await robots.text()).toBe(readFileSync("public/robots.txt", "utf8"));
  expect(await robots.text()).toContain("User-agent: *\nDisallow: /\n");

  const icon = await request.get("/icon.svg", { maxRedirects: 0 });
  expect(icon.status()).toBe(200);
  expect(icon.headers()["content-type"]).toBe("image/svg+xml");
  expect(await icon.text()).toBe(readFileSync("public/icon.svg", "utf8"));
});

test("the sign-in page links the icon and tells crawlers not to index it", async ({ page }) => {
  await page.goto("/pools");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fpools$/);
  await expect(page.locator('link[rel="icon"]')).toHaveAttribute("href", "/icon.svg");
  await expect(page.locator('link[rel="icon"]')).toHaveAttribute("type", "image/svg+xml");
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute("content", "noindex, nofollow");
});
