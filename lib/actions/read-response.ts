import "server-only";

import type { ActionResult } from "@/lib/outcome/types";

/**
 * A read's result as the route handler's answer: the same `{ ok, data }` or `{ ok: false, error }`
 * body, with a status that says which: 401 or 403 refused by the session, 400 an input it does not
 * accept, 404 no such pool, 502 Prefect or ECS did not give the data (the body says why). Never
 * cached.
 */
export function readResponse(result: ActionResult<unknown>): Response {
  const status = result.ok
    ? 200
    : result.auth === "signed-out"
      ? 401
      : result.auth === "forbidden"
        ? 403
        : result.fieldErrors
          ? 400
          : result.notFound
            ? 404
            : 502;
  return Response.json(result, { status, headers: { "cache-control": "no-store" } });
}
