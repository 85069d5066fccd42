/**
 * Builds the installable `pooldeck` package in dist/cli: cli/main.ts and the lib/ code it reaches,
 * bundled by esbuild into plain ESM (no tsx or TypeScript at run time). `npm run pack:cli` builds
 * it and runs `npm pack` on it.
 *
 * The bundle starts at the entry and follows its imports, so a new command module under cli/ is
 * included as soon as main.ts imports it. The AWS SDK stays external: the package depends on the
 * clients it imports, at the versions the repository's package.json names (read from the build's
 * metafile, so the list cannot drift from the code). Everything else (zod, @cfworker/json-schema, jsonc-parser, …)
 * is bundled.
 *
 * Code splitting keeps the bundle's dynamic imports lazy: one bundled file would load the AWS SDK
 * (an ESM bundle hoists external imports) and the whole check engine before printing `--help`.
 * The entry is dist/cli/pooldeck.mjs; the commands' code lies in dist/cli/chunks/.
 */
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { builtinModules } from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const REPO = fileURLToPath(new URL("../..", import.meta.url));
/** The package folder `npm pack` packs. */
export const CLI_PACKAGE_DIR = join(REPO, "dist", "cli");
/**
 * Packages left out of the bundle; the packed package depends on those it imports. libsql (the
 * audit store's embedded SQLite) is a native module, which no bundle can hold.
 */
const EXTERNAL = ["@aws-sdk/*", "libsql", "pg-native"];
/** Externals that are only loaded on request and are not dependencies (pg's native binding). */
const OPTIONAL = new Set(["pg-native"]);
/**
 * Native externals become optional peer dependencies, not dependencies: libsql brings a ~9 MB
 * binary for the platform, and check / render never load it. A runner that records audit entries
 * in the embedded SQLite store installs it beside pooldeck.
 */
const NATIVE = new Set(["libsql"]);

interface RootManifest {
  name: string;
  version: string;
  engines: Record<string, string>;
  dependencies: Record<string, string>;
}

/** The package name of an import specifier ("@aws-sdk/client-ecs/x" → "@aws-sdk/client-ecs"). */
function packageOf(specifier: string): string {
  const parts = specifier.split("/");
  return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : (parts[0] ?? specifier);
}

/** Bundles the CLI into dist/cli and writes its package.json; returns the package folder. */
export async function buildCli(): Promise<string> {
  rmSync(CLI_PACKAGE_DIR, { recursive: true, force: true });
  const result = await build({
    absWorkingDir: REPO,
    entryPoints: { pooldeck: "cli/main.ts" },
    outdir: CLI_PACKAGE_DIR,
    outExtension: { ".js": ".mjs" },
    chunkNames: "chunks/[name]-[hash]",
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    // `server-only` is empty under react-server, as in the server bundle (cli/bin.mjs does the same)
    conditions: ["react-server"],
    // ESM builds first: jsonc-parser's UMD build requires its own files at run time
    mainFields: ["module", "main"],
    external: EXTERNAL,
    metafile: true,
    legalComments: "none",
    logLevel: "warning",
    banner: {
      js: [
        "#!/usr/bin/env node",
        // CommonJS packages in the bundle (pg) require Node's built-ins; ESM has no `require`
        'import { createRequire as __pooldeckRequire } from "node:module";',
        "const require = __pooldeckRequire(import.meta.url);",
        // the AWS SDK warns about Node 20 on every start: noise on stderr, where CI reads reasons
        'process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";',
      ].join("\n"),
    },
  });

  const root = JSON.parse(readFileSync(join(REPO, "package.json"), "utf8")) as RootManifest;
  const builtins = new Set(builtinModules);
  const externals = new Set<string>();
  for (const input of Object.values(result.metafile.inputs)) {
    for (const imported of input.imports) {
      // "<runtime>" is esbuild's own helper module, not a package
      if (!imported.external || imported.path.startsWith("node:") || imported.path === "<runtime>")
        continue;
      if (builtins.has(imported.path.split("/")[0] ?? "")) continue;
      if (!OPTIONAL.has(packageOf(imported.path))) externals.add(packageOf(imported.path));
    }
  }
  const dependencies: Record<string, string> = {};
  const peerDependencies: Record<string, string> = {};
  for (const name of [...externals].sort()) {
    const range = root.dependencies[name];
    if (!range) {
      throw new Error(
        `the CLI imports ${name}, which is not among package.json's dependencies: add it there`,
      );
    }
    if (NATIVE.has(name)) peerDependencies[name] = range;
    else dependencies[name] = range;
  }
  const peers = Object.keys(peerDependencies);
  const manifest = {
    name: root.name,
    version: root.version,
    description: "The pooldeck command line: check Prefect ECS work pool templates in CI",
    type: "module",
    bin: { pooldeck: "pooldeck.mjs" },
    files: ["pooldeck.mjs", "chunks/"],
    engines: root.engines,
    dependencies,
    ...(peers.length > 0
      ? {
          peerDependencies,
          peerDependenciesMeta: Object.fromEntries(peers.map((p) => [p, { optional: true }])),
        }
      : {}),
  };
  writeFileSync(join(CLI_PACKAGE_DIR, "package.json"), JSON.stringify(manifest, null, 2) + "\n");
  return CLI_PACKAGE_DIR;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = await buildCli();
  process.stdout.write(`pooldeck CLI package built in ${dir}\n`);
}
