import NextAuth from "next-auth";
import type { NextRequest } from "next/server";

import { getAuthConfig } from "@/lib/auth/config";
import { authOptionsFor } from "@/lib/auth/options";

type Context = { params: Promise<{ nextauth: string[] }> };

/** next-auth's endpoints: sign-in (credentials, OIDC redirect and callback), sign-out, session, csrf. */
async function handler(req: NextRequest, ctx: Context): Promise<Response> {
  const config = getAuthConfig();
  if (config.mode === "development-open") {
    return Response.json({ error: "Sign-in is not configured (development)." }, { status: 404 });
  }
  return (await NextAuth(req, ctx, authOptionsFor(config))) as Response;
}

export { handler as GET, handler as POST };
