/**
 * Playwright's `test`, with two checks every spec gets on the page it drove, even when everything
 * the test asserted held:
 * - no uncaught error and no unhandled promise rejection: invisible to a user until something stops
 *   working, so they fail here first;
 * - no request leaving this machine: Pooldeck runs offline against the local stack, and Monaco and
 *   every other asset come from the app itself, never a CDN.
 */
import { test as base, expect } from "@playwright/test";

export * from "@playwright/test";

const LOCAL = /^(http:\/\/127\.0\.0\.1:|data:|blob:)/;

export const test = base.extend<{ pageChecks: void }>({
  pageChecks: [
    async ({ page }, use) => {
      const errors: string[] = [];
      const offLocalhost: string[] = [];
      page.on("pageerror", (error) => errors.push(error.message));
      page.on("request", (request) => {
        if (!LOCAL.test(request.url())) offLocalhost.push(request.url());
      });
      await use();
      expect(errors, "uncaught errors in the page").toEqual([]);
      expect(offLocalhost, "requests that left localhost").toEqual([]);
    },
    { auto: true },
  ],
});
