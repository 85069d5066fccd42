/**
 * `pooldeck user add`: adds a user to (or replaces one in) the operator's users file, with a
 * bcrypt hash of the password. The file is created readable by its owner only.
 */
import { randomBytes } from "node:crypto";
import { chmod, readFile, rename, writeFile } from "node:fs/promises";
import { parseArgs } from "node:util";

import { hashPassword, parseUsersFile, type ConfiguredUser } from "@/lib/auth/users";
import { UsageError } from "./usage-error";

export const USER_HELP = `Usage:
  pooldeck user add <username> --role viewer|editor [--name "Full Name"]
                    [--file <users.json>] (--password-stdin | --generate-password)

  --file                the users file (default: $POOLDECK_USERS_FILE); created when missing
  --password-stdin      read the password from the first line of stdin
  --generate-password   make a random password and print it once
`;

async function readStdinLine(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return (Buffer.concat(chunks).toString("utf8").split(/\r?\n/)[0] ?? "").trimEnd();
}

async function readUsers(file: string): Promise<ConfiguredUser[]> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
  return parseUsersFile(text, file);
}

/** Runs `pooldeck user …`; returns the exit code. */
export async function runUser(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== "add") throw new UsageError(`expected \`pooldeck user add\`\n${USER_HELP}`);
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      role: { type: "string" },
      name: { type: "string" },
      file: { type: "string" },
      "password-stdin": { type: "boolean" },
      "generate-password": { type: "boolean" },
    },
  });
  const username = positionals[0];
  if (!username || positionals.length > 1) throw new UsageError("expected one <username>");
  if (values.role !== "viewer" && values.role !== "editor") {
    throw new UsageError("--role must be viewer or editor");
  }
  const file = values.file ?? process.env.POOLDECK_USERS_FILE;
  if (!file) throw new UsageError("--file is required when POOLDECK_USERS_FILE is not set");
  if (Boolean(values["password-stdin"]) === Boolean(values["generate-password"])) {
    throw new UsageError("use exactly one of --password-stdin and --generate-password");
  }
  const generated = values["generate-password"] ? randomBytes(12).toString("base64url") : null;
  const password = generated ?? (await readStdinLine());
  if (password.length < 8) throw new UsageError("the password must have at least 8 characters");

  const entry: ConfiguredUser = {
    username,
    passwordHash: await hashPassword(password),
    role: values.role,
    ...(values.name ? { name: values.name } : {}),
  };
  // validated as a whole (username rules, duplicates) before anything is written
  const existing = await readUsers(file);
  const users = existing.filter((u) => u.username.toLowerCase() !== username.toLowerCase());
  const next = parseUsersFile(JSON.stringify([...users, entry]), file);
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, JSON.stringify(next, null, 2) + "\n", { mode: 0o600 });
  await chmod(tmp, 0o600);
  await rename(tmp, file);
  process.stdout.write(
    `${users.length < existing.length ? "replaced" : "added"} ${username} (${values.role}) in ${file}\n`,
  );
  if (generated) process.stdout.write(`password: ${generated}\n`);
  return 0;
}
