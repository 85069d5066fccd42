/**
 * After `next build`: writes a gzip copy (`<file>.gz`, level 9) beside every static file worth
 * compressing under <distDir>/static, which the production entry answers with instead of having
 * Next compress each one again per browser (server/precompressed-static.ts). A copy is written
 * only where it saves bytes: files under 1 KiB (Next's own compression threshold) and files gzip
 * does not shrink stay without one and are served by Next as before.
 * Run by scripts/postbuild.sh: `npx tsx scripts/build/precompress.ts <distDir>`.
 */
import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { extname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { constants, gzip } from "node:zlib";

import { COMPRESSIBLE_TYPES, GZIP_SUFFIX } from "@/server/precompressed-static";

const MIN_BYTES = 1024;
const gzipAsync = promisify(gzip);

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

/** Writes the gzip copies under `staticDir`; returns how many files got one and their sizes. */
export async function precompress(
  staticDir: string,
): Promise<{ files: number; bytes: number; gzipBytes: number }> {
  const all = filesUnder(staticDir);
  // copies from an earlier build of the same folder are replaced, not trusted
  for (const file of all) if (file.endsWith(GZIP_SUFFIX)) rmSync(file);
  const candidates = all.filter((f) => !f.endsWith(GZIP_SUFFIX) && COMPRESSIBLE_TYPES[extname(f)]);
  let files = 0;
  let bytes = 0;
  let gzipBytes = 0;
  // zlib's work runs on libuv's thread pool: the files compress in parallel
  await Promise.all(
    candidates.map(async (file) => {
      const body = readFileSync(file);
      if (body.length < MIN_BYTES) return;
      const compressed = await gzipAsync(body, { level: constants.Z_BEST_COMPRESSION });
      if (compressed.length >= body.length) return;
      writeFileSync(file + GZIP_SUFFIX, compressed);
      files++;
      bytes += body.length;
      gzipBytes += compressed.length;
    }),
  );
  return { files, bytes, gzipBytes };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dist = process.argv[2] ?? ".next";
  const { files, bytes, gzipBytes } = await precompress(join(dist, "static"));
  const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`;
  console.log(`precompressed ${files} static files: ${kb(bytes)} → ${kb(gzipBytes)} gzip`);
}
