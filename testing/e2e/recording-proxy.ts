/**
 * A small reverse proxy in front of `next start` for the browser tests: Playwright's baseURL
 * points here (playwright.config.ts, when POOLDECK_E2E_RECORD_DIR is set), every request goes
 * through unchanged, and every response the browser could read as a document or data (HTML, RSC
 * payloads, JSON, plain text) is appended to `<dir>/responses.ndjson` for scripts/scan-secrets.ts.
 *
 *   RECORD_UPSTREAM=http://127.0.0.1:3100 RECORD_PORT=3101 RECORD_DIR=test-results/recorded \
 *     npx tsx testing/e2e/recording-proxy.ts
 */
import { appendFileSync, mkdirSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import { join } from "node:path";

import { forward } from "../forward";

const upstream = new URL(process.env.RECORD_UPSTREAM ?? "http://127.0.0.1:3100");
const port = Number(process.env.RECORD_PORT ?? 3101);
const dir = process.env.RECORD_DIR ?? "test-results/recorded";
const file = join(dir, "responses.ndjson");

const RECORDED = /^(text\/html|text\/x-component|text\/plain|application\/json)/;

rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });

const server = createServer((req, res) => {
  if (req.url === "/__recorder/health") {
    res.writeHead(200, { "content-type": "text/plain" }).end("ok");
    return;
  }
  const headers = { ...req.headers };
  // uncompressed bodies, so the recording is the text the browser decodes
  delete headers["accept-encoding"];
  forward(req, res, upstream, {
    name: "recording proxy",
    headers, // Host stays the proxy's: Next compares it with Origin for server actions
    // the answer streams on as it comes (RSC and Suspense stream); a copy of its body is recorded
    onAnswer: (answer) => {
      const type = String(answer.headers["content-type"] ?? "");
      if (!RECORDED.test(type)) return;
      const chunks: Buffer[] = [];
      answer.on("data", (chunk: Buffer) => chunks.push(chunk));
      answer.on("end", () => {
        const record = {
          method: req.method,
          url: req.url,
          status: answer.statusCode,
          contentType: type,
          body: Buffer.concat(chunks).toString("utf8"),
        };
        appendFileSync(file, `${JSON.stringify(record)}\n`);
      });
    },
  });
});

server.listen(port, "127.0.0.1", () => {
  console.log(`recording ${upstream.origin} on http://127.0.0.1:${port} into ${file}`);
});
