"use client";

import { useFormStatus } from "react-dom";

import { Button } from "@/components/ui/button";

/** The submit button of the header's sign-out form (a server action: it works before hydration). */
export function SignOutButton() {
  const { pending } = useFormStatus();
  return (
    <Button type="submit" variant="ghost" size="sm" disabled={pending}>
      {pending ? "Signing out…" : "Sign out"}
    </Button>
  );
}
