/**
 * The request body limit for bodies sent without Content-Length (Transfer-Encoding: chunked), over
 * a raw HTTP connection to the production server: over 4 MB gets 413 and the sentence before any
 * route or sign-in check reads it; a small chunked body still reaches its route whole.
 */
import { readFileSync } from "node:fs";
import { request as httpRequest } from "node:http";

import { expect, test } from "@/testing/e2e/test";

import { storageStatePath } from "@/testing/e2e/test-auth";

interface Answer {
  status: number;
  contentType: string;
  body: string;
}

/** POSTs `bytes` of body in 64 KiB chunks without Content-Length; resolves on the response. */
function chunkedPost(
  url: string,
  body: Buffer,
  headers: Record<string, string> = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, {
      method: "POST",
      headers: { "content-type": "application/json", "transfer-encoding": "chunked", ...headers },
    });
    let answered = false;
    req.on("response", (res) => {
      answered = true;
      let text = "";
      res.on("data", (chunk: Buffer) => (text += chunk.toString()));
      res.on("end", () =>
        resolve({
          status: res.statusCode ?? 0,
          contentType: String(res.headers["content-type"]),
          body: text,
        }),
      );
    });
    // the server may answer and close before the whole body is sent: that is the point
    req.on("error", (error) => {
      if (!answered) reject(error);
    });
    const write = (offset: number) => {
      if (offset >= body.length || answered) return req.end();
      const ok = req.write(body.subarray(offset, offset + 64 * 1024));
      const next = () => write(offset + 64 * 1024);
      if (ok) setImmediate(next);
      else req.once("drain", next);
    };
    write(0);
  });
}

test("a chunked body over 4 MB gets 413 and a sentence, not a 500", async ({ baseURL }) => {
  const answer = await chunkedPost(
    `${baseURL}/api/ecs/task-definitions`,
    Buffer.alloc(5 * 1024 * 1024, "x"),
  );
  expect(answer).toEqual({
    status: 413,
    contentType: "text/plain",
    body: "The request body is over 4 MB; Pooldeck accepts at most 4 MB per request and 1 MB per template. Nothing was stored.",
  });
});

test("a small chunked body still reaches its route whole", async ({ baseURL }) => {
  const state = JSON.parse(readFileSync(storageStatePath(baseURL!, "editor"), "utf8")) as {
    cookies: { name: string; value: string }[];
  };
  const cookie = state.cookies.map((c) => `${c.name}=${c.value}`).join("; ");
  // the route answers 400 naming the field when it gets no body or a bad one; region is checked
  const bad = await chunkedPost(
    `${baseURL}/api/ecs/task-definitions`,
    Buffer.from(JSON.stringify({ region: "us-east-1", families: [] })),
    { cookie },
  );
  expect(bad.status).toBe(400);
  expect(JSON.parse(bad.body)).toEqual({
    error: "families: Too small: expected array to have >=1 items",
  });
  const good = await chunkedPost(
    `${baseURL}/api/ecs/task-definitions`,
    Buffer.from(JSON.stringify({ region: "us-east-1", families: ["pd-e2e-chunked-none"] })),
    { cookie },
  );
  expect(good.status).toBe(200);
});
