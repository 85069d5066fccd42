import { describe, expect, it } from "vitest";
import { asyncLoaderGroups, classifyRouteChunks } from "./route-chunks";

// shapes copied from Turbopack's production output: an async loader is a list of chunk paths
const pageChunk =
  'e.v(t=>Promise.all(["static/chunks/ed.js","static/chunks/react-monaco.js","static/chunks/monaco-core.js","static/chunks/a.css"].map(t=>e.l(t))).then(()=>t(1)))},' +
  '7,e=>{e.v(t=>Promise.all(["static/chunks/dialog.js", "static/chunks/shared.js"].map(t=>e.l(t))).then(()=>t(2)))}' +
  ',9,e=>{e.v(t=>Promise.all(["static/chunks/only.css"].map(t=>e.l(t))))}';
const texts: Record<string, string> = {
  "static/chunks/runtime.js": "runtime",
  "static/chunks/react.js": "react-dom",
  "static/chunks/layout.js": "nav",
  "static/chunks/page.js": pageChunk,
  "static/chunks/shared.js": "used by the page and by the dialog",
  "static/chunks/ed.js": "window.MonacoEnvironment={getWorker(){}}",
  "static/chunks/react-monaco.js": "state-local",
  "static/chunks/monaco-core.js": 'e.className="monaco-editor"',
  "static/chunks/dialog.js": "radix dialog",
};

describe("asyncLoaderGroups", () => {
  it("finds every loader's JavaScript chunks and ignores CSS-only loaders", () => {
    expect(asyncLoaderGroups(pageChunk)).toEqual([
      ["static/chunks/ed.js", "static/chunks/react-monaco.js", "static/chunks/monaco-core.js"],
      ["static/chunks/dialog.js", "static/chunks/shared.js"],
    ]);
  });
});

describe("classifyRouteChunks", () => {
  const input = {
    rootMainFiles: ["static/chunks/runtime.js", "static/chunks/react.js"],
    entryJSFiles: [
      ["static/chunks/layout.js"],
      ["static/chunks/layout.js", "static/chunks/shared.js", "static/chunks/page.js"],
    ],
    read: (path: string) => texts[path],
  };

  it("lists the initial chunks once, root files first, then the layout's and page's entries", () => {
    expect(classifyRouteChunks(input).initial).toEqual([
      "static/chunks/runtime.js",
      "static/chunks/react.js",
      "static/chunks/layout.js",
      "static/chunks/shared.js",
      "static/chunks/page.js",
    ]);
  });

  it("marks a lazy group Monaco's when one of its chunks holds Monaco code, and drops initial chunks from groups", () => {
    const result = classifyRouteChunks(input);
    expect(result.lazyGroups).toEqual([
      {
        chunks: [
          "static/chunks/ed.js",
          "static/chunks/react-monaco.js",
          "static/chunks/monaco-core.js",
        ],
        monaco: true,
      },
      { chunks: ["static/chunks/dialog.js"], monaco: false },
    ]);
    expect(result.monacoInInitial).toEqual([]);
  });

  it("names an initial chunk that carries Monaco code", () => {
    const result = classifyRouteChunks({
      ...input,
      rootMainFiles: [...input.rootMainFiles, "static/chunks/monaco-core.js"],
    });
    expect(result.monacoInInitial).toEqual(["static/chunks/monaco-core.js"]);
    // the group no longer counts the chunk that is already loaded
    expect(result.lazyGroups[0]?.chunks).toEqual([
      "static/chunks/ed.js",
      "static/chunks/react-monaco.js",
    ]);
  });
});
