import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { createServer, request } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from "node:zlib";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import {
  chooseEncoding,
  precompressedStatic,
  type HeaderRule,
  type PrecompressedStatic,
} from "./precompressed-static";

describe("chooseEncoding", () => {
  const both = ["br", "gzip"] as const;
  it.each([
    ["gzip, deflate, br, zstd", both, "br"],
    ["gzip, deflate", both, "gzip"],
    ["GZIP", both, "gzip"],
    ["x-gzip", both, "gzip"],
    ["br;q=0.5, gzip", both, "gzip"],
    ["br, gzip;q=0.5", both, "br"],
    ["br;q=0, gzip", both, "gzip"],
    ["*", both, "br"],
    ["*;q=0.1, br;q=0", both, "gzip"],
    ["gzip, deflate, br", ["gzip"], "gzip"],
    ["br", ["gzip"], undefined],
    ["", both, undefined],
    ["identity", both, undefined],
    ["gzip;q=0, br;q=0", both, undefined],
    ["gzip;q=0, *", ["gzip"], undefined],
    ["*;q=0", both, undefined],
    ["gzip;q=oops", both, undefined],
  ] as const)("%j with %j → %s", (header, offered, expected) => {
    expect(chooseEncoding(header, offered)).toBe(expected);
  });

  it("reads a header sent more than once", () => {
    expect(chooseEncoding(["deflate", "gzip"], ["br", "gzip"])).toBe("gzip");
    expect(chooseEncoding(undefined, ["br", "gzip"])).toBeUndefined();
  });
});

const SECURITY: HeaderRule = {
  regex: "^(?:/((?:[^/]+?)(?:/(?:[^/]+?))*))?(?:/)?$",
  headers: [
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "X-Frame-Options", value: "DENY" },
  ],
};

/**
 * A server on a free port that answers from `statics` and passes the rest to a stand-in for Next
 * (status 299, body "next"); its origin, and a way to close it.
 */
