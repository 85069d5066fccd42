"use client";

import { signOut } from "next-auth/react";
import { useTransition } from "react";

import { Button } from "@/components/ui/button";

/** Ends the session (next-auth clears the cookie) and goes to the sign-in page. */
export function SignOutButton() {
  const [pending, startTransition] = useTransition();
  return (
    <Button
      type="button"
      variant="ghost"
      size="sm"
      disabled={pending}
      onClick={() => startTransition(() => signOut({ callbackUrl: "/sign-in" }))}
    >
      {pending ? "Signing out…" : "Sign out"}
    </Button>
  );
}
