/**
 * The build's static files (`/_next/static/…`: the client chunks, CSS, Monaco's font) answered from
 * the compressed copies the build wrote beside them (scripts/build/precompress.ts: brotli and gzip),
 * instead of Next gzipping the same immutable file again for every browser that has not cached it.
 *
 * Next's `compress` gzips each response on the fly. For one cold pool page that is ~4 MB of
 * JavaScript (Monaco's chunks with it) and ~120 ms of server CPU, spent while the page loads; on a
 * 2-core host that time comes out of the page's own (BENCHMARKS.md, "precompressed static files"). Brotli at its best level, affordable only ahead of time, sends
 * ~17% fewer bytes than gzip. Only what this handler cannot answer exactly as Next would, with the
 * same bytes once decoded, goes on to Next: a client that accepts neither encoding, a method other
 * than GET or HEAD, a file without a copy, a request for anything else.
 */
import { createReadStream, readdirSync, statSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { pipeline } from "node:stream";
import { extname, join, relative, sep } from "node:path";

/** Header rules as Next compiles next.config's headers() into routes-manifest.json. */
export interface HeaderRule {
  regex: string;
  headers: { key: string; value: string }[];
  has?: unknown[];
  missing?: unknown[];
}

/** The encodings of the copies, best first (the suffix of each copy's file name). */
export const ENCODINGS = [
  { name: "br", suffix: ".br" },
  { name: "gzip", suffix: ".gz" },
] as const;
export type Encoding = (typeof ENCODINGS)[number]["name"];

/** The Content-Type Next's static file server sends for each type worth compressing. */
export const COMPRESSIBLE_TYPES: Readonly<Record<string, string>> = {
  ".js": "application/javascript; charset=UTF-8",
  ".mjs": "application/javascript; charset=UTF-8",
  ".css": "text/css; charset=UTF-8",
  ".json": "application/json; charset=UTF-8",
  ".map": "application/json; charset=UTF-8",
  ".svg": "image/svg+xml",
  ".ttf": "font/ttf",
  ".txt": "text/plain; charset=UTF-8",
};

/** What Next sends for a file under /_next/static/ (its names hold a content hash). */
const IMMUTABLE = "public, max-age=31536000, immutable";

/** A copy on disk. */
interface Copy {
  path: string;
  bytes: number;
}

interface StaticFile {
  type: string;
  copies: Partial<Record<Encoding, Copy>>;
}

/**
 * The encoding to send, of those offered: the one the Accept-Encoding header weighs highest (by
 * name or `*`, a q-value above 0), the first of ENCODINGS on a tie; undefined when it accepts none.
 */
export function chooseEncoding(
  header: string | string[] | undefined,
  offered: readonly Encoding[],
): Encoding | undefined {
  const value = Array.isArray(header) ? header.join(",") : (header ?? "");
  const weights = new Map<string, number>();
  for (const part of value.split(",")) {
    const [raw = "", ...params] = part.split(";").map((p) => p.trim().toLowerCase());
    const name = raw === "x-gzip" ? "gzip" : raw;
    let q = 1;
    for (const param of params) if (param.startsWith("q=")) q = Number(param.slice(2));
    if (Number.isNaN(q)) q = 0;
    weights.set(name, Math.max(weights.get(name) ?? 0, q));
  }
  let best: Encoding | undefined;
  let bestQ = 0;
  for (const { name } of ENCODINGS) {
    if (!offered.includes(name)) continue;
    const q = weights.get(name) ?? weights.get("*") ?? 0;
    if (q > bestQ) {
      best = name;
      bestQ = q;
    }
  }
  return best;
}

/** Every file under `dir` with a copy beside it, by its URL path under `urlPrefix`. */
function indexCopies(dir: string, urlPrefix: string): Map<string, StaticFile> {
  const files = new Map<string, StaticFile>();
  const walk = (at: string): void => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const path = join(at, entry.name);
      if (entry.isDirectory()) {
        walk(path);
        continue;
      }
      const encoding = ENCODINGS.find((e) => entry.name.endsWith(e.suffix));
      if (!encoding) continue;
      const original = path.slice(0, -encoding.suffix.length);
      const type = COMPRESSIBLE_TYPES[extname(original)];
      if (!type) continue;
      const url = urlPrefix + relative(dir, original).split(sep).join("/");
      let file = files.get(url);
      if (!file) {
        try {
          if (!statSync(original).isFile()) continue;
        } catch {
          continue; // a copy whose original is gone is not served
        }
        file = { type, copies: {} };
        files.set(url, file);
      }
      file.copies[encoding.name] = { path, bytes: statSync(path).size };
    }
  };
  walk(dir);
  return files;
}

export interface PrecompressedStatic {
  /**
   * Answers the request from a copy and returns true, or returns false without touching the
   * response (the request is Next's to answer).
   */
  handle(req: IncomingMessage, res: ServerResponse): boolean;
  /** how many files have a copy */
  size: number;
}

/**
 * A handler for the static files under `staticDir`, served at `<basePath>/_next/static/`, with the
 * headers next.config's headers() gives every response (`headerRules`, from routes-manifest.json).
 * Rules with `has` or `missing` conditions depend on the request in ways this handler does not
 * evaluate; with any such rule, nothing is answered here.
 */
export function precompressedStatic(options: {
  staticDir: string;
  basePath?: string;
  headerRules: HeaderRule[];
}): PrecompressedStatic {
  const conditional = options.headerRules.some((r) => r.has?.length || r.missing?.length);
  const files = conditional
    ? new Map<string, StaticFile>()
    : indexCopies(options.staticDir, `${options.basePath ?? ""}/_next/static/`);
  const rules = options.headerRules.map((r) => ({
    regex: new RegExp(r.regex),
    headers: r.headers,
  }));
  return {
    size: files.size,
    handle(req, res) {
      if (files.size === 0 || (req.method !== "GET" && req.method !== "HEAD")) return false;
      const url = req.url ?? "";
      const query = url.indexOf("?");
      // looked up as sent: an encoded or unusual path is not in the index and goes on to Next
      const pathname = query === -1 ? url : url.slice(0, query);
      const file = files.get(pathname);
      if (!file) return false;
      const offered = ENCODINGS.map((e) => e.name).filter((name) => file.copies[name]);
      const encoding = chooseEncoding(req.headers["accept-encoding"], offered);
      const copy = encoding && file.copies[encoding];
      if (!encoding || !copy) return false;
      for (const rule of rules) {
        if (!rule.regex.test(pathname)) continue;
        for (const { key, value } of rule.headers) res.setHeader(key, value);
      }
      res.setHeader("Cache-Control", IMMUTABLE);
      res.setHeader("Content-Type", file.type);
      res.setHeader("Content-Encoding", encoding);
      res.setHeader("Content-Length", copy.bytes);
      res.setHeader("Vary", "Accept-Encoding");
      res.statusCode = 200;
      if (req.method === "HEAD") {
        res.end();
        return true;
      }
      // pipeline closes the file when the client goes away mid-response, and ends the response
      // when the file cannot be read (the copy removed by a redeploy: the client sees a cut body)
      pipeline(createReadStream(copy.path), res, () => {});
      return true;
    },
  };
}
