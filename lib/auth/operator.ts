import "server-only";

import type { Role } from "@/lib/env/auth-schema";

export type { Role } from "@/lib/env/auth-schema";

/** How an operator signed in. */
export type SignInProvider = "credentials" | "oidc" | "development";

/** Who is calling an action or viewing a page. */
export interface Operator {
  /** stable: the username of a local user, "sso:<subject>" for SSO, "developer" in open dev mode */
  id: string;
  displayName: string;
  roles: readonly Role[];
  email?: string;
  provider: SignInProvider;
}

/** Why an operator may not do something: no (valid) session, or a session without the role. */
export type AccessDenied = "signed-out" | "forbidden";

export type Access =
  { ok: true; operator: Operator } | { ok: false; reason: AccessDenied; operator: Operator | null };
