/**
 * Playwright setup project: signs in the test editor and viewer once and saves their browser
 * states. Every spec runs signed in as the editor by default (playwright.config.ts); role tests
 * load the viewer's state.
 */
import { test as setup } from "@playwright/test";

import { signIn } from "@/testing/e2e/sign-in";
import { storageStatePath, TEST_USERS } from "@/testing/e2e/test-auth";

for (const who of ["editor", "viewer"] as const) {
  setup(`sign in the ${who}`, async ({ page, baseURL }) => {
    const user = TEST_USERS[who];
    await signIn(page, { username: user.username, password: user.password });
    await page.context().storageState({ path: storageStatePath(baseURL!, who) });
  });
}
