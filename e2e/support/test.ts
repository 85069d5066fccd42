/**
 * Playwright's `test`, with one addition every spec gets: a test fails when the page it drove threw
 * an uncaught error or left a promise rejection unhandled, even if everything it asserted held.
 * Such errors are invisible to a user until something stops working, so they fail here first.
 */
import { test as base, expect } from "@playwright/test";

export * from "@playwright/test";

export const test = base.extend<{ pageErrors: string[] }>({
  pageErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on("pageerror", (error) => errors.push(error.message));
      await use(errors);
      expect(errors, "uncaught errors in the page").toEqual([]);
    },
    { auto: true },
  ],
});