async function serve(
  statics: PrecompressedStatic,
): Promise<{ origin: string; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    if (statics.handle(req, res)) return;
    res.statusCode = 299;
    res.end("next");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

describe("precompressedStatic", () => {
  const root = mkdtempSync(join(tmpdir(), "pooldeck-static-"));
  const chunk = "console.log('a chunk');\n".repeat(200);
  const gz = gzipSync(chunk, { level: 9 });
  const br = brotliCompressSync(chunk);
  let main: Awaited<ReturnType<typeof serve>>;
  let origin = "";

  beforeAll(async () => {
    mkdirSync(join(root, "chunks"), { recursive: true });
    writeFileSync(join(root, "chunks", "a.js"), chunk);
    writeFileSync(join(root, "chunks", "a.js.gz"), gz);
    writeFileSync(join(root, "chunks", "a.js.br"), br);
    writeFileSync(join(root, "chunks", "small.js"), "1");
    // a copy whose original is gone, and a type that is not compressed
    writeFileSync(join(root, "chunks", "gone.js.gz"), gz);
    writeFileSync(join(root, "chunks", "b.png"), "png");
    writeFileSync(join(root, "chunks", "b.png.gz"), gz);
    const statics = precompressedStatic({ staticDir: root, headerRules: [SECURITY] });
    expect(statics.size).toBe(1);
    // what is not answered from a copy reaches the next listener (Next, in production)
    main = await serve(statics);
    origin = main.origin;
  });

  afterAll(async () => {
    await main.close();
    rmSync(root, { recursive: true, force: true });
  });

  /** A request with exactly these headers (fetch would add its own Accept-Encoding). */
  async function get(path: string, headers: Record<string, string>, method = "GET", at = origin) {
    return new Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }>(
      (resolve, reject) => {
        // the path goes out as written (a URL string would have its dot segments resolved first)
        const { hostname, port } = new URL(at);
        const req = request({ hostname, port, path, method, headers }, (res) => {
          const parts: Buffer[] = [];
          res.on("data", (c: Buffer) => parts.push(c));
          res.on("end", () =>
            resolve({
              status: res.statusCode ?? 0,
              headers: res.headers,
              body: Buffer.concat(parts),
            }),
          );
        });
        req.on("error", reject);
        req.end();
      },
    );
  }

  it("answers a file with a copy from the copy, with Next's headers for static files", async () => {
    const res = await get("/_next/static/chunks/a.js", { "accept-encoding": "gzip, deflate" });
    expect(res.status).toBe(200);
    expect(res.headers).toMatchObject({
      "content-encoding": "gzip",
      "content-length": String(gz.length),
      "content-type": "application/javascript; charset=UTF-8",
      "cache-control": "public, max-age=31536000, immutable",
      vary: "Accept-Encoding",
      "x-content-type-options": "nosniff",
      "x-frame-options": "DENY",
    });
    expect(res.body.equals(gz)).toBe(true);
    expect(gunzipSync(res.body).toString()).toBe(chunk);
  });

  it("answers a browser that accepts brotli from the brotli copy", async () => {
    const res = await get("/_next/static/chunks/a.js", {
      "accept-encoding": "gzip, deflate, br, zstd",
    });
    expect(res.headers).toMatchObject({
      "content-encoding": "br",
      "content-length": String(br.length),
      "content-type": "application/javascript; charset=UTF-8",
      vary: "Accept-Encoding",
    });
    expect(brotliDecompressSync(res.body).toString()).toBe(chunk);
  });

  it("ignores the query string (a deployment id)", async () => {
    const res = await get("/_next/static/chunks/a.js?dpl=abc", { "accept-encoding": "gzip" });
    expect(res.headers["content-encoding"]).toBe("gzip");
    expect(res.body.equals(gz)).toBe(true);
  });

  it("answers HEAD with the headers alone", async () => {
    const res = await get("/_next/static/chunks/a.js", { "accept-encoding": "gzip" }, "HEAD");
    expect(res.status).toBe(200);
    expect(res.headers["content-length"]).toBe(String(gz.length));
    expect(res.body.length).toBe(0);
  });

  it.each([
    ["a client that accepts no encoding", "/_next/static/chunks/a.js", {}, "GET"],
    [
      "both refused",
      "/_next/static/chunks/a.js",
      { "accept-encoding": "gzip;q=0, br;q=0, deflate" },
      "GET",
    ],
    ["another method", "/_next/static/chunks/a.js", { "accept-encoding": "gzip" }, "POST"],
    [
      "a file without a copy",
      "/_next/static/chunks/small.js",
      { "accept-encoding": "gzip" },
      "GET",
    ],
    [
      "a copy without its file",
      "/_next/static/chunks/gone.js",
      { "accept-encoding": "gzip" },
      "GET",
    ],
    ["a type not compressed", "/_next/static/chunks/b.png", { "accept-encoding": "gzip" }, "GET"],
    ["the copy itself", "/_next/static/chunks/a.js.gz", { "accept-encoding": "gzip" }, "GET"],
    ["the other copy", "/_next/static/chunks/a.js.br", { "accept-encoding": "br" }, "GET"],
    ["a path outside", "/_next/static/chunks/../chunks/a.js", { "accept-encoding": "gzip" }, "GET"],
    ["an encoded path", "/_next/static/chunks/%61.js", { "accept-encoding": "gzip" }, "GET"],
    ["a page", "/pools", { "accept-encoding": "gzip" }, "GET"],
  ])("leaves %s to Next", async (_what, path, headers, method) => {
    const res = await get(path, headers, method);
    expect(res.status).toBe(299);
    expect(res.body.toString()).toBe("next");
    expect(res.headers["content-encoding"]).toBeUndefined();
  });

  it("closes the copy when the client goes away mid-response", async () => {
    // a copy large enough to be sent in many writes
    const big = randomBytes(4 * 1024 * 1024);
    writeFileSync(join(root, "chunks", "big.js"), "x");
    writeFileSync(join(root, "chunks", "big.js.gz"), big);
    const statics = precompressedStatic({ staticDir: root, headerRules: [] });
    const other = await serve(statics);
    const port = new URL(other.origin).port;
    const openFiles = () => readdirSync("/proc/self/fd").length;
    const before = openFiles();
    try {
      for (let i = 0; i < 10; i++) {
        await new Promise<void>((resolve, reject) => {
          const req = request(
            { hostname: "127.0.0.1", port, path: "/_next/static/chunks/big.js" },
            (res) => {
              res.once("data", () => {
                req.destroy();
                resolve();
              });
            },
          );
          req.setHeader("accept-encoding", "gzip");
          req.on("error", (error) => (req.destroyed ? resolve() : reject(error)));
          req.end();
        });
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(openFiles()).toBe(before);
    } finally {
      await other.close();
    }
  });

  it("answers nothing when a header rule depends on the request", () => {
    const statics = precompressedStatic({
      staticDir: root,
      headerRules: [{ ...SECURITY, has: [{ type: "header", key: "x-tenant" }] }],
    });
    expect(statics.size).toBe(0);
  });

  it("serves under the base path, and only there", async () => {
    const statics = precompressedStatic({ staticDir: root, basePath: "/deck", headerRules: [] });
    const other = await serve(statics);
    const at = other.origin;
    try {
      const under = await get(
        "/deck/_next/static/chunks/a.js",
        { "accept-encoding": "gzip" },
        "GET",
        at,
      );
      expect(under.headers["content-encoding"]).toBe("gzip");
      expect(under.body.equals(gz)).toBe(true);
      const outside = await get(
        "/_next/static/chunks/a.js",
        { "accept-encoding": "gzip" },
        "GET",
        at,
      );
      expect(outside.status).toBe(299);
    } finally {
      await other.close();
    }
  });
});
