import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

import bcrypt from "bcryptjs";
import { expect, it, vi } from "vitest";

const bin = fileURLToPath(new URL("./bin.mjs", import.meta.url));
// real node processes, and bcrypt at cost 12 on a busy machine
vi.setConfig({ testTimeout: 120_000 });

function pooldeck(stdin: string, ...args: string[]) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], {
      // the users file comes from --file only in these tests
      env: { ...process.env, POOLDECK_USERS_FILE: "" },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c: Buffer) => (stdout += c.toString()));
    child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

it("pooldeck user add writes a bcrypt hash to an owner-only users file, and replaces a user", async () => {
  const file = join(mkdtempSync(join(tmpdir(), "pooldeck-users-")), "users.json");
  const added = await pooldeck(
    "a long password\n",
    ...["user", "add", "ada", "--role", "editor", "--name", "Ada L", "--file", file],
    "--password-stdin",
  );
  expect(added).toEqual({ code: 0, stdout: `added ada (editor) in ${file}\n`, stderr: "" });
  expect(statSync(file).mode & 0o777).toBe(0o600);
  const [ada] = JSON.parse(readFileSync(file, "utf8")) as { passwordHash: string }[];
  expect(ada).toEqual({
    username: "ada",
    passwordHash: expect.stringMatching(/^\$2b\$12\$/),
    role: "editor",
    name: "Ada L",
  });
  expect(await bcrypt.compare("a long password", ada!.passwordHash)).toBe(true);

  const replaced = await pooldeck(
    "",
    ...["user", "add", "ADA", "--role", "viewer", "--file", file, "--generate-password"],
  );
  expect(replaced.code).toBe(0);
  const password = /^password: (\S+)$/m.exec(replaced.stdout)?.[1];
  expect(replaced.stdout).toBe(`replaced ADA (viewer) in ${file}\npassword: ${password}\n`);
  const users = JSON.parse(readFileSync(file, "utf8")) as { passwordHash: string }[];
  expect(users).toEqual([{ username: "ADA", passwordHash: expect.any(String), role: "viewer" }]);
  expect(await bcrypt.compare(password!, users[0]!.passwordHash)).toBe(true);
});

it("pooldeck user add refuses a bad role, a short password and a missing file", async () => {
  const file = join(mkdtempSync(join(tmpdir(), "pooldeck-users-")), "users.json");
  expect(
    await pooldeck(
      "",
      "user",
      "add",
      "x",
      "--role",
      "admin",
      "--file",
      file,
      "--generate-password",
    ),
  ).toEqual({ code: 2, stdout: "", stderr: "pooldeck: --role must be viewer or editor\n" });
  expect(
    await pooldeck(
      "short\n",
      "user",
      "add",
      "x",
      "--role",
      "viewer",
      "--file",
      file,
      "--password-stdin",
    ),
  ).toEqual({
    code: 2,
    stdout: "",
    stderr: "pooldeck: the password must have at least 8 characters\n",
  });
  const noFile = await pooldeck("", "user", "add", "x", "--role", "viewer", "--generate-password");
  expect(noFile).toEqual({
    code: 2,
    stdout: "",
    stderr: "pooldeck: --file is required when POOLDECK_USERS_FILE is not set\n",
  });
});
