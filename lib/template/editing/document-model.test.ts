import { describe, expect, it } from "vitest";
import {
  applyEdits,
  applyOps,
  minimalEdit,
  offsetToLineColumn,
  planOps,
  pointerRange,
  setValueEdits,
} from "./document-model";

const doc = `{
  "job_configuration": {
    "task_run_request": {
      "launchType": "EC2",
      "capacityProviderStrategy": [{ "capacityProvider": "a", "weight": 1 }]
    }
  },
  "variables": { "properties": { "a/b": { "type": "string" } } }
}`;

describe("pointerRange", () => {
  it("covers the key and value of a property", () => {
    const r = pointerRange(doc, "/job_configuration/task_run_request/launchType");
    expect(r && doc.slice(r.offset, r.offset + r.length)).toBe('"launchType": "EC2"');
    expect(r?.exact).toBe(true);
  });
  it("addresses array items by index and unescapes ~1", () => {
    const r = pointerRange(
      doc,
      "/job_configuration/task_run_request/capacityProviderStrategy/0/weight",
    );
    expect(r && doc.slice(r.offset, r.offset + r.length)).toBe('"weight": 1');
    const s = pointerRange(doc, "/variables/properties/a~1b");
    expect(s && doc.slice(s.offset, s.offset + s.length)).toBe('"a/b": { "type": "string" }');
  });
  it("falls back to the nearest existing ancestor", () => {
    const r = pointerRange(doc, "/job_configuration/task_run_request/cluster");
    expect(r?.exact).toBe(false);
    expect(r && doc.slice(r.offset, r.offset + 18)).toBe('"task_run_request"');
  });
  it("returns undefined for text that is not JSON at all", () => {
    expect(pointerRange("", "/a")).toBeUndefined();
  });
});

describe("edits", () => {
  it("replaces one value and leaves the rest of the text byte for byte", () => {
    const edits = setValueEdits(doc, "/job_configuration/task_run_request/launchType", "FARGATE");
    expect(applyEdits(doc, edits)).toBe(doc.replace('"EC2"', '"FARGATE"'));
  });
  it("removes a property with its comma", () => {
    const out = applyOps(doc, [
      { op: "remove", path: "/job_configuration/task_run_request/launchType" },
    ]);
    expect(JSON.parse(out).job_configuration.task_run_request).toEqual({
      capacityProviderStrategy: [{ capacityProvider: "a", weight: 1 }],
    });
  });
  it("removing something absent changes nothing", () => {
    expect(planOps(doc, [{ op: "remove", path: "/nope/x" }]).batches).toEqual([]);
  });
  it("creates missing parents and appends to arrays with -", () => {
    const out = applyOps(doc, [
      { op: "add", path: "/variables/properties/cpu", value: { type: "integer", default: 1024 } },
      {
        op: "add",
        path: "/job_configuration/task_run_request/capacityProviderStrategy/-",
        value: { capacityProvider: "b", weight: 2 },
      },
    ]);
    const parsed = JSON.parse(out);
    expect(parsed.variables.properties.cpu).toEqual({ type: "integer", default: 1024 });
    expect(parsed.job_configuration.task_run_request.capacityProviderStrategy).toEqual([
      { capacityProvider: "a", weight: 1 },
      { capacityProvider: "b", weight: 2 },
    ]);
  });
  it("inserts into an array at an index with add", () => {
    const out = applyOps(doc, [
      {
        op: "add",
        path: "/job_configuration/task_run_request/capacityProviderStrategy/0",
        value: { capacityProvider: "z" },
      },
    ]);
    expect(JSON.parse(out).job_configuration.task_run_request.capacityProviderStrategy[0]).toEqual({
      capacityProvider: "z",
    });
    expect(
      JSON.parse(out).job_configuration.task_run_request.capacityProviderStrategy,
    ).toHaveLength(2);
  });
});

describe("offsetToLineColumn", () => {
  it("counts from 1", () => {
    expect(offsetToLineColumn("ab\ncd", 4)).toEqual({ line: 2, column: 2 });
    expect(offsetToLineColumn("ab", 0)).toEqual({ line: 1, column: 1 });
  });
});

describe("minimalEdit", () => {
  it("keeps the common prefix and suffix", () => {
    expect(minimalEdit('{"a": 1, "b": 2}', '{"a": 10, "b": 2}')).toEqual({
      offset: 7,
      length: 0,
      content: "0",
    });
    expect(minimalEdit("abc", "abc")).toBeUndefined();
    expect(minimalEdit("aXa", "aa")).toEqual({ offset: 1, length: 1, content: "" });
  });
  it("round-trips through applyEdits", () => {
    const after = applyOps(doc, [
      { op: "remove", path: "/job_configuration/task_run_request/launchType" },
    ]);
    const edit = minimalEdit(doc, after);
    expect(edit && applyEdits(doc, [edit])).toBe(after);
  });
});
