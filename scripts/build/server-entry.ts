/**
 * After `next build`: bundles server/main.ts (the production entry around Next's standalone
 * server.js) into <distDir>/standalone/pooldeck-server.mjs, plain ESM with nothing but Node's own
 * modules, the build's directory name inlined.
 * Run by ./postbuild.ts.
 */
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

/** The entry's file name inside the standalone folder (beside Next's server.js). */
export const SERVER_ENTRY = "pooldeck-server.mjs";

const REPO = fileURLToPath(new URL("../..", import.meta.url));

/** Writes <dist>/standalone/pooldeck-server.mjs. */
export async function buildServerEntry(dist: string): Promise<string> {
  const outfile = join(dist, "standalone", SERVER_ENTRY);
  await build({
    absWorkingDir: REPO,
    entryPoints: ["server/main.ts"],
    outfile,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    define: { "process.env.POOLDECK_BUILD_DIST_DIR": JSON.stringify(dist) },
    logLevel: "warning",
  });
  return outfile;
}
