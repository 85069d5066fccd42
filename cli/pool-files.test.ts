/** The pool files' format (normalised text) and the input apply refuses before reading Prefect. */
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

import { fileText, loadPoolFiles } from "./pool-files";

const template = { job_configuration: { cluster: "{{ cluster }}" }, variables: { type: "object" } };
const pool = (name: string) => ({
  name,
  type: "ecs",
  base_job_template: template,
  "x-pooldeck": {
    kind: "work-pool",
    updated: "2026-01-02T03:04:05.000000Z",
    hash: "ab".repeat(32),
  },
});
let dir = "";
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "pooldeck-files-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("fileText", () => {
  it("sorts keys at every depth but keeps a schema's properties in their order", () => {
    const text = fileText({
      z: 1,
      a: {
        y: [{ b: 2, a: 1 }],
        properties: { memory: { type: "integer" }, cpu: { title: "CPU", type: "integer" } },
      },
    });
    expect(text).toBe(
      [
        "{",
        '  "a": {',
        '    "properties": {',
        '      "memory": {',
        '        "type": "integer"',
        "      },",
        '      "cpu": {',
        '        "title": "CPU",',
        '        "type": "integer"',
        "      }",
        "    },",
        '    "y": [',
        "      {",
        '        "a": 1,',
        '        "b": 2',
        "      }",
        "    ]",
        "  },",
        '  "z": 1',
        "}",
        "",
      ].join("\n"),
    );
  });
});

describe("loadPoolFiles", () => {
  it("reads every *.pool.json of a directory with its deployments", async () => {
    await writeFile(join(dir, "etl.pool.json"), JSON.stringify(pool("etl")));
    await writeFile(join(dir, "notes.json"), "{}");
    await mkdir(join(dir, "etl.deployments"));
    await writeFile(
      join(dir, "etl.deployments", "flow--nightly.json"),
      JSON.stringify({
        pool: "etl",
        flow: "flow",
        deployment: "nightly",
        job_variables: { cpu: 512 },
      }),
    );
    const [file, ...rest] = await loadPoolFiles(dir);
    expect(rest).toEqual([]);
    expect(file).toEqual({
      path: join(dir, "etl.pool.json"),
      name: "etl",
      fields: { type: "ecs", base_job_template: template },
      recorded: { updated: "2026-01-02T03:04:05.000000Z", hash: "ab".repeat(32) },
      deployments: [
        {
          path: join(dir, "etl.deployments", "flow--nightly.json"),
          flow: "flow",
          deployment: "nightly",
          jobVariables: { cpu: 512 },
          recorded: null,
        },
      ],
    });
  });

  it("refuses two files for one pool, naming both", async () => {
    await writeFile(join(dir, "a.pool.json"), JSON.stringify(pool("etl")));
    await writeFile(join(dir, "b.pool.json"), JSON.stringify(pool("etl")));
    await expect(loadPoolFiles(dir)).rejects.toThrow(
      `two files for pool etl in ${dir}: ${join(dir, "a.pool.json")} and ${join(dir, "b.pool.json")}`,
    );
  });

  it("refuses two files for one deployment", async () => {
    await writeFile(join(dir, "etl.pool.json"), JSON.stringify(pool("etl")));
    await mkdir(join(dir, "etl.deployments"));
    const d = JSON.stringify({ pool: "etl", flow: "f", deployment: "d", job_variables: {} });
    await writeFile(join(dir, "etl.deployments", "1.json"), d);
    await writeFile(join(dir, "etl.deployments", "2.json"), d);
    await expect(loadPoolFiles(dir)).rejects.toThrow(
      `two files for deployment f/d of pool etl: ${join(dir, "etl.deployments", "1.json")} and ${join(dir, "etl.deployments", "2.json")}`,
    );
  });

  it("refuses a file that is neither a pool nor a template, a bare template, and an empty directory", async () => {
    const neither = join(dir, "x.json");
    await writeFile(neither, JSON.stringify([1, 2]));
    await expect(loadPoolFiles(neither)).rejects.toThrow(
      `${neither} is neither a work pool nor a base job template: not a JSON object`,
    );
    await writeFile(neither, JSON.stringify(template));
    await expect(loadPoolFiles(neither)).rejects.toThrow(`${neither} is a bare base job template`);
    await expect(loadPoolFiles(dir)).rejects.toThrow(`${dir} holds no *.pool.json file`);
    await writeFile(neither, JSON.stringify({ ...pool("etl"), concurrency_limit: -1 }));
    await expect(loadPoolFiles(neither)).rejects.toThrow(
      `${neither}: "concurrency_limit" must be a whole number ≥ 0 or null`,
    );
  });
});
