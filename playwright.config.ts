import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { defineConfig } from "@playwright/test";

import { CHROMIUM_ARGS, CHROMIUM_PATH } from "@/testing/e2e/chromium";
import { storageStatePath, testAuthEnv } from "@/testing/e2e/test-auth";

/**
 * End-to-end tests against the real local stack. `npm test` (scripts/test.sh) starts Prefect and the
 * ECS emulator, seeds them, builds the app, and sets the variables below; Playwright then serves the
 * production build itself. Set PLAYWRIGHT_BASE_URL to test an app you already run.
 */
const port = Number(process.env.POOLDECK_E2E_PORT ?? 3100);
const appURL = process.env.PLAYWRIGHT_BASE_URL ?? `http://127.0.0.1:${port}`;
// With POOLDECK_E2E_RECORD_DIR the browser goes through a recording proxy whose responses
// scripts/scan-secrets.ts checks for secrets after the run (scripts/test.sh does both).
const recordDir = process.env.POOLDECK_E2E_RECORD_DIR;
const recordPort = Number(process.env.POOLDECK_E2E_RECORD_PORT ?? port + 1);
const baseURL = recordDir ? `http://127.0.0.1:${recordPort}` : appURL;
const prefectPort = process.env.POOLDECK_PREFECT_PORT ?? "4200";
const motoPort = process.env.POOLDECK_MOTO_PORT ?? "5000";
// sign-in is required: the users file (written if missing) and secret the app is started with
const authEnv = testAuthEnv();
// everything the app prints (its JSON log lines on stdout, stderr too) goes to a file that
// scripts/scan-secrets.ts searches for secrets after the run
const dataDir = process.env.POOLDECK_DATA_DIR ?? ".data";
mkdirSync(dataDir, { recursive: true });
const serverLog = join(dataDir, "e2e-server.log");

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results",
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["html", { open: "never", outputFolder: "playwright-report" }]],
  use: {
    baseURL,
    // the screens a test is about are attached by testing/e2e/shot.ts; an automatic one per test
    // (90 of them) is only worth its time when the test failed
    screenshot: "only-on-failure",
    trace: "retain-on-failure",
    launchOptions: {
      // Debian's Chromium: Playwright cannot download browsers here.
      executablePath: CHROMIUM_PATH,
      args: CHROMIUM_ARGS,
    },
  },
  projects: [
    // signs in the test editor and viewer once (e2e/auth/auth.setup.ts)
    { name: "setup", testMatch: /auth\.setup\.ts$/ },
    {
      name: "chromium",
      dependencies: ["setup"],
      use: {
        browserName: "chromium",
        viewport: { width: 1440, height: 900 },
        // every spec runs signed in as the editor unless it loads another state
        storageState: storageStatePath(baseURL, "editor"),
      },
    },
  ],
  webServer: [
    ...(process.env.PLAYWRIGHT_BASE_URL
      ? []
      : [
          {
            command: `npx next start --hostname 127.0.0.1 --port ${port} >"${serverLog}" 2>&1`,
            url: `${appURL}/api/health`,
            reuseExistingServer: false,
            timeout: 120_000,
            env: {
              PREFECT_API_URL: process.env.PREFECT_API_URL ?? `http://127.0.0.1:${prefectPort}/api`,
              AWS_ENDPOINT_URL: process.env.AWS_ENDPOINT_URL ?? `http://127.0.0.1:${motoPort}`,
              AWS_REGION: process.env.AWS_REGION ?? "us-east-1",
              AWS_ACCESS_KEY_ID: process.env.AWS_ACCESS_KEY_ID ?? "testing",
              AWS_SECRET_ACCESS_KEY: process.env.AWS_SECRET_ACCESS_KEY ?? "testing",
              POOLDECK_PREFECT_PORT: prefectPort,
              POOLDECK_MOTO_PORT: motoPort,
              ...authEnv,
            },
          },
        ]),
    ...(recordDir
      ? [
          {
            command: "npx tsx testing/e2e/recording-proxy.ts",
            url: `${baseURL}/__recorder/health`,
            reuseExistingServer: false,
            timeout: 30_000,
            env: {
              RECORD_UPSTREAM: appURL,
              RECORD_PORT: String(recordPort),
              RECORD_DIR: recordDir,
            },
          },
        ]
      : []),
  ],
});
