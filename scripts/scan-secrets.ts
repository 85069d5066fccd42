/**
 * Proves that no secret reaches the browser. Scans
 *   1. every file of the production build's client output (`<distDir>/static`), and
 *   2. every HTML, RSC, JSON and text response recorded during the browser tests
 *      (testing/e2e/recording-proxy.ts writes `<record dir>/responses.ndjson`), and
 *   3. the server log of the app the browser tests ran against (playwright.config.ts writes
 *      `$POOLDECK_DATA_DIR/e2e-server.log`): no secret in a log line either
 * for the configured secret values: AWS keys, the Prefect API key or basic auth string, sign-in
 * and database secrets (lib/security/secret-scan.ts SECRET_VARIABLES), the password hashes of
 * POOLDECK_USERS_FILE and the test users' passwords, the canary inside a seeded task definition's environment, and any variable
 * named in POOLDECK_SCAN_SECRET_VARIABLES (comma-separated).
 *
 *   npx tsx scripts/scan-secrets.ts [--dist .next] [--responses test-results/recorded]
 *                                   [--server-log .data/e2e-server.log]
 *
 * Fails (exit 1) naming the secret and the file or URL; also fails when a configured secret is too
 * short to prove anything or when there is nothing to scan.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";

import {
  describeLeaks,
  findLeaks,
  MIN_SECRET_LENGTH,
  secretsFromEnv,
  undistinctive,
  type Leak,
  type Secret,
} from "@/lib/security/secret-scan";
import { TEST_USERS } from "@/testing/e2e/test-auth";
import { SEED } from "@/testing/seed/ecs";

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}

function* filesUnder(dir: string): Generator<string> {
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) yield* filesUnder(path);
    else yield path;
  }
}

/** The password hashes of the sign-in users file: never for the browser either. */
function usersFileHashes(file: string | undefined): Secret[] {
  if (!file || !existsSync(file)) return [];
  const users = JSON.parse(readFileSync(file, "utf8")) as {
    username?: string;
    passwordHash?: string;
  }[];
  return users.flatMap((u) =>
    u.passwordHash
      ? [
          {
            name: `passwordHash of user ${u.username ?? "?"} (POOLDECK_USERS_FILE)`,
            value: u.passwordHash,
          },
        ]
      : [],
  );
}

interface Recorded {
  method: string;
  url: string;
  status: number;
  contentType: string;
  body: string;
}

function main(): number {
  const dist = arg("dist", process.env.POOLDECK_DIST_DIR || ".next");
  const responses = arg(
    "responses",
    process.env.POOLDECK_E2E_RECORD_DIR || "test-results/recorded",
  );
  const extra = (process.env.POOLDECK_SCAN_SECRET_VARIABLES ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const secrets: Secret[] = [
    ...secretsFromEnv(process.env, extra),
    {
      name: "task definition environment value (seed canary)",
      value: SEED.taskDefinitionEnvCanary,
    },
    ...usersFileHashes(process.env.POOLDECK_USERS_FILE),
    // the browser tests type these into the sign-in form; no response may carry them back
    ...Object.values(TEST_USERS).map((u) => ({
      name: `password of test user ${u.username}`,
      value: u.password,
    })),
  ];
  const problems: string[] = [];
  for (const s of undistinctive(secrets)) {
    problems.push(
      `${s.name} is ${s.value.length} characters; a scan proves nothing below ${MIN_SECRET_LENGTH}: set a distinctive value`,
    );
  }
  for (const name of extra) {
    if (!process.env[name]?.trim())
      problems.push(`${name} (POOLDECK_SCAN_SECRET_VARIABLES) is not set`);
  }

  const leaks: Leak[] = [];
  const staticDir = join(dist, "static");
  let bundleFiles = 0;
  if (!existsSync(staticDir)) problems.push(`no client build output at ${staticDir}`);
  else {
    for (const file of filesUnder(staticDir)) {
      bundleFiles++;
      leaks.push(
        ...findLeaks(secrets, relative(process.cwd(), file), readFileSync(file, "latin1")),
      );
    }
  }

  const recordFile = join(responses, "responses.ndjson");
  let recorded = 0;
  if (!existsSync(recordFile)) problems.push(`no recorded responses at ${recordFile}`);
  else {
    for (const line of readFileSync(recordFile, "utf8").split("\n")) {
      if (!line) continue;
      const r = JSON.parse(line) as Recorded;
      recorded++;
      leaks.push(
        ...findLeaks(secrets, `${r.method} ${r.url} (${r.status}, ${r.contentType})`, r.body),
      );
    }
    if (recorded === 0) problems.push(`${recordFile} holds no responses`);
  }

  const serverLog = arg(
    "server-log",
    join(process.env.POOLDECK_DATA_DIR || ".data", "e2e-server.log"),
  );
  let logLines = 0;
  if (!existsSync(serverLog)) problems.push(`no server log at ${serverLog}`);
  else {
    readFileSync(serverLog, "utf8")
      .split("\n")
      .forEach((line, i) => {
        if (!line) return;
        logLines++;
        leaks.push(...findLeaks(secrets, `${relative(process.cwd(), serverLog)}:${i + 1}`, line));
      });
  }

  console.log(
    `secret scan: ${secrets.length} secrets (${secrets.map((s) => s.name).join(", ")}); ` +
      `${bundleFiles} client build files in ${staticDir}; ${recorded} recorded responses in ${recordFile}; ` +
      `${logLines} server log lines in ${serverLog}`,
  );
  if (leaks.length) console.error(describeLeaks(leaks));
  for (const p of problems) console.error(`SCAN PROBLEM: ${p}`);
  if (leaks.length || problems.length) {
    console.error(`secret scan FAILED: ${leaks.length} leaks, ${problems.length} problems`);
    return 1;
  }
  console.log(
    "secret scan passed: no secret value in any client bundle, recorded response or server log line",
  );
  return 0;
}

process.exit(main());
