/**
 * The request body limit, checked in proxy.ts before any route or server action reads the body,
 * so an oversized call gets a sentence instead of Next's opaque render error: from Content-Length
 * when the request declares one, otherwise (a chunked body) by counting the bytes of a copy of the
 * body up to the limit. Next's own `serverActions.bodySizeLimit` in next.config.js stays as the
 * backstop. Server actions then refuse any document over 1 MB themselves (lib/actions/inputs.ts).
 * Pure: proxy.ts and the unit tests use it.
 */

/** Largest request body Pooldeck reads; keep equal to next.config.js serverActions.bodySizeLimit. */
export const MAX_REQUEST_BYTES = 4 * 1024 * 1024;

/** The refusal for a request whose declared body is over MAX_REQUEST_BYTES, or null. */
export function oversizedBody(headers: Headers): string | null {
  const length = Number(headers.get("content-length") ?? "0");
  if (!Number.isFinite(length) || length <= MAX_REQUEST_BYTES) return null;
  const mb = (length / 1024 / 1024).toFixed(2);
  return `The request body is ${mb} MB; ${LIMITS}`;
}

const LIMITS =
  "Pooldeck accepts at most 4 MB per request and 1 MB per template. Nothing was stored.";

/**
 * The refusal for a body sent without Content-Length (chunked) that runs over MAX_REQUEST_BYTES,
 * or null. Reads at most MAX_REQUEST_BYTES + 1 bytes of a copy: the request keeps its whole body
 * for the route or action it goes on to.
 */
export async function oversizedStream(request: Request): Promise<string | null> {
  if (request.headers.has("content-length") || !request.body) return null;
  const reader = request.clone().body!.getReader();
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return null;
    total += value.byteLength;
    if (total > MAX_REQUEST_BYTES) {
      // not awaited: under Next's proxy the copy's cancel never settles, and the answer must not wait
      reader.cancel().catch(() => undefined);
      return `The request body is over 4 MB; ${LIMITS}`;
    }
  }
}
