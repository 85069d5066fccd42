import { MONACO_ROUTE, readMonacoChunks } from "@/lib/build/monaco-chunks-list";

/** The URL paths of Monaco's chunks in the list the build the e2e server runs wrote. */
export function monacoChunkPaths(): string[] {
  return readMonacoChunks(process.env.POOLDECK_DIST_DIR ?? ".next", MONACO_ROUTE).map(
    (chunk) => `/_next/${chunk}`,
  );
}
