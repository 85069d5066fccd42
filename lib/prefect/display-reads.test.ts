/**
 * Which Prefect reads are shared and which never are, counted on the client's own fetch seam (the
 * transport's underlying fetch). What Prefect answers is not under test here (work-pools.int.test.ts
 * and the e2e push specs read the real server); the answers below only carry a version to tell
 * an old read from a new one.
 */
import { afterEach, describe, expect, it, vi } from "vitest";

import { createPrefectClient } from "./client";
import { getDefaultTemplates, readWorkPool, updateWorkPool } from "./work-pools";

const apiUrl = "http://prefect.test/api";

/** A client whose fetch counts work pool and collection calls; GETs answer only when released. */
function countingClient() {
  const calls: string[] = [];
  let version = 1;
  const held: (() => void)[] = [];
  const fetchFn = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    const path = new URL(request.url).pathname.slice("/api".length);
    // a self-hosted server without CSRF: the transport asks once and stops asking
    if (path === "/csrf-token") return new Response("Not Found", { status: 404 });
    calls.push(`${request.method} ${path}`);
    if (request.method === "PATCH") {
      version++;
      return new Response(null, { status: 204 });
    }
    const body = path.startsWith("/collections")
      ? { "prefect-aws": { ecs: { type: "ecs", default_base_job_configuration: {} } } }
      : { name: "p", type: "ecs", base_job_template: {}, updated: `v${version}` };
    // the version is the one at the time the request reached the server
    const answer = Response.json(body);
    if (path.startsWith("/collections")) return answer;
    return new Promise<Response>((resolve) => held.push(() => resolve(answer)));
  }) as typeof fetch;
  const client = createPrefectClient({ apiUrl, cloud: null }, { fetch: fetchFn });
  /** Waits until `count` GETs have reached the server, then lets them all answer. */
  const arrived = async (count: number) => {
    while (held.length < count) await new Promise((r) => setTimeout(r, 1));
  };
  const release = async (count: number) => {
    await arrived(count);
    held.splice(0).forEach((go) => go());
  };
  return { client, calls, arrived, release };
}

afterEach(() => vi.useRealTimers());

describe("display reads", () => {
  it("concurrent page views share one read of a pool; a push's reads never share", async () => {
    const { client, calls, release } = countingClient();
    const views = Array.from({ length: 10 }, () => readWorkPool(client, "p", { display: true }));
    const pushReads = Array.from({ length: 3 }, () => readWorkPool(client, "p"));
    await release(4);
    const pools = await Promise.all([...views, ...pushReads]);
    expect(pools.map((p) => p.updated)).toEqual(Array(13).fill("v1"));
    expect(calls).toEqual(Array(4).fill("GET /work_pools/p"));
  });

  it("a view after a write reads Prefect again, never the read that started before it", async () => {
    const { client, calls, arrived, release } = countingClient();
    const before = readWorkPool(client, "p", { display: true });
    await arrived(1);
    await updateWorkPool(client, "p", { description: "changed" });
    const after = readWorkPool(client, "p", { display: true });
    await release(2);
    expect((await before).updated).toBe("v1");
    expect((await after).updated).toBe("v2");
    expect(calls).toEqual(["GET /work_pools/p", "PATCH /work_pools/p", "GET /work_pools/p"]);
  });

  it("a view within the TTL does not read Prefect again; sequential views of a pool do", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-12-06T12:00:00Z"));
    const { client, calls, release } = countingClient();
    await getDefaultTemplates(client, { display: true });
    vi.setSystemTime(new Date("2026-12-06T12:04:59Z"));
    await getDefaultTemplates(client, { display: true });
    expect(calls).toEqual(["GET /collections/views/aggregate-worker-metadata"]);
    vi.setSystemTime(new Date("2026-12-06T12:05:00Z"));
    await getDefaultTemplates(client, { display: true });
    expect(calls.length).toBe(2);

    for (let i = 0; i < 2; i++) {
      const view = readWorkPool(client, "p", { display: true });
      await release(1);
      await view;
    }
    expect(calls.slice(2)).toEqual(["GET /work_pools/p", "GET /work_pools/p"]);
  });
});
