/**
 * `npm run build`'s postbuild, in one process. Next writes the standalone server without the files
 * it serves as-is; this completes <distDir>/standalone so the production entry serves everything:
 *   1. Monaco's chunks listed (the tests hold them by name) and their factories made eager
 *      (./monaco-chunks.ts);
 *   2. a brotli and a gzip copy of each static file (./precompress.ts);
 *   3. the static files (Monaco's workers among them, with their copies) and public/, copied;
 *   4. the entry, <distDir>/standalone/pooldeck-server.mjs (./server-entry.ts; server/main.ts).
 */
import { cpSync, existsSync, rmSync } from "node:fs";
import { join } from "node:path";

import { ENCODINGS } from "@/server/precompressed-static";

import { writeMonacoChunks } from "./monaco-chunks";
import { precompress } from "./precompress";
import { buildServerEntry } from "./server-entry";

const dist = process.env.POOLDECK_DIST_DIR || ".next";
const out = join(dist, "standalone");
if (!existsSync(join(out, "server.js"))) {
  console.error(
    `${join(out, "server.js")} is missing: next.config.js must keep output: "standalone"`,
  );
  process.exit(1);
}

writeMonacoChunks(dist);

const result = await precompress(join(dist, "static"));
const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`;
for (const { name } of ENCODINGS) {
  const { files, bytes, copyBytes } = result[name];
  console.log(`precompressed ${files} static files: ${kb(bytes)} → ${kb(copyBytes)} ${name}`);
}

rmSync(join(out, dist, "static"), { recursive: true, force: true });
rmSync(join(out, "public"), { recursive: true, force: true });
cpSync(join(dist, "static"), join(out, dist, "static"), { recursive: true });
if (existsSync("public")) cpSync("public", join(out, "public"), { recursive: true });

console.log(`wrote ${await buildServerEntry(dist)}`);
