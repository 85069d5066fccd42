/**
 * Work pools against the real Prefect server of the local stack (bash scripts/stack.sh start).
 * Every pool is named with a per-run prefix and deleted afterwards.
 */
import { readFileSync } from "node:fs";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import ecsDefault from "@/lib/template/fixtures/prefect-ecs-default.json";

import { createPrefectClient } from "./client";
import { PrefectError } from "./errors";
import { validateWorkPoolName } from "./names";
import { getServerInfo } from "./server-info";
import {
  cleanUpByPrefix,
  inBatches,
  localPrefectUrl,
  localTestClient,
  uniquePrefix,
} from "@/testing/prefect";
import {
  createWorkPool,
  deleteWorkPool,
  getDefaultTemplates,
  listWorkPools,
  MAX_PAGE_SIZE,
  readWorkPool,
  updateWorkPool,
} from "./work-pools";

const client = localTestClient();
const prefix = uniquePrefix("pools");
const apiUrl = localPrefectUrl();

async function caught(p: Promise<unknown>): Promise<PrefectError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof PrefectError) return err;
    throw err;
  }
  throw new Error("expected a PrefectError, but the call succeeded");
}

const clone = <T>(v: T): T => structuredClone(v);

beforeAll(async () => {
  await cleanUpByPrefix(client, prefix);
});
afterAll(async () => {
  await cleanUpByPrefix(client, prefix);
});

describe("server info", () => {
  it("reports health and the version the generated types came from", async () => {
    const header = readFileSync(new URL("./openapi.d.ts", import.meta.url), "utf8").slice(0, 400);
    const generatedFrom = /Prefect server (\S+)/.exec(header)?.[1];
    expect(await getServerInfo(client)).toEqual({
      apiUrl,
      auth: "none",
      cloud: null,
      healthy: true,
      version: generatedFrom,
      problem: null,
    });
  });
});

describe("default templates", () => {
  it("serves the ecs template of prefect-aws, equal to the fixture the checks are built on", async () => {
    const templates = await getDefaultTemplates(client);
    expect(templates.ecs?.collection).toBe("prefect-aws");
    expect(templates.ecs?.baseJobTemplate).toEqual(ecsDefault);
  });
});

describe("work pool lifecycle", () => {
  const name = `${prefix}lifecycle`;

  it("creates, reads, updates and reads back exactly what was stored", async () => {
    const template = clone(ecsDefault);
    const created = await createWorkPool(client, {
      name,
      type: "ecs",
      base_job_template: template,
      description: "first",
    });
    expect(created).toMatchObject({
      name,
      type: "ecs",
      description: "first",
      is_paused: false,
      concurrency_limit: null,
    });
    expect(created.base_job_template).toEqual(template);

    const read = await readWorkPool(client, name);
    expect(read.id).toBe(created.id);
    expect(read.base_job_template).toEqual(template);

    const edited = clone(template) as {
      variables: { properties: Record<string, { default?: unknown }> };
    };
    edited.variables.properties.cpu!.default = 2048;
    edited.variables.properties.launch_type!.default = "EC2";
    await updateWorkPool(client, name, {
      base_job_template: edited,
      description: "second",
      concurrency_limit: 3,
    });

    const after = await readWorkPool(client, name);
    expect(after.base_job_template).toEqual(edited);
    expect(after).toMatchObject({ description: "second", concurrency_limit: 3, type: "ecs" });
    // no ETag in Prefect: `updated` is what shows a write happened
    expect(after.updated).not.toBe(read.updated);
  });

  it("stores a default that violates its own schema on PATCH, though create refuses it", async () => {
    const bad = {
      job_configuration: { cpu: "{{ cpu }}" },
      variables: { type: "object", properties: { cpu: { type: "integer", default: "lots" } } },
    };
    await updateWorkPool(client, name, { base_job_template: bad });
    expect((await readWorkPool(client, name)).base_job_template).toEqual(bad);

    const err = await caught(
      createWorkPool(client, { name: `${prefix}bad-default`, type: "ecs", base_job_template: bad }),
    );
    expect(err.kind).toBe("validation");
    expect(err.status).toBe(422);
    expect(err.message).toBe(
      `Could not create work pool "${prefix}bad-default": Prefect rejected the request: ` +
        "Validation failed for work pool's job variable defaults: Validation failed for field 'cpu'. " +
        "Failure reason: 'lots' is not valid under any of the given schemas (422)",
    );
  });

  it("pauses and sets the concurrency limit", async () => {
    await updateWorkPool(client, name, { is_paused: true, concurrency_limit: 0 });
    expect(await readWorkPool(client, name)).toMatchObject({
      is_paused: true,
      concurrency_limit: 0,
      status: "PAUSED",
    });
    await updateWorkPool(client, name, { is_paused: false, concurrency_limit: null });
    expect(await readWorkPool(client, name)).toMatchObject({
      is_paused: false,
      concurrency_limit: null,
    });
  });
});

