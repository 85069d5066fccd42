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
import { createServer, request as httpRequest } from "node:http";
import { join } from "node:path";

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
  const out = httpRequest(
    {
      host: upstream.hostname,
      port: upstream.port,
      method: req.method,
      path: req.url,
      headers, // Host stays the proxy's: Next compares it with Origin for server actions
    },
    (upstreamRes) => {
      res.writeHead(upstreamRes.statusCode ?? 502, upstreamRes.rawHeaders);
      const type = String(upstreamRes.headers["content-type"] ?? "");
      const chunks: Buffer[] = [];
      upstreamRes.on("data", (chunk: Buffer) => {
        if (RECORDED.test(type)) chunks.push(chunk);
        res.write(chunk); // streamed on at once: RSC and Suspense stream
      });
      upstreamRes.on("end", () => {
        res.end();
        if (!RECORDED.test(type)) return;
        const record = {
          method: req.method,
          url: req.url,
          status: upstreamRes.statusCode,
          contentType: type,
          body: Buffer.concat(chunks).toString("utf8"),
        };
        appendFileSync(file, `${JSON.stringify(record)}\n`);
      });
    },
  );
  out.on("error", (error) => {
    if (!res.headersSent) res.writeHead(502, { "content-type": "text/plain" });
    res.end(`recording proxy: upstream ${upstream.origin} failed: ${error.message}`);
  });
  req.pipe(out);
});

server.listen(port, "127.0.0.1", () => {
  console.log(`recording ${upstream.origin} on http://127.0.0.1:${port} into ${file}`);
});
