/**
 * The list of Monaco's chunks that the build writes into <distDir> after `next build`
 * (scripts/build/monaco-chunks.ts), which makes their factories eager, and the browser tests read
 * to hold or count them (testing/e2e/monaco-chunks.ts): `{ "<route>": ["static/chunks/….js", …] }`.
 * Build and tests only (it reads files).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";

/** The list's file name, in <distDir>. */
export const MONACO_CHUNKS_FILE = "monaco-chunks.json";

/** The route whose chunks are listed: the pool editor, the page that runs Monaco. */
export const MONACO_ROUTE = "/pools/[name]";

/** An entry of the list: a JavaScript chunk of the build's static/chunks. */
const MONACO_CHUNK_PATH = /^static\/chunks\/[\w.-]+\.js$/;

/**
 * The chunks the list in `distDir` names for `route` ("static/chunks/….js"; anything else in it is
 * dropped), none when the route is not listed. Throws when the list cannot be read.
 */
export function readMonacoChunks(distDir: string, route: string): string[] {
  const list = JSON.parse(readFileSync(join(distDir, MONACO_CHUNKS_FILE), "utf8")) as Record<
    string,
    unknown
  >;
  const listed = list[route];
  return Array.isArray(listed)
    ? listed.filter((c): c is string => typeof c === "string" && MONACO_CHUNK_PATH.test(c))
    : [];
}
