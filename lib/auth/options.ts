import "server-only";

/**
 * next-auth (v4) configuration: local users from the operator's users file (Credentials) and
 * company SSO (OpenID Connect), sessions as encrypted JWT cookies (HttpOnly, SameSite=Lax, Secure
 * over https — next-auth's defaults). Only the session's identity and role are kept in the cookie.
 */
import type { NextAuthOptions, User } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import type { OAuthConfig } from "next-auth/providers/oauth";

import type { AuthConfig, OidcConfig, Role } from "@/lib/env/auth-schema";
import { roleFromClaims } from "./roles";
import { loadUsersFile, verifyCredentials } from "./users";

/** The id of the SSO provider in next-auth's routes (/api/auth/signin/oidc). */
export const OIDC_PROVIDER_ID = "oidc";

// Pooldeck is self-hosted under whatever host name its operators give it: URLs next-auth builds
// (OIDC redirect_uri, sign-out) come from the request's Host unless NEXTAUTH_URL pins them.
process.env.AUTH_TRUST_HOST ??= "true";

type PooldeckUser = User & { role: Role; provider: "credentials" | "oidc" };

function oidcProvider(oidc: OidcConfig): OAuthConfig<Record<string, unknown>> {
  return {
    id: OIDC_PROVIDER_ID,
    name: oidc.name,
    type: "oauth",
    wellKnown: `${oidc.issuer}/.well-known/openid-configuration`,
    clientId: oidc.clientId,
    clientSecret: oidc.clientSecret,
    authorization: { params: { scope: oidc.scope } },
    checks: ["pkce", "state", "nonce"],
    idToken: true,
    userinfo: {
      // the ID token is verified by openid-client; many providers put groups only in userinfo
      async request({ tokens, client }) {
        // at run time `tokens` is openid-client's TokenSet (next-auth types it as plain parameters)
        const set = tokens as unknown as Parameters<typeof client.userinfo>[0] & {
          claims(): Record<string, unknown>;
        };
        const claims = set.claims();
        try {
          return { ...claims, ...(await client.userinfo(set)) };
        } catch {
          return claims;
        }
      },
    },
    profile(claims): PooldeckUser {
      const str = (key: string) => (typeof claims[key] === "string" ? claims[key] : undefined);
      const sub = str("sub") ?? "";
      return {
        id: sub,
        name: str("name") ?? str("preferred_username") ?? str("email") ?? sub,
        email: str("email") ?? null,
        role: roleFromClaims(claims, oidc),
        provider: "oidc",
      };
    },
  };
}

function credentialsProvider(usersFile: string) {
  return CredentialsProvider({
    id: "credentials",
    name: "Pooldeck user",
    credentials: {
      username: { label: "Username", type: "text" },
      password: { label: "Password", type: "password" },
    },
    async authorize(credentials): Promise<PooldeckUser | null> {
      if (!credentials?.username || !credentials.password) return null;
      const user = await verifyCredentials(
        await loadUsersFile(usersFile),
        credentials.username,
        credentials.password,
      );
      if (!user) return null;
      return {
        id: user.username,
        name: user.name ?? user.username,
        role: user.role,
        provider: "credentials",
      };
    },
  });
}

/** next-auth's options for an enforced sign-in configuration. */
export function buildAuthOptions(
  config: Extract<AuthConfig, { mode: "enforced" }>,
): NextAuthOptions {
  return {
    secret: config.secret,
    providers: [
      ...(config.usersFile ? [credentialsProvider(config.usersFile)] : []),
      ...(config.oidc ? [oidcProvider(config.oidc)] : []),
    ],
    session: { strategy: "jwt", maxAge: config.sessionMaxAge },
    jwt: { maxAge: config.sessionMaxAge },
    pages: { signIn: "/sign-in", error: "/sign-in" },
    callbacks: {
      jwt({ token, user }) {
        if (user) {
          const u = user as PooldeckUser;
          token.role = u.role;
          token.provider = u.provider;
        }
        return token;
      },
      session({ session, token }) {
        return {
          ...session,
          user: {
            id: token.sub,
            name: token.name,
            email: token.email,
            role: token.role,
            provider: token.provider,
          },
        };
      },
    },
  };
}

let cached: NextAuthOptions | undefined;

/** The options of the running server (built once from its configuration). */
export function authOptionsFor(config: Extract<AuthConfig, { mode: "enforced" }>): NextAuthOptions {
  cached ??= buildAuthOptions(config);
  return cached;
}
