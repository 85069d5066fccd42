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

export const test = base.extend<{ pageChecks: void; externalRequestsAllowed: RegExp[] }>({
  // pages that are not Pooldeck's (a test identity provider's sign-in page) may load their own assets
  externalRequestsAllowed: [[], { option: true }],
  pageChecks: [
    async ({ page, externalRequestsAllowed }, use) => {
      const errors: string[] = [];
      const offLocalhost: string[] = [];
      page.on("pageerror", (error) => errors.push(error.message));
      page.on("request", (request) => {
        const url = request.url();
        if (!LOCAL.test(url) && !externalRequestsAllowed.some((allowed) => allowed.test(url)))
          offLocalhost.push(url);
      });
      await use();
      expect(errors, "uncaught errors in the page").toEqual([]);
      expect(offLocalhost, "requests that left localhost").toEqual([]);
    },
    { auto: true },
  ],
});
