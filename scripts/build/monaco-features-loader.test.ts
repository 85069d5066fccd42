/**
 * The loader on monaco-editor's own files (the installed version): the JSON language and the worker
 * glue keep only the imports that bind names, and nothing else of the package changes.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";

const require = createRequire(import.meta.url);
const strip = require("./monaco-features-loader.cjs") as (source: string) => string;
const monaco = (path: string) =>
  readFileSync(require.resolve(`monaco-editor/esm/vs/${path}`), "utf8");
const imports = (source: string) => source.split("\n").filter((l) => l.startsWith("import "));

describe("monaco-features-loader", () => {
  it("leaves the JSON language only the imports it binds names from", () => {
    expect(imports(strip(monaco("language/json/monaco.contribution.js")))).toEqual([
      "import { languages, Emitter } from '../../editor/editor.api2.js';",
    ]);
    expect(imports(strip(monaco("common/workers.js")))).toEqual([
      "import { editor } from '../editor/editor.api2.js';",
    ]);
    expect(imports(strip(monaco("language/json/jsonMode.js")))).toHaveLength(4);
  });

  it("drops nothing but those imports", () => {
    const source = monaco("language/json/monaco.contribution.js");
    const kept = strip(source);
    const dropped = imports(source).filter((l) => !kept.includes(l));
    expect(dropped.length).toBeGreaterThan(60);
    expect(dropped.every((l) => /^import '[^']+';$/.test(l))).toBe(true);
    expect(source.replace(/^import '[^']+';\n/gm, "")).toBe(kept);
  });
});
