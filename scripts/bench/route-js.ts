/**
 * The editor route's JavaScript, from the production build: the chunks /pools/[name] loads before
 * anything lazy (scripts/build/route-chunks.ts finds them), their raw, gzip and brotli sizes, and
 * the lazily loaded groups with Monaco's named. Budget: the initial chunks at most 166 kB gzip
 * (zlib's default level). The production server sends the build's own copies: brotli to browsers
 * that accept it, level-9 gzip to the others (server/precompressed-static.ts).
 * Run alone: `npx tsx scripts/bench/route-js.ts [distDir]` after a build.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

import { readRouteChunks, type RouteChunks } from "../build/route-chunks";
import { budgetLine, formatKB, textTable } from "./stats";

export const ROUTE = "/pools/[name]";
/** no growth over the route's JavaScript when the budgets were set */
export const ROUTE_BUDGET_BYTES = 166_000;

export interface ChunkSize {
  path: string;
  raw: number;
  gzip: number;
  brotli: number;
}

export interface RouteJsResult {
  route: string;
  chunks: RouteChunks;
  initial: ChunkSize[];
  lazy: { monaco: boolean; chunks: ChunkSize[] }[];
  total: { raw: number; gzip: number; brotli: number };
}

function sizeOf(dist: string, path: string): ChunkSize {
  const body = readFileSync(join(dist, path));
  return {
    path,
    raw: body.length,
    // level 6 is zlib's default, what Next's `compress` middleware uses
    gzip: gzipSync(body, { level: 6 }).length,
    brotli: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

/** Reads the build in `dist` and measures the route's initial and lazy JavaScript. */
export function measureRouteJs(dist: string, route = ROUTE): RouteJsResult {
  const chunks = readRouteChunks(dist, route);
  const initial = chunks.initial.map((p) => sizeOf(dist, p));
  const total = initial.reduce(
    (t, c) => ({ raw: t.raw + c.raw, gzip: t.gzip + c.gzip, brotli: t.brotli + c.brotli }),
    { raw: 0, gzip: 0, brotli: 0 },
  );
  const lazy = chunks.lazyGroups.map((g) => ({
    monaco: g.monaco,
    chunks: g.chunks.map((p) => sizeOf(dist, p)),
  }));
  return { route, chunks, initial, lazy, total };
}

const sum = (cs: ChunkSize[], k: "raw" | "gzip" | "brotli") => cs.reduce((n, c) => n + c[k], 0);

/** The report block: initial chunks, lazy groups, and the budget line. */
export function formatRouteJs(r: RouteJsResult): string {
  const rows = [
    ["chunk", "raw", "gzip", "brotli"],
    ...r.initial.map((c) => [c.path, formatKB(c.raw), formatKB(c.gzip), formatKB(c.brotli)]),
    ["initial total", formatKB(r.total.raw), formatKB(r.total.gzip), formatKB(r.total.brotli)],
  ];
  const lazy = r.lazy.map(
    (g, i) =>
      `  lazy group ${i + 1}${g.monaco ? " (Monaco)" : ""}: ${g.chunks.length} chunks, ${formatKB(sum(g.chunks, "gzip"))} gzip (${formatKB(sum(g.chunks, "raw"))} raw): ${g.chunks.map((c) => c.path.replace("static/chunks/", "")).join(", ")}`,
  );
  return [
    `Route ${r.route}: chunks loaded before anything lazy (build manifest rootMainFiles + the entryJSFiles of the route's layouts, boundaries and page)`,
    textTable(rows),
    `Monaco code in the initial chunks: ${r.chunks.monacoInInitial.length === 0 ? "none" : r.chunks.monacoInInitial.join(", ")}`,
    "Loaded lazily (the dynamic import() groups found in the initial chunks; Monaco = holds monaco-editor code):",
    ...lazy,
    budgetLine(
      "editor route JavaScript before Monaco, gzip",
      r.total.gzip,
      ROUTE_BUDGET_BYTES,
      formatKB,
    ),
  ].join("\n");
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(formatRouteJs(measureRouteJs(process.argv[2] ?? join(process.cwd(), ".next"))));
}
