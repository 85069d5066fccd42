import "server-only";

import { getServerSession } from "next-auth";
import { z } from "zod";

import type { Role } from "@/lib/env/auth-schema";
import { getAuthConfig } from "./config";
import type { Access, Operator } from "./operator";
import { authOptionsFor } from "./options";
import { loadUsersFile, rolesOf } from "./users";

/** `next dev` without sign-in configured: a visible local developer with both roles. */
export const DEVELOPER: Operator = {
  id: "developer",
  displayName: "Developer (sign-in off)",
  roles: ["viewer", "editor"],
  provider: "development",
};

const sessionUser = z.object({
  id: z.string().min(1),
  name: z.string().nullish(),
  email: z.string().nullish(),
  role: z.enum(["viewer", "editor"]),
  provider: z.enum(["credentials", "oidc"]),
});

/**
 * The signed-in operator of the current request (page, route handler or server action), or null.
 * Local users are looked up again in the users file: a removed user is signed out and a changed
 * role applies at once, not when the session cookie expires.
 */
export async function currentOperator(): Promise<Operator | null> {
  const config = getAuthConfig();
  if (config.mode === "development-open") return DEVELOPER;
  const session = await getServerSession(authOptionsFor(config));
  const parsed = sessionUser.safeParse(session?.user);
  if (!parsed.success) return null;
  const user = parsed.data;
  if (user.provider === "credentials") {
    if (!config.usersFile) return null;
    const users = await loadUsersFile(config.usersFile);
    const current = users.find((u) => u.username === user.id);
    if (!current) return null;
    return {
      id: current.username,
      displayName: current.name ?? current.username,
      roles: rolesOf(current.role),
      provider: "credentials",
    };
  }
  if (!config.oidc) return null;
  return {
    id: `sso:${user.id}`,
    displayName: user.name ?? user.email ?? user.id,
    roles: rolesOf(user.role),
    ...(user.email ? { email: user.email } : {}),
    provider: "oidc",
  };
}

/** Whether the current request's operator holds `role`; says why not (no session, or the role). */
export async function checkAccess(role: Role): Promise<Access> {
  const operator = await currentOperator();
  if (!operator) return { ok: false, reason: "signed-out", operator: null };
  if (!operator.roles.includes(role)) return { ok: false, reason: "forbidden", operator };
  return { ok: true, operator };
}

/**
 * The sentence shown when access is denied; the editor keeps the user's text either way. Viewer
 * actions only read, so their refusal says what to do rather than that nothing was sent.
 */
export function deniedMessage(role: Role, access: Extract<Access, { ok: false }>): string {
  if (access.reason === "signed-out") {
    const consequence = role === "viewer" ? " to see this" : "; nothing was sent";
    return `You are not signed in, or your session has ended. Sign in again${consequence}.`;
  }
  return `You need the ${role} role to do this; ${access.operator?.displayName ?? "you"} signed in with the viewer role. Nothing was sent.`;
}
