/**
 * The editor parses its text once per edit: useTemplateDocument parses it (parseEditorDocument),
 * both modes' checks take that parse (checkParsed, as useChecks calls it), and Monaco's markers
 * take its jsonc tree (markerRanges, as JsonEditor calls it). This walks one edit through those
 * same calls and counts how often the edited text reaches a parser.
 */
import * as jsonc from "jsonc-parser";
import { afterEach, describe, expect, it, vi } from "vitest";
import { MAX_DOCUMENT_CHARS } from "@/lib/outcome/types";
import { checkParsed } from "@/lib/checks/run-checks";
import { markerRanges, parseEditorDocument } from "@/lib/template/editing/editor-document";
import defaultTemplate from "@/lib/template/fixtures/prefect-ecs-default.json";

vi.mock("jsonc-parser", async (importOriginal) => {
  const actual = await importOriginal<typeof jsonc>();
  // the real parser, watched: every call goes through to it
  return { ...actual, parseTree: vi.fn(actual.parseTree) };
});

/** One edit as the editor handles it: parse, check in both modes, place the markers. */
function oneEdit(text: string) {
  const document = parseEditorDocument(text, MAX_DOCUMENT_CHARS);
  const current = checkParsed(document.parsed, { mode: "hybrid" });
  const other = checkParsed(document.parsed, { mode: "push" });
  const markers = markerRanges(document, current.diagnostics);
  return { current, other, markers };
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

    const { current, markers } = oneEdit(text);

    expect(current.diagnostics.map((d) => d.rule)).toContain("ecs/strategy-out-of-range");
    expect(markers.map((m) => m.diagnostic.rule)).toContain("ecs/strategy-out-of-range");
    expect(jsonParse.mock.calls.filter(([arg]) => arg === text)).toHaveLength(1);
    expect(treeParse.mock.calls.filter(([arg]) => arg === text)).toHaveLength(1);
  });

  it("does not parse invalid JSON again to say where it broke", () => {
    const text = '{"job_configuration": {}, "variables": }';
    const jsonParse = vi.spyOn(JSON, "parse");
    const treeParse = vi.mocked(jsonc.parseTree);
    treeParse.mockClear();

    const { current, other, markers } = oneEdit(text);

    expect(current.diagnostics.map((d) => d.message)).toEqual([
      "The template is not valid JSON: expected a value at line 1, column 40. Nothing else can be checked until it parses.",
    ]);
    expect(other.diagnostics).toEqual(current.diagnostics);
    expect(markers).toEqual([]);
    expect(jsonParse.mock.calls.filter(([arg]) => arg === text)).toHaveLength(1);
    expect(treeParse.mock.calls.filter(([arg]) => arg === text)).toHaveLength(0);
  });
});
