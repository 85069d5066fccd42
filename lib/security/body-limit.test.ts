import { describe, expect, it } from "vitest";

import { MAX_REQUEST_BYTES, oversizedBody, oversizedStream } from "./body-limit";

describe("oversizedBody", () => {
  it("refuses a declared body over 4 MB with a sentence", () => {
    expect(oversizedBody(new Headers({ "content-length": String(5 * 1024 * 1024) }))).toBe(
      "The request body is 5.00 MB; Pooldeck accepts at most 4 MB per request and 1 MB per template. Nothing was stored.",
    );
  });

  it("lets exactly 4 MB, smaller bodies and bodies without a length through", () => {
    expect(oversizedBody(new Headers({ "content-length": String(MAX_REQUEST_BYTES) }))).toBe(null);
    expect(oversizedBody(new Headers({ "content-length": "120" }))).toBe(null);
    expect(oversizedBody(new Headers())).toBe(null);
  });
});

/** A POST whose body arrives in chunks of 64 KiB, without Content-Length. */
function chunkedPost(bytes: number): Request {
  let sent = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= bytes) return controller.close();
      const size = Math.min(64 * 1024, bytes - sent);
      sent += size;
      controller.enqueue(new Uint8Array(size).fill(120));
    },
  });
  // duplex "half" (a streamed request body) is missing from the DOM types' RequestInit
  const init = { method: "POST", body, duplex: "half" } as RequestInit;
  return new Request("http://pooldeck.test/pools/a", init);
}

describe("oversizedStream", () => {
  it("refuses a chunked body over 4 MB with a sentence", async () => {
    expect(await oversizedStream(chunkedPost(MAX_REQUEST_BYTES + 1))).toBe(
      "The request body is over 4 MB; Pooldeck accepts at most 4 MB per request and 1 MB per template. Nothing was stored.",
    );
  });

  it("lets a chunked body of exactly 4 MB through, whole, to the route", async () => {
    const request = chunkedPost(MAX_REQUEST_BYTES);
    expect(await oversizedStream(request)).toBe(null);
    expect((await request.arrayBuffer()).byteLength).toBe(MAX_REQUEST_BYTES);
  });

  it("leaves requests with a length or without a body to oversizedBody", async () => {
    const declared = new Request("http://pooldeck.test/", {
      method: "POST",
      body: "x".repeat(10),
      headers: { "content-length": "10" },
    });
    expect(await oversizedStream(declared)).toBe(null);
    expect(await oversizedStream(new Request("http://pooldeck.test/"))).toBe(null);
  });
});
