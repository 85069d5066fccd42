import { prefectFetch } from "@/testing/seed/prefect";

/** The stack's real Prefect server, as the browser tests reach it for setup and read-back. */
const prefectPort = process.env.POOLDECK_PREFECT_PORT ?? "4200";
export const PREFECT_API = (
  process.env.PREFECT_API_URL ?? `http://127.0.0.1:${prefectPort}/api`
).replace(/\/+$/, "");

/** One REST call to the stack's Prefect, retrying its SQLite-locked 503 (testing/seed/prefect.ts). */
export async function prefectRequest(
  method: string,
  path: string,
  body?: unknown,
): Promise<Response> {
  return prefectFetch(PREFECT_API, method, path, body);
}
