"use client";

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
      onClick={() =>
        startTransition(async () => {
          // loaded on click: the button is on every page, next-auth's client is not needed until now
          const { signOut } = await import("next-auth/react");
          await signOut({ callbackUrl: "/sign-in" });
        })
      }
    >
      {pending ? "Signing out…" : "Sign out"}
    </Button>
  );
}
