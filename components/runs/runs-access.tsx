import "server-only";

import type { ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { checkAccess, deniedMessage } from "@/lib/auth/session";
import { asSentence } from "@/lib/outcome/types";
import { errorMessage } from "@/lib/template/error-message";
import { IntentLink } from "@/components/ui/intent-link";

/**
 * What the runs pages show instead of runs when the request has no viewer session (the sign-in
 * gate normally redirects first; runs carry task output, so the page checks again), or null.
 */
export async function runsAccessDenied(): Promise<ReactNode | null> {
  const access = await checkAccess("viewer");
  if (access.ok) return null;
  return (
    <Alert tone="destructive" title="Sign in to see runs">
      {deniedMessage("viewer", access)}{" "}
      <IntentLink href="/sign-in" className="underline">
        Sign in
      </IntentLink>
    </Alert>
  );
}

/** Prefect could not be read (down, refused): the page says so and where to look. */
export function PrefectUnavailable({ error }: { error: unknown }) {
  return (
    <Alert tone="destructive" title="Prefect could not be read">
      {asSentence(errorMessage(error))} Check the server on the{" "}
      <IntentLink href="/" className="underline">
        status page
      </IntentLink>{" "}
      and reload.
    </Alert>
  );
}
