import { describe, expect, it } from "vitest";

import type { ActionResult } from "@/lib/outcome/types";

import { readResponse } from "./read-response";

async function answer(result: ActionResult<unknown>) {
  const res = readResponse(result);
  return [res.status, res.headers.get("cache-control"), await res.json()];
}

describe("readResponse", () => {
  it("answers each kind of result with its status and the result itself, never cached", async () => {
    const cases: [ActionResult<unknown>, number][] = [
      [{ ok: true, data: { runs: "No runs yet" } }, 200],
      [{ ok: false, error: "Sign in again.", auth: "signed-out" }, 401],
      [{ ok: false, error: "Needs the editor role.", auth: "forbidden" }, 403],
      [{ ok: false, error: "A pool name is required.", fieldErrors: { "": ["required"] } }, 400],
      [{ ok: false, error: "Could not read work pool 'nope' (404)", notFound: true }, 404],
      [{ ok: false, error: "Prefect did not answer within 5 s" }, 502],
    ];
    for (const [result, status] of cases) {
      expect(await answer(result)).toEqual([status, "no-store", result]);
    }
  });
});
