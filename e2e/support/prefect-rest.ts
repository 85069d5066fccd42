/** The stack's real Prefect server, as the browser tests reach it for setup and read-back. */
const prefectPort = process.env.POOLDECK_PREFECT_PORT ?? "4200";
export const PREFECT_API = (
  process.env.PREFECT_API_URL ?? `http://127.0.0.1:${prefectPort}/api`
).replace(/\/+$/, "");

/**
 * One REST call to Prefect. The SQLite-backed server answers 503 while its database is locked
 * (lib/prefect retries the same way); a locked write did not happen, so repeating it is safe.
 */
export async function prefectRequest(
  method: string,
  path: string,
  body?: unknown,
): Promise<Response> {
  const send = () =>
    fetch(`${PREFECT_API}${path}`, {
      method,
      headers: { "content-type": "application/json" },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  let res = await send();
  for (let attempt = 1; res.status === 503 && attempt < 5; attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 250 * 2 ** attempt));
    res = await send();
  }
  return res;
}