describe("errors name the cause", () => {
  it("404 for an unknown pool", async () => {
    const err = await caught(readWorkPool(client, `${prefix}missing`));
    expect([err.kind, err.status, err.message]).toEqual([
      "not-found",
      404,
      `Could not read work pool "${prefix}missing": Work pool "${prefix}missing" not found. (404)`,
    ]);
    const patch = await caught(updateWorkPool(client, `${prefix}missing`, { description: "x" }));
    expect(patch.kind).toBe("not-found");
  });

  it("409 for a duplicate name", async () => {
    await createWorkPool(client, { name: `${prefix}dup`, type: "ecs" });
    const err = await caught(createWorkPool(client, { name: `${prefix}dup`, type: "ecs" }));
    expect([err.kind, err.status, err.message]).toEqual([
      "conflict",
      409,
      `Could not create work pool "${prefix}dup": A work pool with this name already exists. (409)`,
    ]);
  });

  it("403 for a reserved name, in any case", async () => {
    for (const reserved of ["prefect-x", "Prefect Managed"]) {
      const err = await caught(createWorkPool(client, { name: reserved, type: "ecs" }));
      expect([err.kind, err.status, err.message]).toEqual([
        "reserved-name",
        403,
        `Could not create work pool "${reserved}": Work pools starting with 'Prefect' are reserved for internal use. (403)`,
      ]);
    }
  });

  it("422 with Prefect's validation text", async () => {
    const err = await caught(
      updateWorkPool(client, `${prefix}dup`, {
        base_job_template: { job_configuration: { a: "{{ x }}" } },
      }),
    );
    expect([err.kind, err.status]).toEqual(["validation", 422]);
    expect(err.validation).toEqual([
      {
        loc: ["base_job_template"],
        msg: "Value error, The `base_job_template` must contain both a `job_configuration` key and a `variables` key.",
      },
    ]);
    expect(err.message).toBe(
      `Could not update work pool "${prefix}dup": Prefect rejected the request: base_job_template: ` +
        "Value error, The `base_job_template` must contain both a `job_configuration` key and a `variables` key. (422)",
    );
  });
});

describe("validateWorkPoolName agrees with the server", () => {
  const cases = [
    "ok-name",
    "with space",
    "tab\tname",
    "a/b",
    "x%y",
    "a&b",
    "a>b",
    "a<b",
    " ",
    "''",
    "prefect-x",
    "PREFECTx",
  ];
  it.each(cases)("%j", async (suffixOrName) => {
    // reserved and empty-ish names must be tested bare; the others carry the run prefix
    const bare =
      /^prefect/i.test(suffixOrName) || validateWorkPoolName(suffixOrName)?.code === "empty";
    const name = bare ? suffixOrName : `${prefix}${suffixOrName}`;
    const local = validateWorkPoolName(name);
    let server: PrefectError | null = null;
    try {
      await createWorkPool(client, { name, type: "ecs" });
      await deleteWorkPool(client, name);
    } catch (err) {
      if (!(err instanceof PrefectError)) throw err;
      server = err;
    }
    const expected = {
      null: null,
      empty: "validation",
      "banned-character": "validation",
      reserved: "reserved-name",
    };
    expect(server?.kind ?? null).toBe(expected[local?.code ?? "null"]);
  });
});

describe("listing", () => {
  // 210 real pools (to cross the 200 limit) took 6.9–12.8 s to create and ~15 s to delete on the
  // shared 2-core machine, so pagination is proven with small pages over real pools instead,
  // plus the server's own limit.
  it("Prefect refuses pages above 200", async () => {
    const res = await client.api.POST("/work_pools/filter", { body: { limit: MAX_PAGE_SIZE + 1 } });
    expect(res.response.status).toBe(422);
    expect(res.error).toEqual({ detail: "Invalid limit: must be less than or equal to 200." });
  });

  it("pages with offset to the end, whatever the page size", async () => {
    const names = Array.from(
      { length: 12 },
      (_, i) => `${prefix}many-${String(i).padStart(2, "0")}`,
    );
    await inBatches(names, 2, (n) => createWorkPool(client, { name: n, type: "ecs" }));

    let filterCalls = 0;
    const counting = createPrefectClient(
      { apiUrl, cloud: null },
      {
        fetch: (input, init) => {
          if (String(input).endsWith("/work_pools/filter")) filterCalls++;
          return fetch(input, init);
        },
      },
    );
    const all = await listWorkPools(counting);
    expect(filterCalls).toBe(Math.floor(all.length / MAX_PAGE_SIZE) + 1);
    expect(
      all
        .map((p) => p.name)
        .filter((n) => n.startsWith(`${prefix}many-`))
        .sort(),
    ).toEqual(names);

    for (const pageSize of [5, 4, 1]) {
      filterCalls = 0;
      const paged = await listWorkPools(counting, { pageSize });
      expect(paged.map((p) => p.id).sort()).toEqual(all.map((p) => p.id).sort());
      expect(filterCalls).toBe(Math.floor(all.length / pageSize) + 1);
    }

    filterCalls = 0;
    expect((await listWorkPools(counting, { pageSize: 1000 })).length).toBe(all.length);
    expect(filterCalls).toBe(Math.floor(all.length / MAX_PAGE_SIZE) + 1);
  });
});
