/**
 * Every server action writes one JSON line to the server log (lib/log), as the Next.js server
 * does (NEXT_RUNTIME "nodejs"; elsewhere the log is silent): who, which action and pool, the
 * outcome, the duration, and a failure's sentence without secrets.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import type { Access, Operator } from "@/lib/auth/operator";
import type * as SessionModule from "@/lib/auth/session";

const session = vi.hoisted(() => ({ operator: null as Operator | null }));
vi.mock("@/lib/auth/session", async (importOriginal) => {
  const real = await importOriginal<typeof SessionModule>();
  return {
    ...real,
    checkAccess: async (role: "viewer" | "editor"): Promise<Access> => {
      const operator = session.operator;
      if (!operator) return { ok: false, reason: "signed-out", operator: null };
      return operator.roles.includes(role)
        ? { ok: true, operator }
        : { ok: false, reason: "forbidden", operator };
    },
  };
});

const SECRET = "pnu_actionLogCanary4b7e19aa";
const lines: string[] = [];
let write: ReturnType<typeof vi.spyOn>;

beforeAll(() => {
  vi.stubEnv("NEXT_RUNTIME", "nodejs");
  vi.stubEnv("PREFECT_API_KEY", SECRET);
  vi.stubEnv("POOLDECK_LOG_LEVEL", "info");
  write = vi.spyOn(process.stdout, "write").mockImplementation((chunk) => {
    lines.push(String(chunk));
    return true;
  });
});
afterAll(() => {
  write.mockRestore();
  vi.unstubAllEnvs();
});
beforeEach(() => {
  lines.length = 0;
  session.operator = {
    id: "ada",
    displayName: "Ada Lovelace",
    roles: ["viewer", "editor"],
    provider: "credentials",
  };
});

async function echoAction() {
  const { ActionRefusal, defineAction } = await import("./action-client");
  return defineAction({
    name: "echo",
    role: "editor",
    input: z.object({ name: z.string().min(1), template: z.string() }),
    handler: async ({ name }) => {
      if (name === "refuse") throw new ActionRefusal({ ok: false, error: "No." });
      if (name === "boom") throw new Error(`failed with key ${SECRET}`);
      return name;
    },
  });
}

function logged(): Record<string, unknown>[] {
  return lines.map((l) => {
    expect(l.endsWith("\n")).toBe(true);
    const entry = JSON.parse(l) as Record<string, unknown>;
    expect(entry.time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(entry.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(typeof entry.durationMs).toBe("number");
    const { time: _t, requestId: _r, durationMs: _d, ...rest } = entry;
    return rest;
  });
}

describe("the action log line", () => {
  it("names the operator, the action, the pool and the outcome; never the template", async () => {
    const echo = await echoAction();
    const template = '{"job_configuration": {"secret-looking": "body-canary-71c2"}}';
    expect(await echo({ name: "demo-ecs", template })).toEqual({ ok: true, data: "demo-ecs" });
    expect(await echo({ name: "refuse", template })).toEqual({ ok: false, error: "No." });
    expect(lines.join("")).not.toContain("body-canary-71c2");
    expect(logged()).toEqual([
      {
        level: "info",
        event: "action",
        operator: "ada",
        action: "echo",
        pool: "demo-ecs",
        outcome: "ok",
      },
      {
        level: "info",
        event: "action",
        operator: "ada",
        action: "echo",
        pool: "refuse",
        outcome: "refused",
        message: "No.",
      },
    ]);
  });

  it("logs denied and invalid calls, and an unexpected error with its message redacted", async () => {
    const echo = await echoAction();
    session.operator = null;
    await echo({ name: "x", template: "" });
    session.operator = {
      id: "vic",
      displayName: "Vic",
      roles: ["viewer"],
      provider: "credentials",
    };
    await echo({ name: "x", template: "" });
    session.operator = {
      id: "ada",
      displayName: "Ada",
      roles: ["viewer", "editor"],
      provider: "credentials",
    };
    await echo({ name: "", template: "" });
    await echo({ name: "boom", template: "" });
    expect(lines.join("")).not.toContain(SECRET);
    expect(logged().map((e) => [e.level, e.operator, e.outcome, e.message])).toEqual([
      [
        "warn",
        undefined,
        "denied",
        "You are not signed in, or your session has ended. Sign in again; nothing was sent.",
      ],
      [
        "warn",
        "vic",
        "denied",
        "You need the editor role to do this; Vic signed in with the viewer role. Nothing was sent.",
      ],
      [
        "info",
        "ada",
        "invalid",
        "The request is not valid: name: Too small: expected string to have >=1 characters",
      ],
      ["error", "ada", "error", "failed with key [redacted]"],
    ]);
  });
});
