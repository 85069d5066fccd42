import { runInNewContext } from "node:vm";

import { describe, expect, it } from "vitest";

import { eagerFactories } from "./eager-factories";

/** A chunk as Turbopack writes one: the script, then module ids, each list closed by its factory. */
const CHUNK =
  '(globalThis.TURBOPACK||(globalThis.TURBOPACK=[])).push(["object"==typeof document?document.currentScript:void 0,' +
  "101,102,e=>{e.v(function inner(){return(()=>1)()})}," +
  "103,function(e,t){t.x=[1,2].map(n=>n*2)}," +
  "104,(e=>{e.already=!0})])";

/** What the chunk pushes, run as the browser would: ids as they are, factories as their text. */
function pushed(source: string): unknown[] {
  const sandbox: { TURBOPACK?: unknown[][] } = {};
  runInNewContext(`globalThis.TURBOPACK = []; ${source}`, sandbox);
  return sandbox.TURBOPACK![0]!.map((item) =>
    typeof item === "function" ? `factory: ${String(item)}` : item,
  );
}

describe("eagerFactories", () => {
  it("puts each module factory of the pushed list in parentheses, and nothing else", () => {
    const eager = eagerFactories(CHUNK);
    expect(eager?.factories).toBe(2);
    expect(eager?.source).toBe(
      '(globalThis.TURBOPACK||(globalThis.TURBOPACK=[])).push(["object"==typeof document?document.currentScript:void 0,' +
        "101,102,(e=>{e.v(function inner(){return(()=>1)()})})," +
        "103,(function(e,t){t.x=[1,2].map(n=>n*2)})," +
        "104,(e=>{e.already=!0})])",
    );
  });

  it("pushes the same ids and the same factories", () => {
    const before = pushed(CHUNK);
    expect(pushed(eagerFactories(CHUNK)!.source)).toEqual(before);
    expect(before).toEqual([
      undefined,
      101,
      102,
      "factory: e=>{e.v(function inner(){return(()=>1)()})}",
      103,
      "factory: function(e,t){t.x=[1,2].map(n=>n*2)}",
      104,
      "factory: e=>{e.already=!0}",
    ]);
  });

  it("changes nothing more when applied twice", () => {
    const once = eagerFactories(CHUNK)!.source;
    expect(eagerFactories(once)).toEqual({ source: once, factories: 0 });
  });

  it.each([
    ["a script of another form", "self.onmessage=e=>postMessage(e.data);"],
    ["two statements", "a.push([1,e=>e]);b.push([2,e=>e]);"],
    ["a call that is not push", "a.concat([1,e=>e])"],
    ["not JavaScript", "push([1, e=>"],
  ])("leaves %s alone", (_what, source) => {
    expect(eagerFactories(source)).toBeUndefined();
  });
});
