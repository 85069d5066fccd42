import { describe, expect, it } from "vitest";
import { shlexSplit, slugifyTag } from "./python-text";

describe("shlexSplit (shlex.split, posix)", () => {
  it("splits on whitespace and honours quotes and escapes", () => {
    expect(shlexSplit(`python -m app --name 'a b' "c \\" d" e\\ f ""`)).toEqual([
      "python",
      "-m",
      "app",
      "--name",
      "a b",
      'c " d',
      "e f",
      "",
    ]);
    expect(shlexSplit(`a "x\\y" \\z`)).toEqual(["a", "x\\y", "z"]);
    expect(shlexSplit("  prefect flow-run execute  ")).toEqual(["prefect", "flow-run", "execute"]);
    expect(shlexSplit("")).toEqual([]);
  });

  it("raises like Python on an unclosed quote or a trailing backslash", () => {
    expect(() => shlexSplit("echo 'open")).toThrow("No closing quotation");
    expect(() => shlexSplit("echo \\")).toThrow("No escaped character");
  });
});

describe("slugifyTag (python-slugify with the worker's tag arguments)", () => {
  it.each([
    ["data eng!", "data-eng"],
    ["r&amp;d", "r-d"],
    ["it's", "it-s"],
    ["1,000", "1000"],
    ["a  b--c", "a-b-c"],
    ["&#65;&#x42;", "AB"],
    ["ﬁle", "file"],
    ["--x--", "x"],
    ["prefect.io/flow-run-id", "prefect.io/flow-run-id"],
    ["café/é", "caf-/"],
    ["2026-01-02T03:04:05+00:00", "2026-01-02T03:04:05+00:00"],
  ])("%s → %s", (input, expected) => {
    expect(slugifyTag(input)).toBe(expected);
  });
});
