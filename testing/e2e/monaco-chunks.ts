import { readFileSync } from "node:fs";
import { join } from "node:path";
import { MONACO_CHUNKS_FILE, MONACO_ROUTE } from "@/lib/build/monaco-chunks-list";

/**
 * The URL paths of Monaco's chunks, from the list the build wrote (scripts/build/monaco-chunks.ts)
 * for the build the e2e server runs.
 */
export function monacoChunkPaths(): string[] {
  const list = JSON.parse(
    readFileSync(join(process.env.POOLDECK_DIST_DIR ?? ".next", MONACO_CHUNKS_FILE), "utf8"),
  ) as Record<string, string[]>;
  return (list[MONACO_ROUTE] ?? []).map((chunk) => `/_next/${chunk}`);
}
