"use client";

import { signIn } from "next-auth/react";
import { useState, useTransition, type FormEvent } from "react";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader } from "@/components/ui/card";
import { Input, Label } from "@/components/ui/input";
import { useHydrated } from "@/components/ui/use-hydrated";

export interface SignInFormProps {
  /** a path of this site (already checked by the page) */
  callbackUrl: string;
  /** a users file is configured: show username and password */
  credentials: boolean;
  /** OpenID Connect is configured: show its button */
  sso: { name: string } | null;
  initialError: string | null;
}

/** Username/password sign-in against the operator's users file, and the SSO button when configured. */
export function SignInForm({ callbackUrl, credentials, sso, initialError }: SignInFormProps) {
  const [error, setError] = useState<string | null>(initialError);
  const [pending, startTransition] = useTransition();
  // Until React handles the form, a submission would be the browser's own (it used to be a GET with
  // the password in the URL). The button stays disabled until then, which also blocks Enter; what
  // was typed stays in the fields (they are uncontrolled) and is sent once the page has hydrated.
  const hydrated = useHydrated();

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    startTransition(async () => {
      setError(null);
      const result = await signIn("credentials", {
        username: String(form.get("username") ?? ""),
        password: String(form.get("password") ?? ""),
        redirect: false,
        callbackUrl,
      }).catch(() => undefined);
      if (result?.ok && !result.error) {
        // a full load, so the server renders every page with the new session
        window.location.assign(callbackUrl);
        return;
      }
      setError(
        result?.error === "CredentialsSignin"
          ? "Wrong username or password."
          : "Sign-in failed: Pooldeck could not be reached. Try again.",
      );
    });
  };

  return (
    <Card>
      <CardHeader className="block">
        {/* the page's one heading */}
        <h1 className="text-base font-semibold tracking-tight">Sign in to Pooldeck</h1>
        <CardDescription className="mt-1">
          Pooldeck changes how every flow runs; sign in to see and edit work pools.
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4 py-4">
        {error ? (
          <Alert tone="destructive" title="Not signed in">
            {error}
          </Alert>
        ) : null}
        <noscript>
          <Alert tone="warning" title="JavaScript is off">
            Signing in needs JavaScript: turn it on for this site and reload.
          </Alert>
        </noscript>
        {credentials ? (
          <form method="post" onSubmit={submit} className="grid gap-3">
            <div className="grid gap-1">
              <Label htmlFor="sign-in-username">Username</Label>
              <Input
                id="sign-in-username"
                name="username"
                autoComplete="username"
                autoCapitalize="none"
                spellCheck={false}
                required
                autoFocus
              />
            </div>
            <div className="grid gap-1">
              <Label htmlFor="sign-in-password">Password</Label>
              <Input
                id="sign-in-password"
                name="password"
                type="password"
                autoComplete="current-password"
                required
              />
            </div>
            <Button type="submit" variant="primary" disabled={pending || !hydrated}>
              {pending ? "Signing in…" : "Sign in"}
            </Button>
          </form>
        ) : null}
        {credentials && sso ? (
          <div className="flex items-center gap-2 text-xs text-muted-foreground" aria-hidden>
            <span className="h-px flex-1 bg-border" />
            or
            <span className="h-px flex-1 bg-border" />
          </div>
        ) : null}
        {sso ? (
          <Button
            type="button"
            variant={credentials ? "secondary" : "primary"}
            disabled={pending}
            onClick={() => startTransition(() => signIn("oidc", { callbackUrl }).then(() => {}))}
          >
            Sign in with {sso.name}
          </Button>
        ) : null}
      </CardContent>
    </Card>
  );
}
