import "server-only";

import { NextResponse } from "next/server";

import type { Role } from "@/lib/env/auth-schema";
import { checkAccess } from "./session";

/**
 * A route handler's own session check (proxy.ts is only the first door): null when the caller may
 * go on, otherwise the 401 (no session) or 403 (no role) JSON answer to return.
 */
export async function denyApiRequest(role: Role): Promise<NextResponse | null> {
  const access = await checkAccess(role);
  if (access.ok) return null;
  return access.reason === "signed-out"
    ? NextResponse.json({ error: "Sign in to use the Pooldeck API." }, { status: 401 })
    : NextResponse.json({ error: `This needs the ${role} role.` }, { status: 403 });
}
