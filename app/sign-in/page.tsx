import type { Metadata } from "next";
import { redirect } from "next/navigation";

import { SignInForm } from "@/components/auth/sign-in-form";
import { Alert } from "@/components/ui/alert";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { getAuthConfig } from "@/lib/auth/config";
import { currentOperator } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

// next-auth's error codes (?error=) as sentences; the form shows wrong passwords itself
const ERRORS: Record<string, string> = {
  CredentialsSignin: "Wrong username or password.",
  SessionRequired: "Sign in to continue.",
  AccessDenied: "Your account may not sign in to Pooldeck.",
  OAuthSignin: "Pooldeck could not start the SSO sign-in. The server log has the details.",
  OAuthCallback: "The SSO sign-in did not complete. Try again; the server log has the details.",
  Callback: "The SSO sign-in did not complete. Try again; the server log has the details.",
};

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function SignInPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const callbackUrl = safeCallbackUrl(first(params.callbackUrl));
  const config = getAuthConfig();
  if (config.mode === "development-open") {
    return (
      <div className="mx-auto mt-16 max-w-md">
        <Alert tone="warning" title="Sign-in is off (development)">
          This development server has no sign-in configured, so everyone is the local developer with
          the editor role. Set POOLDECK_AUTH_SECRET and POOLDECK_USERS_FILE or POOLDECK_OIDC_ISSUER
          to try sign-in (see README).
        </Alert>
      </div>
    );
  }
  if (await currentOperator()) redirect(callbackUrl);
  const errorCode = first(params.error);
  return (
    <div className="mx-auto mt-16 max-w-sm">
      <SignInForm
        callbackUrl={callbackUrl}
        credentials={Boolean(config.usersFile)}
        sso={config.oidc ? { name: config.oidc.name } : null}
        initialError={errorCode ? (ERRORS[errorCode] ?? "Sign-in failed. Try again.") : null}
      />
    </div>
  );
}
