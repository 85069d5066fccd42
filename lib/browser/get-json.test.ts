import { afterEach, describe, expect, it, vi } from "vitest";

import { getJson } from "./get-json";

afterEach(() => vi.unstubAllGlobals());

const answer = (body: string, status: number) =>
  vi.stubGlobal("fetch", () => Promise.resolve(new Response(body, { status })));

describe("getJson", () => {
  it("returns the parsed answer", async () => {
    answer(JSON.stringify({ ok: true, data: 1 }), 200);
    expect(await getJson("/api/x")).toEqual({ ok: true, data: 1 });
  });
  it("throws the answer's own sentence, else its status, else that nothing answered", async () => {
    answer(JSON.stringify({ ok: false, error: "Prefect did not answer within 3 s" }), 502);
    await expect(getJson("/api/x")).rejects.toThrow(/^Prefect did not answer within 3 s$/);
    answer("<html>Bad Gateway</html>", 502);
    await expect(getJson("/api/x")).rejects.toThrow(/^\/api\/x answered HTTP 502$/);
    vi.stubGlobal("fetch", () => Promise.reject(new TypeError("Failed to fetch")));
    await expect(getJson("/api/x")).rejects.toThrow(
      /^Pooldeck's server did not answer; check the connection$/,
    );
  });
});
