import "server-only";

/**
 * The operator's users file: a JSON array of `{ username, passwordHash, role, name? }`, hashes from
 * `pooldeck user add` (bcrypt). Read again when it changes, so adding a user needs no restart.
 */
import { readFile, stat } from "node:fs/promises";

import bcrypt from "bcryptjs";
import { z } from "zod";

import type { Role } from "@/lib/env/auth-schema";
import { errorMessage } from "@/lib/template/error-message";

/** Cost of new hashes: about 100 ms per sign-in on a small server, slow for an attacker. */
export const BCRYPT_ROUNDS = 12;

const BCRYPT_HASH = /^\$2[aby]\$\d{2}\$[./A-Za-z0-9]{53}$/;

const userSchema = z.object({
  username: z
    .string()
    .regex(
      /^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$/,
      "a username is 1–64 letters, digits, dots, dashes, underscores or @",
    ),
  passwordHash: z
    .string()
    .regex(BCRYPT_HASH, "passwordHash must be a bcrypt hash (create one with `pooldeck user add`)"),
  role: z.enum(["viewer", "editor"], { error: 'role must be "viewer" or "editor"' }),
  name: z.string().trim().min(1).max(200).optional(),
});

export type ConfiguredUser = z.infer<typeof userSchema>;

const usersSchema = z.array(userSchema).superRefine((users, ctx) => {
  const seen = new Set<string>();
  users.forEach((user, i) => {
    const key = user.username.toLowerCase();
    if (seen.has(key)) {
      ctx.addIssue({
        code: "custom",
        path: [i, "username"],
        message: `username ${user.username} appears twice`,
      });
    }
    seen.add(key);
  });
});

export class UsersFileError extends Error {
  override name = "UsersFileError";
}

/** Parses and validates the users file's text; throws UsersFileError with the first problem's place. */
export function parseUsersFile(text: string, source = "the users file"): ConfiguredUser[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new UsersFileError(`${source} is not valid JSON (${errorMessage(error)})`);
  }
  const result = usersSchema.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue?.path.length ? ` at [${issue.path.join("].[")}]` : "";
    throw new UsersFileError(
      `${source}${where}: ${issue?.message ?? "invalid"} (expected a JSON array of { "username", "passwordHash", "role": "viewer" | "editor", "name"? })`,
    );
  }
  return result.data;
}

let cache: { path: string; mtimeMs: number; users: ConfiguredUser[] } | undefined;

/** The users of a users file, re-read when its modification time changes. */
export async function loadUsersFile(path: string): Promise<ConfiguredUser[]> {
  let mtimeMs: number;
  try {
    mtimeMs = (await stat(path)).mtimeMs;
  } catch (error) {
    throw new UsersFileError(`POOLDECK_USERS_FILE ${path} cannot be read (${errorMessage(error)})`);
  }
  if (cache && cache.path === path && cache.mtimeMs === mtimeMs) return cache.users;
  const users = parseUsersFile(await readFile(path, "utf8"), `POOLDECK_USERS_FILE ${path}`);
  cache = { path, mtimeMs, users };
  return users;
}

// Compared against when the username is unknown, so both answers take the same time.
const DUMMY_HASH = "$2b$12$yDb2kKi/bfWxs1GubOiKuOIF4q4tkYxxpgI6p4MxI5E9g1aS4ofiK";

/** The user whose username and password match, or null; as slow for unknown users as for known ones. */
export async function verifyCredentials(
  users: readonly ConfiguredUser[],
  username: string,
  password: string,
): Promise<ConfiguredUser | null> {
  const user = users.find((u) => u.username.toLowerCase() === username.trim().toLowerCase());
  const ok = await bcrypt.compare(password, user?.passwordHash ?? DUMMY_HASH);
  return user && ok ? user : null;
}

/** A bcrypt hash of a password for the users file. */
export function hashPassword(password: string, rounds = BCRYPT_ROUNDS): Promise<string> {
  return bcrypt.hash(password, rounds);
}

/** The roles a user holds: editors can do everything viewers can. */
export function rolesOf(role: Role): Role[] {
  return role === "editor" ? ["viewer", "editor"] : ["viewer"];
}
