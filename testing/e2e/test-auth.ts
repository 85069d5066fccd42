/**
 * Sign-in for the end-to-end tests: two known users (an editor and a viewer) in a users file, and
 * the session secret. scripts/test.sh exports POOLDECK_USERS_FILE and POOLDECK_AUTH_SECRET and runs
 * this file to write the users; without them a default file under .data/e2e-auth is used.
 * Test-only passwords: the users file never leaves the machine that runs the tests.
 */
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";

import bcrypt from "bcryptjs";

export const TEST_USERS = {
  editor: { username: "e2e-editor", password: "e2e-editor-password", name: "Eddie Editor" },
  viewer: { username: "e2e-viewer", password: "e2e-viewer-password", name: "Vera Viewer" },
} as const;

const DEFAULT_SECRET = "pooldeck-end-to-end-tests-only-secret-0123456789";

/** Where the signed-in browser states are saved, per app URL (several apps may be tested at once). */
export function storageStatePath(baseURL: string, who: keyof typeof TEST_USERS): string {
  const host = new URL(baseURL).host.replace(/[^A-Za-z0-9]/g, "-");
  return resolve(".data", "e2e-auth", host, `${who}.json`);
}

/** Writes the users file with the test users when it does not exist yet. */
export function ensureTestUsersFile(file: string): void {
  if (existsSync(file)) return;
  mkdirSync(dirname(file), { recursive: true });
  const users = Object.entries(TEST_USERS).map(([role, u]) => ({
    username: u.username,
    // cost 10: the tests sign in often on a small machine; production hashes use 12
    passwordHash: bcrypt.hashSync(u.password, 10),
    role,
    name: u.name,
  }));
  writeFileSync(file, JSON.stringify(users, null, 2) + "\n", { mode: 0o600 });
}

/** The sign-in variables every app started by the tests needs (the users file is written if missing). */
export function testAuthEnv(): { POOLDECK_USERS_FILE: string; POOLDECK_AUTH_SECRET: string } {
  const file = resolve(process.env.POOLDECK_USERS_FILE ?? ".data/e2e-auth/users.json");
  ensureTestUsersFile(file);
  return {
    POOLDECK_USERS_FILE: file,
    POOLDECK_AUTH_SECRET: process.env.POOLDECK_AUTH_SECRET ?? DEFAULT_SECRET,
  };
}

// `npx tsx testing/e2e/test-auth.ts`: write the users file (scripts/test.sh)
if (process.argv[1]?.endsWith("test-auth.ts")) {
  const env = testAuthEnv();
  console.log(`test users in ${env.POOLDECK_USERS_FILE}`);
}
