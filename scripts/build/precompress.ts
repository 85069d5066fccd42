/**
 * After `next build`: writes a brotli copy (`<file>.br`, quality 11) and a gzip copy (`<file>.gz`,
 * level 9) beside every static file worth compressing under <distDir>/static, which the production
 * entry answers with instead of having Next gzip each one again per browser
 * (server/precompressed-static.ts). A copy is written only where it saves bytes: files under 1 KiB
 * (Next's own compression threshold) and files an encoding does not shrink stay without it.
 * Run by ./postbuild.ts.
 */
import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { extname, join } from "node:path";
import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";

import { COMPRESSIBLE_TYPES, ENCODINGS, type Encoding } from "@/server/precompressed-static";

const MIN_BYTES = 1024;
const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

/** Each encoding at its best level: compressed once, at build time. */
const COMPRESS: Record<Encoding, (body: Buffer) => Promise<Buffer>> = {
  br: (body) =>
    brotliAsync(body, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
      },
    }),
  gzip: (body) => gzipAsync(body, { level: constants.Z_BEST_COMPRESSION }),
};

const isCopy = (file: string) => ENCODINGS.some((e) => file.endsWith(e.suffix));

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

/** Bytes before and after, per encoding. */
export type PrecompressResult = Record<
  Encoding,
  { files: number; bytes: number; copyBytes: number }
>;

/** Writes the copies under `staticDir`; returns how many files got each and their sizes. */
export async function precompress(staticDir: string): Promise<PrecompressResult> {
  const all = filesUnder(staticDir);
  // copies from an earlier build of the same folder are replaced, not trusted
  for (const file of all) if (isCopy(file)) rmSync(file);
  const candidates = all.filter((f) => !isCopy(f) && COMPRESSIBLE_TYPES[extname(f)]);
  const result: PrecompressResult = {
    br: { files: 0, bytes: 0, copyBytes: 0 },
    gzip: { files: 0, bytes: 0, copyBytes: 0 },
  };
  // zlib's work runs on libuv's thread pool: the files compress in parallel
  await Promise.all(
    candidates.flatMap((file) => {
      const body = readFileSync(file);
      if (body.length < MIN_BYTES) return [];
      return ENCODINGS.map(async ({ name, suffix }) => {
        const compressed = await COMPRESS[name](body);
        if (compressed.length >= body.length) return;
        writeFileSync(file + suffix, compressed);
        result[name].files++;
        result[name].bytes += body.length;
        result[name].copyBytes += compressed.length;
      });
    }),
  );
  return result;
}
