"use client";

import { usePathname, useSearchParams } from "next/navigation";

/**
 * Under a refusal whose session ended: a link to sign in again in a new tab, so the page (and the
 * edit in it) stays as it is; the sign-in tab returns to this page, where the draft is restored.
 */
export function SignInAgainLink({ auth }: { auth: "signed-out" | "forbidden" | undefined }) {
  const pathname = usePathname();
  const search = useSearchParams().toString();
  if (auth !== "signed-out") return null;
  const callbackUrl = search ? `${pathname}?${search}` : pathname;
  return (
    <a
      href={`/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}`}
      target="_blank"
      rel="noopener"
      className="mt-1 inline-block text-xs font-medium text-primary underline underline-offset-2"
    >
      Sign in again (opens a new tab; your edit stays here), then push again
    </a>
  );
}

/** The explanation next to a disabled push control, for viewers. */
export function PushDisabledNote({ reason, id }: { reason: string | null; id?: string }) {
  if (!reason) return null;
  return (
    <span id={id} className="text-xs text-muted-foreground">
      {reason}
    </span>
  );
}
