/**
 * Company SSO end to end: a real OpenID provider (oidc-provider) runs on a free port, a second
 * Pooldeck instance is configured for it (plus the users file), and a person signs in through the
 * provider's own pages. The `groups` claim maps to the editor role.
 */

import { expect, test, type Page } from "@/testing/e2e/test";

import { freePort } from "@/testing/free-port";
import { startAppInstance } from "@/testing/e2e/app-instance";
import { startOidcProvider, type OidcTestProvider } from "@/testing/e2e/oidc-provider";

test.use({
  storageState: { cookies: [], origins: [] },
  // oidc-provider's own sign-in pages link Google Fonts (offline here, so they fail harmlessly);
  // the other specs hold Pooldeck's pages to loading nothing from off this machine
  externalRequestsAllowed: [/^https:\/\/fonts\.googleapis\.com\//],
});

const SHOTS = process.env.POOLDECK_SHOTS_DIR;

let idp: OidcTestProvider;
let app: { url: string; stop: () => Promise<void> };

test.beforeAll(async () => {
  test.setTimeout(120_000);
  const [idpPort, appPort] = [await freePort(), await freePort()];
  idp = await startOidcProvider({
    port: idpPort,
    clientId: "pooldeck",
    clientSecret: "pooldeck-e2e-client-secret",
    redirectUri: `http://127.0.0.1:${appPort}/api/auth/callback/oidc`,
    accounts: {
      "olivia-platform": {
        name: "Olivia Platform",
        email: "olivia@example.com",
        groups: ["staff", "pooldeck-editors"],
      },
      "sam-staff": { name: "Sam Staff", email: "sam@example.com", groups: ["staff"] },
    },
  });
  app = await startAppInstance(appPort, {
    POOLDECK_OIDC_ISSUER: idp.issuer,
    POOLDECK_OIDC_CLIENT_ID: "pooldeck",
    POOLDECK_OIDC_CLIENT_SECRET: "pooldeck-e2e-client-secret",
    POOLDECK_OIDC_NAME: "Example SSO",
    POOLDECK_OIDC_SCOPE: "openid profile email groups",
    POOLDECK_OIDC_ROLE_CLAIM: "groups",
    POOLDECK_OIDC_EDITOR_VALUES: "pooldeck-editors",
  });
});

test.afterAll(async () => {
  await app?.stop();
  await idp?.stop();
});

/** Signs in through the provider's own login and consent pages. */
async function ssoSignIn(page: Page, account: string, shots = false) {
  await page.goto(`${app.url}/sign-in?callbackUrl=%2Fpools`);
  // the users file is configured too: both ways are offered
  await expect(page.getByLabel("Username", { exact: true })).toBeVisible();
  if (shots && SHOTS) await page.screenshot({ path: `${SHOTS}/sso-sign-in-page.png` });
  await page.getByRole("button", { name: "Sign in with Example SSO" }).click();
  await page.waitForURL((url) => url.origin === idp.issuer);
  await page.locator('input[name="login"]').fill(account);
  await page.locator('input[name="password"]').fill("any password: the dev login accepts it");
  if (shots && SHOTS) await page.screenshot({ path: `${SHOTS}/sso-provider-login.png` });
  await page.getByRole("button", { name: "Sign-in" }).click();
  await page.getByRole("button", { name: "Continue" }).click(); // the provider's consent
  await page.waitForURL(`${app.url}/pools`);
}

test("SSO: an account in the editor group signs in as an editor and lands on the callback", async ({
  page,
}) => {
  await ssoSignIn(page, "olivia-platform", true);
  const user = page.getByRole("group", { name: "Signed-in user" });
  await expect(user).toContainText("Signed in as Olivia Platform");
  await expect(user.getByLabel("Role: editor")).toHaveText("editor");
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/sso-signed-in-editor.png` });
});

test("SSO: an account without the editor group is a viewer", async ({ page }) => {
  await ssoSignIn(page, "sam-staff");
  const user = page.getByRole("group", { name: "Signed-in user" });
  await expect(user).toContainText("Signed in as Sam Staff");
  await expect(user.getByLabel("Role: viewer")).toHaveText("viewer");
});
