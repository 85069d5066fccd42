import "server-only";

import type { ActionResult } from "@/lib/outcome/types";

/**
 * A read's result as the route handler's answer: the same `{ ok, data }` or `{ ok: false, error }`
 * body, with a status that says which: 401 or 403 refused by the session, 400 an input it does not
 * accept, 404 no such pool, 502 Prefect or ECS did not give the data (the body says why). Never
 * cached.
 */
export function readResponse(result: ActionResult<unknown>): Response {
  return Response.json(result, {
    status: statusOf(result),
    headers: { "cache-control": "no-store" },
  });
}

function statusOf(result: ActionResult<unknown>): number {
  if (result.ok) return 200;
  if (result.auth) return result.auth === "signed-out" ? 401 : 403;
  if (result.fieldErrors) return 400;
  return result.notFound ? 404 : 502;
}
