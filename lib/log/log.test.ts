import { describe, expect, it } from "vitest";
import type { ConfigError } from "@/lib/env/schema";
import { parseConfig } from "@/lib/env/schema";
import { createLogger, withLogContext, type LogEntry } from "./index";
import { formatLine, levelEnabled, parseLogLevel, redact, MAX_TEXT } from "./line";

const TIME = new Date("2026-12-06T08:30:00.123Z");
const SECRETS = [
  { name: "PREFECT_API_KEY", value: "pnu_logTestCanaryKey4b7e19" },
  { name: "DATABASE_URL", value: "postgres://pooldeck:db-Pass-7f3e9a1c@db.internal:5432/pd" },
  { name: "PREFECT_API_AUTH_STRING", value: "admin:basic-Pass-2c8d4e6f" },
];

function capture(level: "debug" | "info" | "warn" | "error") {
  const lines: string[] = [];
  const logger = createLogger({
    level,
    secrets: SECRETS,
    sink: (l) => lines.push(l),
    now: () => TIME,
  });
  return { logger, lines };
}

const action: LogEntry = {
  level: "info",
  event: "action",
  requestId: "req-1",
  operator: "ada",
  action: "updatePool",
  pool: "demo-ecs",
  outcome: "ok",
  durationMs: 42,
};

describe("server log lines", () => {
  it("are one JSON object per line with the fields in a fixed order", () => {
    const { logger, lines } = capture("info");
    logger.write(action);
    expect(lines).toEqual([
      '{"time":"2026-12-06T08:30:00.123Z","level":"info","event":"action","requestId":"req-1","operator":"ada","action":"updatePool","pool":"demo-ecs","outcome":"ok","durationMs":42}',
    ]);
  });

  it("fill in the running action's context for upstream errors, and the entry's own fields win", async () => {
    const { logger, lines } = capture("info");
    await withLogContext(
      { requestId: "req-2", operator: "vic", action: "setPoolPaused", pool: "etl" },
      async () => {
        logger.write({
          level: "warn",
          event: "upstream-error",
          upstream: "prefect",
          call: "update work pool etl",
          status: 503,
          kind: "unavailable",
          message: "Prefect answered 503",
        });
      },
    );
    logger.write({
      level: "warn",
      event: "upstream-error",
      upstream: "aws",
      call: "ecs:ListClusters",
      message: "outside",
    });
    expect(lines.map((l) => JSON.parse(l) as unknown)).toEqual([
      {
        time: "2026-12-06T08:30:00.123Z",
        level: "warn",
        event: "upstream-error",
        requestId: "req-2",
        operator: "vic",
        action: "setPoolPaused",
        pool: "etl",
        upstream: "prefect",
        call: "update work pool etl",
        status: 503,
        kind: "unavailable",
        message: "Prefect answered 503",
      },
      {
        time: "2026-12-06T08:30:00.123Z",
        level: "warn",
        event: "upstream-error",
        upstream: "aws",
        call: "ecs:ListClusters",
        message: "outside",
      },
    ]);
  });

  it("are written at or above POOLDECK_LOG_LEVEL only (default info)", () => {
    const levels = ["debug", "info", "warn", "error"] as const;
    const written = (threshold: (typeof levels)[number]) => {
      const { logger, lines } = capture(threshold);
      for (const level of levels) logger.write({ ...action, level });
      return lines.map((l) => (JSON.parse(l) as { level: string }).level);
    };
    expect(written("debug")).toEqual(["debug", "info", "warn", "error"]);
    expect(written("info")).toEqual(["info", "warn", "error"]);
    expect(written("warn")).toEqual(["warn", "error"]);
    expect(written("error")).toEqual(["error"]);
    expect(levelEnabled("debug", "info")).toBe(false);
    expect(parseLogLevel(undefined)).toBe("info");
    expect(parseLogLevel(" WARN ")).toBe("warn");
  });

  it("never carry a configured secret in any form, nor URL credentials, nor a long document", () => {
    const { logger, lines } = capture("debug");
    const template = JSON.stringify({
      job_configuration: { task_run_request: { cluster: "x".repeat(2000) } },
    });
    logger.write({
      ...action,
      level: "error",
      outcome: "error",
      message: `connect to postgres://pooldeck:db-Pass-7f3e9a1c@db.internal:5432/pd failed; key pnu_logTestCanaryKey4b7e19 (${encodeURIComponent("pnu_logTestCanaryKey4b7e19")}); basic ${btoa("admin:basic-Pass-2c8d4e6f")}; other https://u:p4ss@h.example/x; body ${template}`,
    });
    const line = lines[0]!;
    for (const s of SECRETS) expect(line).not.toContain(s.value);
    for (const leak of [
      "db-Pass-7f3e9a1c",
      "basic-Pass-2c8d4e6f",
      "p4ss",
      "YWRtaW46",
      "xxxxxxxxxx".repeat(30),
    ])
      expect(line).not.toContain(leak);
    const message = (JSON.parse(line) as { message: string }).message;
    expect(message.length).toBe(MAX_TEXT);
    expect(
      message.startsWith(
        "connect to [redacted] failed; key [redacted] ([redacted]); basic [redacted]; other https://[redacted]@h.example/x; body {",
      ),
    ).toBe(true);
    expect(message.endsWith("…")).toBe(true);
  });

  it("keep each line on one line, whatever the text holds", () => {
    expect(redact("line one\n  line two\ttab", [])).toBe("line one line two tab");
    expect(formatLine({ ...action, pool: "a\nb" }, TIME, []).split("\n")).toHaveLength(1);
  });

  it("POOLDECK_LOG_LEVEL is validated with the configuration at start-up", () => {
    const base = { PREFECT_API_URL: "http://127.0.0.1:4200/api" };
    expect(() => parseConfig({ ...base, POOLDECK_LOG_LEVEL: "warn" })).not.toThrow();
    try {
      parseConfig({ ...base, POOLDECK_LOG_LEVEL: "verbose" });
      expect.unreachable();
    } catch (error) {
      expect((error as ConfigError).problems).toEqual([
        {
          variable: "POOLDECK_LOG_LEVEL",
          message: "POOLDECK_LOG_LEVEL must be one of debug, info, warn, error",
        },
      ]);
    }
  });
});
