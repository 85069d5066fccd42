import "server-only";

/**
 * The first door (proxy.ts): requests without a valid session cookie go to the sign-in page
 * (pages) or get a 401 (API routes). Pages, route handlers and server actions check the session
 * and role again themselves; this only keeps signed-out visitors out early.
 */
import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";

import { getAuthConfig } from "./config";

const PUBLIC_PATHS = [
  /^\/sign-in\/?$/,
  /^\/api\/auth(\/|$)/,
  /^\/api\/health(\/live|\/ready)?\/?$/,
  /^\/icon\.svg$/,
  /^\/favicon\.ico$/,
  /^\/robots\.txt$/,
  /^\/_next\//,
];

/** Whether a path is open without a session (the sign-in page and its endpoints, health). */
export function isPublicPath(pathname: string): boolean {
  return PUBLIC_PATHS.some((re) => re.test(pathname));
}

/** The sign-in page's URL that returns to `callbackUrl` (a same-site path) afterwards. */
export function signInPath(callbackUrl: string): string {
  return `/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}`;
}

/** null when the request may go on; otherwise the redirect or 401 to answer with. */
export async function gateRequest(request: NextRequest): Promise<NextResponse | null> {
  const config = getAuthConfig();
  if (config.mode === "development-open") return null;
  const { pathname, search } = request.nextUrl;
  if (isPublicPath(pathname)) return null;
  // a server action answers a missing session itself, as a result the editor can show
  // ("sign in again", the edit kept); a redirect here would reach it as an opaque error
  if (request.method === "POST" && request.headers.has("next-action")) return null;
  for (const secureCookie of [true, false]) {
    const token = await getToken({ req: request, secret: config.secret, secureCookie });
    if (token) return null;
  }
  if (pathname.startsWith("/api/")) {
    return NextResponse.json({ error: "Sign in to use the Pooldeck API." }, { status: 401 });
  }
  return NextResponse.redirect(new URL(signInPath(pathname + search), request.url));
}
