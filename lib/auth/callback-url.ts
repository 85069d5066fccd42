/**
 * Where to go after signing in: only a path of this site (no scheme, no `//host`), never the
 * sign-in page itself. Pure: the sign-in form (browser) and the page (server) both use it.
 */
export function safeCallbackUrl(raw: string | null | undefined): string {
  if (!raw || !raw.startsWith("/") || raw.startsWith("//") || raw.startsWith("/\\")) return "/";
  if (/^\/sign-in(\/|\?|$)/.test(raw)) return "/";
  return raw;
}
