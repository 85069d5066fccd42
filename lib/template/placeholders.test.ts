import { describe, expect, it } from "vitest";
import {
  findPlaceholders,
  placeholderKind,
  placeholderRoot,
  placeholdersInString,
  replacePlaceholders,
} from "./placeholders";

describe("findPlaceholders", () => {
  it("reports every placeholder with the pointer of its string and whether it is the whole value", () => {
    expect(
      findPlaceholders({
        task_run_request: { launchType: "{{ launch_type }}", "a/b": ["x-{{ image }}:{{tag}}"] },
        n: 1,
      }),
    ).toEqual([
      {
        name: "launch_type",
        raw: "{{ launch_type }}",
        kind: "variable",
        pointer: "/job_configuration/task_run_request/launchType",
        whole: true,
        document: "template",
      },
      {
        name: "image",
        raw: "{{ image }}",
        kind: "variable",
        pointer: "/job_configuration/task_run_request/a~1b/0",
        whole: false,
        document: "template",
      },
      {
        name: "tag",
        raw: "{{tag}}",
        kind: "variable",
        pointer: "/job_configuration/task_run_request/a~1b/0",
        whole: false,
        document: "template",
      },
    ]);
  });

  it("uses the given base pointer", () => {
    expect(findPlaceholders(["{{ a }}"], "")[0]?.pointer).toBe("/0");
  });
});

describe("placeholdersInString", () => {
  it("matches Prefect's regex, including Unicode names and whitespace", () => {
    expect(
      placeholdersInString("{{ café }} {{\u3000x\u3000}} {{ a b }} {{ }} {{ a.b[0] }}").map(
        (p) => p.name,
      ),
    ).toEqual(["café", "x", "a.b[0]"]);
  });

  it("lists a repeated placeholder once", () => {
    expect(placeholdersInString("{{ a }}-{{ a }}-{{a}}").map((p) => p.raw)).toEqual([
      "{{ a }}",
      "{{a}}",
    ]);
  });
});

describe("replacePlaceholders", () => {
  const values: Record<string, string> = { "{{ a }}": "A", "{{a}}": "{{ b }}", "{{ b }}": "B" };
  const replace = (text: string) => replacePlaceholders(text, (raw) => values[raw] ?? raw);

  it("replaces every occurrence in one pass over the original text", () => {
    // an inserted value that looks like a placeholder stays as inserted, as with re.sub
    expect(replace("x{{ a }}y{{ a }}{{a}}z")).toBe("xAyA{{ b }}z");
    expect(replace("{{ b }}")).toBe("B");
    expect(replace("no placeholder, {{ not one }}")).toBe("no placeholder, {{ not one }}");
  });

  it("gives the same answer for a string it has seen before", () => {
    const text = "prefix-{{ a }}-{{ b }}-suffix";
    expect(replace(text)).toBe("prefix-A-B-suffix");
    expect(replace(text)).toBe("prefix-A-B-suffix");
    expect(placeholdersInString(text).map((p) => p.name)).toEqual(["a", "b"]);
    expect(placeholdersInString(text).map((p) => p.name)).toEqual(["a", "b"]);
  });
});

describe("placeholderKind / placeholderRoot", () => {
  it("classifies like determine_placeholder_type", () => {
    expect(placeholderKind("prefect.blocks.secret.x")).toBe("block");
    expect(placeholderKind("prefect.variables.x")).toBe("prefect-variable");
    expect(placeholderKind("$HOME")).toBe("env");
    expect(placeholderKind("image")).toBe("variable");
  });

  it("names the top-level variable a path reads", () => {
    expect(placeholderRoot("a.b[0]")).toBe("a");
    expect(placeholderRoot("l[1]")).toBe("l");
  });
});
