import { describe, expect, it } from "vitest";

import { MAX_REQUEST_BYTES, oversizedBody } from "./body-limit";

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
