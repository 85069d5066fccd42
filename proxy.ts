/**
 * Runs before every page, API route and server action request (not before /_next/static files).
 * Security: an oversized body is refused before anything reads it (lib/security/body-limit.ts),
 * and every response gets a per-request CSP nonce (lib/security/csp.ts). The static security
 * headers (nosniff, Referrer-Policy, frame options) are set for every response in next.config.js.
 * Rendering also gets the request's path in a header (lib/routing/request-path.ts).
 */
import { NextResponse, type NextRequest } from "next/server";

import { gateRequest } from "@/lib/auth/proxy-gate";
import { PATH_HEADER } from "@/lib/routing/request-path";
import { oversizedBody, oversizedStream } from "@/lib/security/body-limit";
import { securityFor } from "@/lib/security/csp";

/** Next 16's proxy (formerly middleware). */
export async function proxy(request: NextRequest) {
  const security = securityFor(request.headers);
  const tooLarge = oversizedBody(request.headers) ?? (await oversizedStream(request));
  if (tooLarge) {
    // exactly text/plain: Next's action client then shows this text as the error message
    return security.finish(
      new NextResponse(tooLarge, { status: 413, headers: { "content-type": "text/plain" } }),
    );
  }
  // sign-in (lib/auth/proxy-gate.ts): the first door only; actions and routes check again
  const denied = await gateRequest(request);
  if (denied) return security.finish(denied);
  const forwarded = security.requestHeaders;
  forwarded.set(PATH_HEADER, request.nextUrl.pathname);
  return security.finish(NextResponse.next({ request: { headers: forwarded } }));
}

export const config = {
  matcher: ["/((?!_next/static|_next/image).*)"],
};
