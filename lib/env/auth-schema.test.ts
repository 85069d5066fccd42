import { describe, expect, it } from "vitest";

import { parseAuthConfig } from "./auth-schema";
import { ConfigError } from "./schema";

const SECRET = "0123456789abcdef0123456789abcdef";

function problems(env: Record<string, string | undefined>) {
  try {
    parseAuthConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error("expected a ConfigError");
}

describe("parseAuthConfig", () => {
  it("lets only `next dev` without any sign-in variable run open, as the local developer", () => {
    expect(parseAuthConfig({ NODE_ENV: "development" })).toEqual({ mode: "development-open" });
  });

  it("refuses production without sign-in and names what is missing", () => {
    expect(problems({ NODE_ENV: "production" })).toEqual([
      {
        variable: "POOLDECK_AUTH_SECRET",
        message:
          "is required: it encrypts the session cookies (at least 32 random characters, e.g. `openssl rand -base64 32`)",
      },
      {
        variable: "POOLDECK_USERS_FILE",
        message:
          "sign-in is not configured: set POOLDECK_USERS_FILE (a users file, see `pooldeck user add`) or POOLDECK_OIDC_ISSUER with POOLDECK_OIDC_CLIENT_ID and POOLDECK_OIDC_CLIENT_SECRET (company SSO), or both",
      },
    ]);
    expect(problems({ NODE_ENV: "production", POOLDECK_USERS_FILE: "/etc/users.json" })).toEqual([
      expect.objectContaining({ variable: "POOLDECK_AUTH_SECRET" }),
    ]);
    expect(
      problems({ NODE_ENV: "production", NEXTAUTH_SECRET: "short", POOLDECK_USERS_FILE: "/u" }),
    ).toEqual([
      { variable: "NEXTAUTH_SECRET", message: "must be at least 32 characters long (it is 5)" },
    ]);
  });

  it("accepts a users file with a secret (NEXTAUTH_SECRET too) and the default session length", () => {
    expect(
      parseAuthConfig({
        NODE_ENV: "production",
        POOLDECK_AUTH_SECRET: SECRET,
        POOLDECK_USERS_FILE: " /etc/pooldeck/users.json ",
      }),
    ).toEqual({
      mode: "enforced",
      secret: SECRET,
      usersFile: "/etc/pooldeck/users.json",
      sessionMaxAge: 28800,
    });
    expect(parseAuthConfig({ NEXTAUTH_SECRET: SECRET, POOLDECK_USERS_FILE: "/u" }).mode).toBe(
      "enforced",
    );
  });

  it("reads OpenID Connect with its role mapping, and names each missing OIDC variable", () => {
    expect(
      parseAuthConfig({
        NODE_ENV: "production",
        POOLDECK_AUTH_SECRET: SECRET,
        POOLDECK_OIDC_ISSUER: "https://login.example.com/realms/ops/",
        POOLDECK_OIDC_CLIENT_ID: "pooldeck",
        POOLDECK_OIDC_CLIENT_SECRET: "s3cret",
        POOLDECK_OIDC_EDITOR_VALUES: "platform, pooldeck-editors,",
        POOLDECK_SESSION_MAX_AGE: "3600",
      }),
    ).toEqual({
      mode: "enforced",
      secret: SECRET,
      oidc: {
        issuer: "https://login.example.com/realms/ops",
        clientId: "pooldeck",
        clientSecret: "s3cret",
        name: "SSO",
        scope: "openid profile email",
        roleClaim: "groups",
        editorValues: ["platform", "pooldeck-editors"],
      },
      sessionMaxAge: 3600,
    });
    expect(
      problems({
        NODE_ENV: "production",
        POOLDECK_AUTH_SECRET: SECRET,
        POOLDECK_OIDC_ISSUER: "login.example.com",
      }),
    ).toEqual([
      {
        variable: "POOLDECK_OIDC_CLIENT_ID",
        message: "is required when OpenID Connect is configured",
      },
      {
        variable: "POOLDECK_OIDC_CLIENT_SECRET",
        message: "is required when OpenID Connect is configured",
      },
      {
        variable: "POOLDECK_OIDC_ISSUER",
        message: "must be the issuer's http(s) URL (its /.well-known/openid-configuration is read)",
      },
    ]);
  });

  it("in development, a partial sign-in setup is an error, not silently open", () => {
    expect(problems({ NODE_ENV: "development", POOLDECK_USERS_FILE: "/u" })).toEqual([
      expect.objectContaining({ variable: "POOLDECK_AUTH_SECRET" }),
    ]);
  });

  it("refuses a session length outside 1 minute to 30 days", () => {
    expect(
      problems({
        POOLDECK_AUTH_SECRET: SECRET,
        POOLDECK_USERS_FILE: "/u",
        POOLDECK_SESSION_MAX_AGE: "30",
      }),
    ).toEqual([
      {
        variable: "POOLDECK_SESSION_MAX_AGE",
        message: "must be a whole number of seconds between 60 and 2592000 (30 days)",
      },
    ]);
  });
});
