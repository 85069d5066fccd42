/**
 * A real OpenID Connect provider for the SSO tests: panva's `oidc-provider` (the certified
 * implementation many identity servers build on) with one confidential client and a few accounts.
 * Its built-in development login form accepts any password; the account decides the claims.
 */
import type { Server } from "node:http";

import Provider from "oidc-provider";

export interface OidcAccount {
  name: string;
  email: string;
  groups: string[];
}

export interface OidcTestProvider {
  issuer: string;
  stop(): Promise<void>;
}

/** Starts the provider on `port` for one client whose redirect URI is `redirectUri`. */
export async function startOidcProvider(options: {
  port: number;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  accounts: Record<string, OidcAccount>;
}): Promise<OidcTestProvider> {
  const issuer = `http://127.0.0.1:${options.port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: options.clientId,
        client_secret: options.clientSecret,
        redirect_uris: [options.redirectUri],
        response_types: ["code"],
        grant_types: ["authorization_code"],
      },
    ],
    claims: {
      openid: ["sub"],
      profile: ["name"],
      email: ["email"],
      groups: ["groups"],
    },
    findAccount(_ctx, id) {
      const account = options.accounts[id];
      if (!account) return undefined;
      return { accountId: id, claims: () => ({ sub: id, ...account }) };
    },
    cookies: { keys: ["pooldeck-e2e-oidc-cookie-key"] },
    features: { devInteractions: { enabled: true } },
  });
  const server: Server = await new Promise((resolve) => {
    const s = provider.listen(options.port, "127.0.0.1", () => resolve(s));
  });
  return {
    issuer,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
