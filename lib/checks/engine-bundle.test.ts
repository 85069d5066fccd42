/**
 * The check engine is a lazy chunk of the editor's page, loaded and evaluated in the browser. A
 * value import of a module that holds schemas (lib/snapshot/schema.ts) once pulled all of zod into
 * it — 454 of its 587 kB minified, ~50 ms to evaluate on the pool page. Its packages are pinned:
 * a new one is a decision, not an accident.
 */
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";

const REPO = fileURLToPath(new URL("../..", import.meta.url));

function packageOf(input: string): string {
  const path = input.split("node_modules/").at(-1) ?? "";
  const [scope, name] = path.split("/");
  return scope?.startsWith("@") ? `${scope}/${name}` : (scope ?? "");
}

describe("the check engine's bundle", () => {
  it("holds only the engine's own packages, and no zod", async () => {
    const result = await build({
      absWorkingDir: REPO,
      entryPoints: ["lib/checks/run-checks.ts"],
      bundle: true,
      write: false,
      metafile: true,
      platform: "browser",
      format: "esm",
      logLevel: "silent",
    });
    const packages = new Set(
      Object.keys(result.metafile.inputs)
        .filter((input) => input.includes("node_modules/"))
        .map(packageOf),
    );
    expect([...packages].sort()).toEqual(["@cfworker/json-schema", "ajv", "jsonc-parser"]);
  });
});
