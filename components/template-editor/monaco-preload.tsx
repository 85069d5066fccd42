import "server-only";

import { join } from "node:path";
import { preload } from "react-dom";
import { readMonacoChunks } from "@/lib/build/monaco-chunks-list";

const byRoute = new Map<string, readonly string[]>();

/**
 * Monaco's chunks for a route, from the list written after `next build`
 * (lib/build/monaco-chunks-list.ts); none without it (`next dev`, or a build whose chunks could not
 * be listed). Read once.
 */
function monacoChunks(route: string): readonly string[] {
  const known = byRoute.get(route);
  if (known) return known;
  let chunks: string[] = [];
  try {
    chunks = readMonacoChunks(
      join(process.cwd(), process.env.POOLDECK_BUILD_DIST_DIR ?? ".next"),
      route,
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
