import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import type { Access, Operator } from "@/lib/auth/operator";
import type * as SessionModule from "@/lib/auth/session";
import { PrefectError } from "@/lib/prefect/errors";
import { ActionRefusal, authorize, defineAction } from "./action-client";

// the session of "the current request": these tests are about the action client, not next-auth
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

const editor: Operator = {
  id: "ada",
  displayName: "Ada Lovelace",
  roles: ["viewer", "editor"],
  provider: "credentials",
};
const viewer: Operator = {
  id: "vic",
  displayName: "Vic Viewer",
  roles: ["viewer"],
  provider: "credentials",
};
beforeEach(() => {
  session.operator = editor;
});
import { documentInput } from "./inputs";
import { MAX_DOCUMENT_CHARS } from "@/lib/outcome/types";

const echo = defineAction({
  role: "editor",
  input: z.object({
    name: z.string().min(1, "A name is required."),
    doc: documentInput("template"),
  }),
  handler: async ({ name }, operator) => {
    if (name === "refuse") throw new ActionRefusal({ ok: false, error: "No." });
    if (name === "prefect") {
      throw new PrefectError({ status: 404, kind: "not-found", message: "Could not read x (404)" });
    }
    if (name === "boom") throw new Error("secret at /srv/app.ts:12");
    return `${name} by ${operator.id}`;
  },
});

describe("defineAction", () => {
  it("returns the handler's data with the operator", async () => {
    expect(await echo({ name: "a", doc: "{}" })).toEqual({ ok: true, data: "a by ada" });
  });
  it("answers invalid input with field errors", async () => {
    expect(await echo({ name: "", doc: "{}" })).toEqual({
      ok: false,
      error: "The request is not valid: name: A name is required.",
      fieldErrors: { name: ["A name is required."] },
    });
  });
  it("refuses a document over 1 MB with a clear sentence", async () => {
    const result = await echo({ name: "a", doc: "x".repeat(MAX_DOCUMENT_CHARS + 1) });
    expect(result).toEqual({
      ok: false,
      error:
        "The request is not valid: doc: The template is 1.00 MB; Pooldeck accepts at most 1 MB. Nothing was sent.",
      fieldErrors: {
        doc: ["The template is 1.00 MB; Pooldeck accepts at most 1 MB. Nothing was sent."],
      },
    });
  });
  it("maps refusals, Prefect errors and unknown errors to plain failures", async () => {
    expect(await echo({ name: "refuse", doc: {} })).toEqual({ ok: false, error: "No." });
    expect(await echo({ name: "prefect", doc: {} })).toEqual({
      ok: false,
      error: "Could not read x (404)",
      notFound: true,
    });
    const boom = await echo({ name: "boom", doc: {} });
    expect(boom).toEqual({
      ok: false,
      error:
        "Pooldeck hit an unexpected error; nothing more is known. The server log has the details.",
    });
  });
});

describe("authorization", () => {
  it("refuses a caller without a session before looking at the input", async () => {
    session.operator = null;
    expect(await echo({ name: "", doc: "{}" })).toEqual({
      ok: false,
      error: "You are not signed in, or your session has ended. Sign in again; nothing was sent.",
      auth: "signed-out",
    });
    expect(await authorize("viewer")).toBeNull();
  });
  it("tells a caller without a session to sign in to see what a viewer action reads", async () => {
    session.operator = null;
    const read = defineAction({
      role: "viewer",
      input: z.string(),
      handler: async (name) => `pool ${name}`,
    });
    expect(await read("demo-ecs")).toEqual({
      ok: false,
      error: "You are not signed in, or your session has ended. Sign in again to see this.",
      auth: "signed-out",
    });
    session.operator = viewer;
    expect(await read("demo-ecs")).toEqual({ ok: true, data: "pool demo-ecs" });
  });
  it("refuses a viewer an editor action and names the missing role", async () => {
    session.operator = viewer;
    expect(await echo({ name: "a", doc: "{}" })).toEqual({
      ok: false,
      error:
        "You need the editor role to do this; Vic Viewer signed in with the viewer role. Nothing was sent.",
      auth: "forbidden",
    });
    expect(await authorize("editor")).toBeNull();
    expect(await authorize("viewer")).toEqual(viewer);
  });
});

/**
 * Every action writes one JSON line to the server log (lib/log), as the Next.js server does
 * (NEXT_RUNTIME "nodejs"; elsewhere the log is silent): who, which action and pool, the outcome,
 * the duration, and a failure's sentence without secrets.
 */
describe("the action's server log line", () => {
  const SECRET = "pnu_actionLogCanary4b7e19aa";
  const lines: string[] = [];
  beforeEach(() => {
    lines.length = 0;
    vi.stubEnv("NEXT_RUNTIME", "nodejs");
    vi.stubEnv("PREFECT_API_KEY", SECRET);
    vi.stubEnv("POOLDECK_LOG_LEVEL", "info");
    vi.spyOn(process.stdout, "write").mockImplementation((chunk) => {
      lines.push(String(chunk));
      return true;
    });
  });
  afterEach(() => {
    vi.restoreAllMocks();
    vi.unstubAllEnvs();
  });

  const logged = () =>
    lines.map((l) => {
      expect(l.endsWith("\n")).toBe(true);
      const entry = JSON.parse(l) as Record<string, unknown>;
      expect(entry.time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      expect(entry.requestId).toMatch(/^[0-9a-f-]{36}$/);
      expect(typeof entry.durationMs).toBe("number");
      const { time: _t, requestId: _r, durationMs: _d, ...rest } = entry;
      return rest;
    });
  const logEcho = defineAction({
    name: "echo",
    role: "editor",
    input: z.object({ name: z.string().min(1), template: z.string() }),
    handler: async ({ name }) => {
      if (name === "refuse") throw new ActionRefusal({ ok: false, error: "No." });
      if (name === "boom") throw new Error(`failed with key ${SECRET}`);
      return name;
    },
  });

  it("names the operator, the action, the pool and the outcome; never the template", async () => {
    const template = '{"job_configuration": {"secret-looking": "body-canary-71c2"}}';
    expect(await logEcho({ name: "demo-ecs", template })).toEqual({ ok: true, data: "demo-ecs" });
    expect(await logEcho({ name: "refuse", template })).toEqual({ ok: false, error: "No." });
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
    session.operator = null;
    await logEcho({ name: "x", template: "" });
    session.operator = viewer;
    await logEcho({ name: "x", template: "" });
    session.operator = editor;
    await logEcho({ name: "", template: "" });
    await logEcho({ name: "boom", template: "" });
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
        "You need the editor role to do this; Vic Viewer signed in with the viewer role. Nothing was sent.",
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

  it("is silent outside the Next.js server (the CLI shares this code and keeps its stdout)", async () => {
    vi.stubEnv("NEXT_RUNTIME", "");
    await logEcho({ name: "demo-ecs", template: "" });
    expect(lines).toEqual([]);
  });
});
