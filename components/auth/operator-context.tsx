"use client";

import { createContext, useContext, type ReactNode } from "react";

/** What the browser knows about the signed-in operator (no secrets: a name and roles). */
export interface OperatorInfo {
  displayName: string;
  roles: readonly ("viewer" | "editor")[];
}

const OperatorContext = createContext<OperatorInfo | null>(null);

/** Provides the signed-in operator (from the layout's session read) to client components. */
export function OperatorProvider({
  operator,
  children,
}: {
  operator: OperatorInfo | null;
  children: ReactNode;
}) {
  return <OperatorContext.Provider value={operator}>{children}</OperatorContext.Provider>;
}

/**
 * Whether the operator may push (editor role), and if not, a sentence saying why. Only for the
 * UI: every action checks the session and role again on the server.
 */
export function usePushPermission(): { allowed: boolean; reason: string | null } {
  const operator = useContext(OperatorContext);
  if (!operator) return { allowed: false, reason: "Sign in to push changes to Prefect." };
  if (operator.roles.includes("editor")) return { allowed: true, reason: null };
  return {
    allowed: false,
    reason:
      "You have the viewer role: you can browse and check, but pushing needs the editor role.",
  };
}
