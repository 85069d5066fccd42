/**
 * Sign-in configuration, validated with zod. Pure like ./schema.ts, and separate from it so that
 * tools that only need Prefect and AWS (the CLI, benchmarks) never have to configure sign-in.
 * Outside development the server refuses to start without it (instrumentation-node.ts).
 */
import { z } from "zod";

import { ConfigError } from "./schema";

export type Role = "viewer" | "editor";

export interface OidcConfig {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** the label of the sign-in button ("Sign in with …") */
  name: string;
  scope: string;
  /** a claim (dot path for nested claims, e.g. realm_access.roles) holding groups or roles */
  roleClaim: string;
  /** values of roleClaim that make the user an editor; everyone else is a viewer */
  editorValues: string[];
}

export type AuthConfig =
  /** `next dev` without any sign-in variable: a local developer, visibly, with both roles */
  | { mode: "development-open" }
  | {
      mode: "enforced";
      secret: string;
      usersFile?: string;
      oidc?: OidcConfig;
      /** seconds a session lasts without signing in again */
      sessionMaxAge: number;
    };

const text = z
  .string()
  .optional()
  .transform((v) => (v?.trim() ? v.trim() : undefined));

const SECRET_MIN = 32;
const DEFAULT_MAX_AGE = 8 * 60 * 60;

const authEnvSchema = z.object({
  NODE_ENV: text,
  POOLDECK_AUTH_SECRET: text,
  NEXTAUTH_SECRET: text,
  POOLDECK_USERS_FILE: text,
  POOLDECK_OIDC_ISSUER: text,
  POOLDECK_OIDC_CLIENT_ID: text,
  POOLDECK_OIDC_CLIENT_SECRET: text,
  POOLDECK_OIDC_NAME: text,
  POOLDECK_OIDC_SCOPE: text,
  POOLDECK_OIDC_ROLE_CLAIM: text,
  POOLDECK_OIDC_EDITOR_VALUES: text,
  POOLDECK_SESSION_MAX_AGE: text,
});

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === "https:" || url.protocol === "http:";
  } catch {
    return false;
  }
}

/**
 * Validates the sign-in variables of an environment; throws ConfigError naming each missing or bad
 * variable. Only `next dev` (NODE_ENV=development) may run without them, as "development-open".
 */
export function parseAuthConfig(env: Record<string, string | undefined>): AuthConfig {
  const e = authEnvSchema.parse(env);
  const problems: { variable: string; message: string }[] = [];
  const oidcVars = [
    e.POOLDECK_OIDC_ISSUER,
    e.POOLDECK_OIDC_CLIENT_ID,
    e.POOLDECK_OIDC_CLIENT_SECRET,
  ] as const;
  const anyOidc = oidcVars.some(Boolean);
  const secret = e.POOLDECK_AUTH_SECRET ?? e.NEXTAUTH_SECRET;

  if (e.NODE_ENV === "development" && !secret && !e.POOLDECK_USERS_FILE && !anyOidc) {
    return { mode: "development-open" };
  }
  if (!secret) {
    problems.push({
      variable: "POOLDECK_AUTH_SECRET",
      message: `is required: it encrypts the session cookies (at least ${SECRET_MIN} random characters, e.g. \`openssl rand -base64 32\`)`,
    });
  } else if (secret.length < SECRET_MIN) {
    problems.push({
      variable: e.POOLDECK_AUTH_SECRET ? "POOLDECK_AUTH_SECRET" : "NEXTAUTH_SECRET",
      message: `must be at least ${SECRET_MIN} characters long (it is ${secret.length})`,
    });
  }
  if (!e.POOLDECK_USERS_FILE && !anyOidc) {
    problems.push({
      variable: "POOLDECK_USERS_FILE",
      message:
        "sign-in is not configured: set POOLDECK_USERS_FILE (a users file, see `pooldeck user add`) or POOLDECK_OIDC_ISSUER with POOLDECK_OIDC_CLIENT_ID and POOLDECK_OIDC_CLIENT_SECRET (company SSO), or both",
    });
  }
  let oidc: OidcConfig | undefined;
  if (anyOidc) {
    const names = [
      "POOLDECK_OIDC_ISSUER",
      "POOLDECK_OIDC_CLIENT_ID",
      "POOLDECK_OIDC_CLIENT_SECRET",
    ] as const;
    names.forEach((name, i) => {
      if (!oidcVars[i]) {
        problems.push({ variable: name, message: "is required when OpenID Connect is configured" });
      }
    });
    if (e.POOLDECK_OIDC_ISSUER && !isHttpUrl(e.POOLDECK_OIDC_ISSUER)) {
      problems.push({
        variable: "POOLDECK_OIDC_ISSUER",
        message: "must be the issuer's http(s) URL (its /.well-known/openid-configuration is read)",
      });
    }
    if (e.POOLDECK_OIDC_ISSUER && e.POOLDECK_OIDC_CLIENT_ID && e.POOLDECK_OIDC_CLIENT_SECRET) {
      oidc = {
        issuer: e.POOLDECK_OIDC_ISSUER.replace(/\/+$/, ""),
        clientId: e.POOLDECK_OIDC_CLIENT_ID,
        clientSecret: e.POOLDECK_OIDC_CLIENT_SECRET,
        name: e.POOLDECK_OIDC_NAME ?? "SSO",
        scope: e.POOLDECK_OIDC_SCOPE ?? "openid profile email",
        roleClaim: e.POOLDECK_OIDC_ROLE_CLAIM ?? "groups",
        editorValues: (e.POOLDECK_OIDC_EDITOR_VALUES ?? "")
          .split(",")
          .map((v) => v.trim())
          .filter(Boolean),
      };
    }
  }
  let sessionMaxAge = DEFAULT_MAX_AGE;
  if (e.POOLDECK_SESSION_MAX_AGE) {
    const seconds = Number(e.POOLDECK_SESSION_MAX_AGE);
    if (!Number.isInteger(seconds) || seconds < 60 || seconds > 30 * 24 * 60 * 60) {
      problems.push({
        variable: "POOLDECK_SESSION_MAX_AGE",
        message: "must be a whole number of seconds between 60 and 2592000 (30 days)",
      });
    } else {
      sessionMaxAge = seconds;
    }
  }
  if (problems.length > 0 || !secret) throw new ConfigError(problems);
  return {
    mode: "enforced",
    secret,
    ...(e.POOLDECK_USERS_FILE ? { usersFile: e.POOLDECK_USERS_FILE } : {}),
    ...(oidc ? { oidc } : {}),
    sessionMaxAge,
  };
}
