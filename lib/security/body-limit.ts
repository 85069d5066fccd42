/**
 * The request body limit, checked in proxy.ts from Content-Length before anything reads the
 * body, so an oversized server action call gets a sentence instead of Next's opaque render error
 * (Next's own `serverActions.bodySizeLimit` in next.config.js stays as the backstop for bodies
 * sent without a length). Server actions then refuse any document over 1 MB themselves
 * (lib/actions/inputs.ts). Pure: proxy.ts and the unit tests use it.
 */

/** Largest request body Pooldeck reads; keep equal to next.config.js serverActions.bodySizeLimit. */
export const MAX_REQUEST_BYTES = 4 * 1024 * 1024;

/** The refusal for a request whose declared body is over MAX_REQUEST_BYTES, or null. */
export function oversizedBody(headers: Headers): string | null {
  const length = Number(headers.get("content-length") ?? "0");
  if (!Number.isFinite(length) || length <= MAX_REQUEST_BYTES) return null;
  const mb = (length / 1024 / 1024).toFixed(2);
  return `The request body is ${mb} MB; Pooldeck accepts at most 4 MB per request and 1 MB per template. Nothing was stored.`;
}
