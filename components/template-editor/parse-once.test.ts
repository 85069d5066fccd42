/**
 * The editor parses its text once per edit: useTemplateDocument parses it (parseEditorDocument),
 * both modes' checks take that parse (checkParsed, as useChecks calls it), and Monaco's markers
 * and the quick fixes take its jsonc tree (markerRanges and findQuickFixes, as JsonEditor and the
 * code action provider call them). This walks one edit through those same calls and counts how
 * often the edited text reaches a parser.
 */
import * as jsonc from "jsonc-parser";
import { afterEach, describe, expect, it, vi } from "vitest";
import { MAX_DOCUMENT_CHARS } from "@/lib/outcome/types";
import { checkParsed } from "@/lib/checks/run-checks";
import { markerRanges, parseEditorDocument } from "@/lib/template/editing/editor-document";
import defaultTemplate from "@/lib/template/fixtures/prefect-ecs-default.json";
import { findQuickFixes, publishDiagnostics } from "./quick-fixes";

vi.mock("jsonc-parser", async (importOriginal) => {
  const actual = await importOriginal<typeof jsonc>();
  // the real parser, watched: every call goes through to it
  return { ...actual, parse: vi.fn(actual.parse), parseTree: vi.fn(actual.parseTree) };
});

const MODEL = "pooldeck://template/parse-once.json";

/**
 * One edit as the editor handles it: parse, check in both modes, place the markers, publish the
 * diagnostics for the quick fixes and let Monaco ask for the fixes at the top of the document.
 */
function oneEdit(text: string) {
  const document = parseEditorDocument(text, MAX_DOCUMENT_CHARS);
  const current = checkParsed(document.parsed, { mode: "hybrid" });
  const other = checkParsed(document.parsed, { mode: "push" });
  const markers = markerRanges(document, current.diagnostics);
  publishDiagnostics(MODEL, current.diagnostics, document);
  const top = { startLineNumber: 1, startColumn: 1, endLineNumber: 1, endColumn: 1 };
  const fixes = findQuickFixes(MODEL, top, text);
  return { current, other, markers, fixes };
}

afterEach(() => vi.restoreAllMocks());

describe("one parse per edit", () => {
  it("parses an edited template once as JSON and once as a jsonc tree", () => {
    // an edit that leaves a problem with a place in the text: weight 5000 is over ECS's 1000
    const template = structuredClone(defaultTemplate) as Record<string, unknown>;
    const config = template.job_configuration as Record<string, Record<string, unknown>>;
    config.task_run_request!.capacityProviderStrategy = [
      { capacityProvider: "FARGATE", weight: 5000 },
    ];
    const text = JSON.stringify(template, null, 2);
    const jsonParse = vi.spyOn(JSON, "parse");
    const treeParse = vi.mocked(jsonc.parseTree);
    treeParse.mockClear();

    const { current, markers, fixes } = oneEdit(text);

    expect(current.diagnostics.map((d) => d.rule)).toContain("ecs/strategy-out-of-range");
    // fixable diagnostics are placed with the editor's tree; none sits at the top of the document
    expect(current.diagnostics.filter((d) => d.fix).length).toBeGreaterThan(0);
    expect(fixes).toEqual([]);
    expect(markers.map((m) => m.diagnostic.rule)).toContain("ecs/strategy-out-of-range");
    expect(jsonParse.mock.calls.filter(([arg]) => arg === text)).toHaveLength(1);
    expect(treeParse.mock.calls.filter(([arg]) => arg === text)).toHaveLength(1);
  });

  it("finds where invalid JSON broke once, and does not parse it again", () => {
    const text = '{"job_configuration": {}, "variables": }';
    const jsonParse = vi.spyOn(JSON, "parse");
    const valueParse = vi.mocked(jsonc.parse);
    const treeParse = vi.mocked(jsonc.parseTree);
    valueParse.mockClear();
    treeParse.mockClear();

    const { current, other, markers } = oneEdit(text);

    expect(current.diagnostics.map((d) => d.message)).toEqual([
      "The template is not valid JSON: expected a value at line 1, column 40. Nothing else can be checked until it parses.",
    ]);
    expect(other.diagnostics).toEqual(current.diagnostics);
    expect(markers).toEqual([]);
    expect(jsonParse.mock.calls.filter(([arg]) => arg === text)).toHaveLength(1);
    // one jsonc parse, by parseEditorDocument, for the error's position; no tree for the markers
    const jsoncParses = [...valueParse.mock.calls, ...treeParse.mock.calls];
    expect(jsoncParses.filter(([arg]) => arg === text)).toHaveLength(1);
  });
});
