import "server-only";

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { preload } from "react-dom";
import { MONACO_CHUNK_PATH, MONACO_CHUNKS_FILE } from "@/lib/build/monaco-chunks-list";

const byRoute = new Map<string, readonly string[]>();

/**
 * Monaco's chunks for a route, from the build's list (MONACO_CHUNKS_FILE, written after `next build`);
 * none without it (`next dev`, or a build whose chunks could not be listed). Read once.
 */
function monacoChunks(route: string): readonly string[] {
  const known = byRoute.get(route);
  if (known) return known;
  let chunks: string[] = [];
  try {
    const file = join(
      process.cwd(),
      process.env.POOLDECK_BUILD_DIST_DIR ?? ".next",
      MONACO_CHUNKS_FILE,
    );
    const listed = (JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>)[route];
    if (Array.isArray(listed))
      chunks = listed.filter(
        (c): c is string => typeof c === "string" && MONACO_CHUNK_PATH.test(c),
      );
  } catch {
    // no list: Monaco is downloaded when the editor pane first needs it
  }
  byRoute.set(route, chunks);
  return chunks;
}

/**
 * Has the browser download Monaco's chunks while the page loads and hydrates, at low priority,
 * without running them: the JSON editor pane imports them once it has hydrated, after the form
 * (monaco-pane.tsx), and finds them downloaded. Importing them during hydration instead ran
 * ~400 ms of Monaco's code on the main thread whenever they arrived first, and the form became
 * usable that much later. The nonce lets the preload pass the Content-Security-Policy's script-src.
 */
export function MonacoPreload({ route, nonce }: { route: string; nonce?: string | undefined }) {
  for (const chunk of monacoChunks(route)) {
    preload(`/_next/${chunk}`, { as: "script", fetchPriority: "low", ...(nonce ? { nonce } : {}) });
  }
  return null;
}
