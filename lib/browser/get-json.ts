/**
 * Fetches JSON from Pooldeck's own API routes. A failure throws an Error whose message a page can
 * show as it is: the answer's `error` sentence, else its HTTP status, or that no answer came.
 */
export async function getJson<T>(url: string, init?: RequestInit): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, init);
  } catch {
    throw new Error("Pooldeck's server did not answer; check the connection");
  }
  if (!res.ok) {
    const body = (await res.json().catch(() => ({}))) as { error?: unknown };
    throw new Error(
      typeof body.error === "string" ? body.error : `${url} answered HTTP ${res.status}`,
    );
  }
  return (await res.json()) as T;
}
