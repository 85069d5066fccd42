/**
 * What `npm start` and the container run: Next's standalone server (server.js beside this file,
 * started as Next starts it: its graceful shutdown on SIGTERM, keep-alive and upgrade handling
 * stay Next's), with the build's static files answered from their brotli or gzip copies first
 * (./precompressed-static.ts). scripts/build/server-entry.ts bundles this file into
 * <distDir>/standalone/pooldeck-server.mjs.
 *
 * Next's start-up creates its HTTP server with http.createServer(listener) and exposes no hook
 * before its listener; this entry wraps that one listener, then puts createServer back.
 */
import http, { type RequestListener } from "node:http";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

import { precompressedStatic, type HeaderRule } from "./precompressed-static";

const here = dirname(fileURLToPath(import.meta.url));
// the build's directory name, inlined by the bundler (the standalone output keeps the same name)
const distDir = join(here, process.env.POOLDECK_BUILD_DIST_DIR ?? ".next");

interface RoutesManifest {
  basePath?: string;
  headers?: HeaderRule[];
}

function readManifest(): RoutesManifest {
  const path = join(distDir, "routes-manifest.json");
  return existsSync(path) ? (JSON.parse(readFileSync(path, "utf8")) as RoutesManifest) : {};
}

const manifest = readManifest();
const statics = precompressedStatic({
  staticDir: join(distDir, "static"),
  basePath: manifest.basePath,
  headerRules: manifest.headers ?? [],
});

const createServer = http.createServer;
function wrapListener(listener: RequestListener): RequestListener {
  return (req, res) => {
    if (!statics.handle(req, res)) listener(req, res);
  };
}
// Next's start-up calls it once, with its listener as the only argument
http.createServer = ((...args: unknown[]) => {
  http.createServer = createServer;
  const wrapped = args.map((arg) =>
    typeof arg === "function" ? wrapListener(arg as RequestListener) : arg,
  );
  return (createServer as (...a: unknown[]) => http.Server)(...wrapped);
}) as typeof http.createServer;

await import(pathToFileURL(join(here, "server.js")).href);
