/**
 * After `next build`: writes the list of Monaco's chunks for the pool page
 * (<distDir>/MONACO_CHUNKS_FILE, lib/build/monaco-chunks-list.ts; the browser tests hold them by
 * name). Turbopack names these chunks only inside its loader code, which route-chunks.ts reads.
 * Then has V8 compile their module factories while they download (./eager-factories.ts),
 * rewriting them in place before the static files are compressed and copied (./postbuild.ts).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

import { MONACO_CHUNKS_FILE, MONACO_ROUTE } from "@/lib/build/monaco-chunks-list";
import { errorMessage } from "@/lib/template/error-message";

import { eagerFactories } from "./eager-factories";
import { readRouteChunks } from "./route-chunks";

/** Every chunk of the route's lazily loaded groups that hold Monaco code, each once. */
function monacoChunks(dist: string, route: string): string[] {
  const { lazyGroups } = readRouteChunks(dist, route);
  return [...new Set(lazyGroups.filter((g) => g.monaco).flatMap((g) => g.chunks))];
}

/** Writes the list into `dist` and makes the listed chunks' factories compile eagerly. */
export function writeMonacoChunks(dist: string): void {
  let chunks: string[];
  // a build whose manifests or loaders no longer read as route-chunks.ts expects still ships:
  // Monaco's factories then compile lazily, when the editor pane first runs them
  try {
    chunks = monacoChunks(dist, MONACO_ROUTE);
  } catch (error) {
    chunks = [];
    console.warn(`${MONACO_CHUNKS_FILE}: ${MONACO_ROUTE}: ${errorMessage(error)}`);
  }
  if (chunks.length === 0)
    console.warn(`${MONACO_CHUNKS_FILE}: no Monaco chunks found for ${MONACO_ROUTE}`);
  else console.log(`${MONACO_CHUNKS_FILE}: ${MONACO_ROUTE}, ${chunks.length} Monaco chunks`);
  const list: Record<string, string[]> = { [MONACO_ROUTE]: chunks };
  writeFileSync(join(dist, MONACO_CHUNKS_FILE), `${JSON.stringify(list, null, 2)}\n`);
  let factories = 0;
  for (const chunk of chunks) {
    const file = join(dist, chunk);
    const eager = eagerFactories(readFileSync(file, "utf8"));
    // a chunk not read as Turbopack's push([...]) stays as built (its factories compile lazily)
    if (!eager) console.warn(`${chunk}: not a Turbopack chunk as expected; left as built`);
    else {
      writeFileSync(file, eager.source);
      factories += eager.factories;
    }
  }
  console.log(
    `${MONACO_CHUNKS_FILE}: ${factories} module factories of Monaco's chunks compiled eagerly`,
  );
}
