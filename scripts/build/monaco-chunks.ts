/**
 * After `next build`: writes <distDir>/monaco-chunks.json, Monaco's chunks for the pool page
 * ({ "/pools/[name]": ["static/chunks/….js", …] }), so the page can have the browser download them
 * while it hydrates (components/template-editor/monaco-preload.tsx) and run them after. Turbopack
 * names these chunks only inside its loader code, which route-chunks.ts reads. Then has V8
 * compile their module factories while they download (./eager-factories.ts), rewriting them in
 * place before the static files are compressed and copied.
 * Run by scripts/postbuild.sh: `npx tsx scripts/build/monaco-chunks.ts <distDir>`.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

import { errorMessage } from "@/lib/template/error-message";

import { eagerFactories } from "./eager-factories";
import { readRouteChunks } from "./route-chunks";

const MONACO_CHUNKS_FILE = "monaco-chunks.json";
const MONACO_ROUTES = ["/pools/[name]"] as const;

/** Every chunk of the route's lazily loaded groups that hold Monaco code, each once. */
function monacoChunks(dist: string, route: string): string[] {
  const { lazyGroups } = readRouteChunks(dist, route);
  return [...new Set(lazyGroups.filter((g) => g.monaco).flatMap((g) => g.chunks))];
}

const dist = process.argv[2] ?? ".next";
const out: Record<string, string[]> = {};
for (const route of MONACO_ROUTES) {
  // a build whose manifests or loaders no longer read as route-chunks.ts expects still ships:
  // the page then preloads nothing, and Monaco downloads when the editor pane first needs it
  try {
    out[route] = monacoChunks(dist, route);
  } catch (error) {
    out[route] = [];
    console.warn(`${MONACO_CHUNKS_FILE}: ${route}: ${errorMessage(error)}`);
  }
  const count = out[route].length;
  if (count === 0) console.warn(`${MONACO_CHUNKS_FILE}: no Monaco chunks found for ${route}`);
  else console.log(`${MONACO_CHUNKS_FILE}: ${route}, ${count} Monaco chunks to preload`);
}
writeFileSync(join(dist, MONACO_CHUNKS_FILE), `${JSON.stringify(out, null, 2)}\n`);
let factories = 0;
for (const chunk of new Set(Object.values(out).flat())) {
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
