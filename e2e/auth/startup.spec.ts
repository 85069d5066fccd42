/**
 * `next start` without a sign-in configuration, or with a users file nobody could sign in with,
 * refuses to start and names what is missing (instrumentation-node.ts).
 */
import { writeFileSync } from "node:fs";

import { expect, test } from "@/testing/e2e/test";

import { freePort } from "@/testing/free-port";
import { startAppInstance } from "@/testing/e2e/app-instance";

test("a production server without sign-in configured refuses to start and says what is missing", async () => {
  const start = startAppInstance(await freePort(), {
    POOLDECK_AUTH_SECRET: "",
    POOLDECK_USERS_FILE: "",
  });
  await expect(start).rejects.toThrow(
    "POOLDECK_AUTH_SECRET: is required: it encrypts the session cookies",
  );
  await expect(start).rejects.toThrow(
    "POOLDECK_USERS_FILE: sign-in is not configured: set POOLDECK_USERS_FILE",
  );
});

test("a users file that does not parse stops the server and names the place", async ({}, info) => {
  const file = info.outputPath("users.json");
  writeFileSync(file, JSON.stringify([{ username: "ada", passwordHash: "plain", role: "editor" }]));
  await expect(startAppInstance(await freePort(), { POOLDECK_USERS_FILE: file })).rejects.toThrow(
    `POOLDECK_USERS_FILE: POOLDECK_USERS_FILE ${file} at [0].[passwordHash]: passwordHash must be a bcrypt hash`,
  );
});
