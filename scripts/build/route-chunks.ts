/**
 * Which JavaScript chunks a route of the production build loads, told apart from what it loads
 * lazily: the benchmark of the route's JavaScript (scripts/bench/route-js.ts) and the list of
 * Monaco's chunks the build makes eager (scripts/build/monaco-chunks.ts) both read it.
 * classifyRouteChunks is pure; readRouteChunks reads a build directory for it.
 *
 * Initial chunks: the build manifest's `rootMainFiles` (Next's runtime, React, the router) plus the
 * `entryJSFiles` of every entry in the route's client reference manifest: its layouts, its
 * boundaries (not-found, error) and the page. The page's HTML loads them all. Lazy chunk groups:
 * every dynamic `import()` in those chunks becomes, in Turbopack's output, a loader of the form
 * `Promise.all(["static/chunks/a.js", …, "static/chunks/b.css"].map(…))`; one such list is one group.
 * A group is Monaco's when one of its chunks holds monaco-editor code, recognised by the markers below
 * (Monaco's own `MonacoEnvironment` global and the `monaco-editor` class name its DOM code sets).
 */

import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

export const MONACO_MARKERS = /MonacoEnvironment|monaco-editor/;

/** A list of chunk paths in a Turbopack async loader: `["static/chunks/x.js",…].map(` */
const LOADER = /\[((?:"static\/chunks\/[^"]+"\s*,?\s*)+)\]\s*\.map\(/g;

export interface RouteChunkInput {
  /** build-manifest.json `rootMainFiles` */
  rootMainFiles: readonly string[];
  /** entryJSFiles of the route's entries: layouts, boundaries and the page */
  entryJSFiles: readonly (readonly string[])[];
  /** the text of a chunk by its path ("static/chunks/x.js"); undefined when absent */
  read(path: string): string | undefined;
}

export interface LazyGroup {
  /** JavaScript chunks of one dynamic import, not already in the initial set */
  chunks: string[];
  monaco: boolean;
}

export interface RouteChunks {
  initial: string[];
  lazyGroups: LazyGroup[];
  /** initial chunks that carry Monaco code (should be none) */
  monacoInInitial: string[];
}

/** Chunk paths named by async loaders in a chunk's text, one list per loader (JavaScript only). */
export function asyncLoaderGroups(text: string): string[][] {
  const groups: string[][] = [];
  for (const match of text.matchAll(LOADER)) {
    const paths = [...(match[1] ?? "").matchAll(/"([^"]+)"/g)].map((m) => m[1] ?? "");
    const js = paths.filter((p) => p.endsWith(".js"));
    if (js.length > 0) groups.push(js);
  }
  return groups;
}

/** Splits a route's chunks into initial ones and lazy groups, and says which are Monaco's. */
export function classifyRouteChunks(input: RouteChunkInput): RouteChunks {
  const initial: string[] = [];
  for (const path of [...input.rootMainFiles, ...input.entryJSFiles.flat()]) {
    if (!initial.includes(path)) initial.push(path);
  }
  const inInitial = new Set(initial);
  const seen = new Set<string>();
  const lazyGroups: LazyGroup[] = [];
  for (const path of initial) {
    for (const group of asyncLoaderGroups(input.read(path) ?? "")) {
      const chunks = group.filter((c) => !inInitial.has(c));
      const key = chunks.join(" ");
      if (chunks.length === 0 || seen.has(key)) continue;
      seen.add(key);
      const monaco = chunks.some((c) => MONACO_MARKERS.test(input.read(c) ?? ""));
      lazyGroups.push({ chunks, monaco });
    }
  }
  const monacoInInitial = initial.filter((c) => MONACO_MARKERS.test(input.read(c) ?? ""));
  return { initial, lazyGroups, monacoInInitial };
}

function readEntryJsFiles(dist: string, route: string): Record<string, string[]> {
  const file = join(
    dist,
    "server",
    "app",
    ...route.slice(1).split("/"),
    "page_client-reference-manifest.js",
  );
  const text = readFileSync(file, "utf8");
  const json = text.slice(text.indexOf("= {") + 2).replace(/;\s*$/, "");
  return (JSON.parse(json) as { entryJSFiles: Record<string, string[]> }).entryJSFiles;
}

/** The route's chunks in the production build in `dist` (chunk texts read once each). */
export function readRouteChunks(dist: string, route: string): RouteChunks {
  if (!existsSync(join(dist, "build-manifest.json")))
    throw new Error(`no production build in ${dist} (run next build with POOLDECK_DIST_DIR)`);
  const buildManifest = JSON.parse(readFileSync(join(dist, "build-manifest.json"), "utf8")) as {
    rootMainFiles: string[];
  };
  const entries = readEntryJsFiles(dist, route);
  if (!entries[`[project]/app${route}/page`])
    throw new Error(`the build has no client entry for ${route}`);
  const cache = new Map<string, string | undefined>();
  const read = (path: string) => {
    if (!cache.has(path)) {
      const file = join(dist, path);
      cache.set(path, existsSync(file) ? readFileSync(file, "utf8") : undefined);
    }
    return cache.get(path);
  };
  return classifyRouteChunks({
    rootMainFiles: buildManifest.rootMainFiles,
    entryJSFiles: Object.values(entries),
    read,
  });
}
