/**
 * Has V8 compile a Turbopack chunk's module factories while the chunk downloads instead of on the
 * page's main thread when they first run: each factory in the chunk's `push([...])` list gets
 * parentheses, which V8 reads as "called soon" and compiles eagerly on its streaming thread.
 *
 * Applied to Monaco's chunks only (scripts/build/monaco-chunks.ts). Turbopack hoists Monaco's
 * modules into a few factories, each the top level of hundreds of modules; compiled lazily, they
 * took ~300 ms of the pool page's main thread when the editor pane first imported Monaco. Only
 * the factories change: the functions inside them are still compiled when first called (marking
 * the whole file with V8's `allFunctionsCalledOnLoad` compiled everything eagerly, ~1 s of
 * background work on 2 cores, and slowed the form; BENCHMARKS.md, "Monaco's factories").
 */
import { parse, type Node } from "acorn";

/** What acorn gives for the nodes read here (its Node type carries no fields of its own). */
interface AnyNode extends Node {
  expression?: AnyNode;
  callee?: AnyNode;
  property?: AnyNode & { name?: string };
  arguments?: AnyNode[];
  elements?: (AnyNode | null)[];
  body?: AnyNode[] | AnyNode;
}

/** The chunk's `push([...])` array, or undefined when the chunk is not of that form. */
function pushedArray(program: AnyNode): AnyNode | undefined {
  const body = Array.isArray(program.body) ? program.body : [];
  if (body.length !== 1) return undefined;
  const call = body[0]?.expression;
  if (call?.type !== "CallExpression" || call.callee?.type !== "MemberExpression") return undefined;
  if (call.callee.property?.name !== "push") return undefined;
  const array = call.arguments?.[0];
  return array?.type === "ArrayExpression" ? array : undefined;
}

/**
 * The chunk with each module factory parenthesized, and how many; undefined when the source is
 * not a Turbopack chunk as this reads it (it is then left as it is). Factories already in
 * parentheses are left alone, so applying it twice changes nothing more.
 */
export function eagerFactories(source: string): { source: string; factories: number } | undefined {
  let program: AnyNode;
  try {
    program = parse(source, {
      ecmaVersion: "latest",
      sourceType: "script",
      preserveParens: true,
    }) as AnyNode;
  } catch {
    return undefined;
  }
  const array = pushedArray(program);
  if (!array) return undefined;
  const factories = (array.elements ?? []).filter(
    (el): el is AnyNode =>
      el?.type === "ArrowFunctionExpression" || el?.type === "FunctionExpression",
  );
  let out = "";
  let at = 0;
  for (const factory of factories) {
    out += `${source.slice(at, factory.start)}(${source.slice(factory.start, factory.end)})`;
    at = factory.end;
  }
  return { source: out + source.slice(at), factories: factories.length };
}
