import type { Page } from "@playwright/test";

/**
 * Holds every request of `page` that `match` accepts until the returned function is called, then
 * lets them go on (a slow network for chosen files: scripts that have not arrived yet).
 */
export async function holdRequests(page: Page, match: (url: URL) => boolean): Promise<() => void> {
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route(match, async (route) => {
    await released;
    await route.continue();
  });
  return release;
}

/** The app's own scripts (the build's chunks). */
export const isAppScript = (url: URL) =>
  url.pathname.startsWith("/_next/static/") && url.pathname.endsWith(".js");
