import { describe, expect, it } from "vitest";

import { ConfigError, parseConfig } from "./schema";

const CLOUD_URL =
  "https://api.prefect.cloud/api/accounts/0f6e0a4c-6a5f-4f5b-9d60-4bb3f2a3c111/workspaces/5a1d2f3e-4b5c-4d6e-8f70-8192a3b4c5d6";

function problems(env: Record<string, string | undefined>) {
  try {
    parseConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error("expected a ConfigError");
}

describe("parseConfig", () => {
  it("accepts a self-hosted server with no auth and an emulator endpoint", () => {
    expect(
      parseConfig({
        PREFECT_API_URL: "http://127.0.0.1:4200/api/",
        AWS_REGION: "us-east-1",
        AWS_ENDPOINT_URL: "http://127.0.0.1:5000",
      }),
    ).toEqual({
      prefect: {
        apiUrl: "http://127.0.0.1:4200/api",
        apiKey: undefined,
        authString: undefined,
        cloud: null,
      },
      aws: {
        region: "us-east-1",
        profile: undefined,
        ecsEndpoint: "http://127.0.0.1:5000",
        logsEndpoint: "http://127.0.0.1:5000",
      },
      audit: { databaseUrl: undefined, dataDir: ".data" },
      timeouts: { prefectMs: 30_000, awsMs: 10_000, pushLockMs: 10_000 },
    });
  });

  it("takes the deadlines of outbound calls in milliseconds, and names a bad one", () => {
    const base = { PREFECT_API_URL: "http://127.0.0.1:4200/api" };
    expect(
      parseConfig({
        ...base,
        POOLDECK_PREFECT_TIMEOUT_MS: "1500",
        POOLDECK_AWS_TIMEOUT_MS: "800",
        POOLDECK_PUSH_LOCK_TIMEOUT_MS: "2000",
      }).timeouts,
    ).toEqual({ prefectMs: 1500, awsMs: 800, pushLockMs: 2000 });
    expect(problems({ ...base, POOLDECK_AWS_TIMEOUT_MS: "10s" })).toEqual([
      {
        variable: "POOLDECK_AWS_TIMEOUT_MS",
        message: "POOLDECK_AWS_TIMEOUT_MS must be a whole number of milliseconds (1 to 9999999)",
      },
    ]);
  });

  it("takes DATABASE_URL for the audit history and names the problem when it is not PostgreSQL", () => {
    const base = { PREFECT_API_URL: "http://127.0.0.1:4200/api", POOLDECK_DATA_DIR: "/srv/pd" };
    expect(
      parseConfig({ ...base, DATABASE_URL: "postgres://pd:secret@db.internal:5432/pooldeck" })
        .audit,
    ).toEqual({
      databaseUrl: "postgres://pd:secret@db.internal:5432/pooldeck",
      dataDir: "/srv/pd",
    });
    expect(problems({ ...base, DATABASE_URL: "mysql://db.internal/pooldeck" })).toEqual([
      {
        variable: "DATABASE_URL",
        message:
          "DATABASE_URL must be a PostgreSQL URL such as postgres://user:password@db.internal:5432/pooldeck (it holds the audit history; leave it unset to keep the history in SQLite under POOLDECK_DATA_DIR)",
      },
    ]);
    expect(parseConfig({ ...base, DATABASE_URL: "  " }).audit.databaseUrl).toBeUndefined();
  });

  it("recognises Prefect Cloud's account and workspace from the URL", () => {
    const config = parseConfig({ PREFECT_API_URL: CLOUD_URL, PREFECT_API_KEY: "pnu_abc" });
    expect(config.prefect.cloud).toEqual({
      accountId: "0f6e0a4c-6a5f-4f5b-9d60-4bb3f2a3c111",
      workspaceId: "5a1d2f3e-4b5c-4d6e-8f70-8192a3b4c5d6",
    });
    expect(config.prefect.apiKey).toBe("pnu_abc");
  });

  it("prefers the ECS-specific endpoint and AWS_REGION over the generic ones", () => {
    const config = parseConfig({
      PREFECT_API_URL: "http://localhost:4200/api",
      AWS_REGION: "eu-west-1",
      AWS_DEFAULT_REGION: "us-east-1",
      AWS_ENDPOINT_URL: "http://a:1",
      AWS_ENDPOINT_URL_ECS: "http://b:2",
      AWS_ENDPOINT_URL_CLOUDWATCH_LOGS: "http://c:3",
      AWS_PROFILE: "platform",
    });
    expect(config.aws).toEqual({
      region: "eu-west-1",
      profile: "platform",
      ecsEndpoint: "http://b:2",
      logsEndpoint: "http://c:3",
    });
  });

  it("names PREFECT_API_URL when it is missing", () => {
    expect(problems({})).toEqual([
      { variable: "PREFECT_API_URL", message: "PREFECT_API_URL is required" },
    ]);
  });

  it("refuses credentials inside PREFECT_API_URL, which the UI shows", () => {
    expect(problems({ PREFECT_API_URL: "https://admin:hunter2@prefect.internal/api" })).toEqual([
      {
        variable: "PREFECT_API_URL",
        message:
          "PREFECT_API_URL must not carry credentials; use PREFECT_API_AUTH_STRING or PREFECT_API_KEY",
      },
    ]);
  });

  it("names PREFECT_API_URL when it is not an http(s) URL", () => {
    expect(problems({ PREFECT_API_URL: "localhost:4200" })).toEqual([
      { variable: "PREFECT_API_URL", message: "PREFECT_API_URL must be an http(s) URL" },
    ]);
  });

  it("asks for PREFECT_API_KEY when the URL is Prefect Cloud's", () => {
    expect(problems({ PREFECT_API_URL: CLOUD_URL })).toEqual([
      {
        variable: "PREFECT_API_KEY",
        message: "PREFECT_API_URL points at Prefect Cloud, which needs PREFECT_API_KEY",
      },
    ]);
  });

  it("refuses both an API key and a basic auth string", () => {
    expect(
      problems({
        PREFECT_API_URL: "http://p:4200/api",
        PREFECT_API_KEY: "k",
        PREFECT_API_AUTH_STRING: "admin:pw",
      }),
    ).toEqual([
      {
        variable: "PREFECT_API_AUTH_STRING",
        message:
          "set either PREFECT_API_KEY (Prefect Cloud) or PREFECT_API_AUTH_STRING (self-hosted basic auth), not both",
      },
    ]);
  });

  it("requires user:password in PREFECT_API_AUTH_STRING", () => {
    expect(
      problems({ PREFECT_API_URL: "http://p:4200/api", PREFECT_API_AUTH_STRING: "admin" }),
    ).toEqual([
      {
        variable: "PREFECT_API_AUTH_STRING",
        message: 'PREFECT_API_AUTH_STRING must look like "user:password"',
      },
    ]);
  });

  it("names a malformed AWS endpoint", () => {
    expect(
      problems({ PREFECT_API_URL: "http://p:4200/api", AWS_ENDPOINT_URL_ECS: "not a url" }),
    ).toEqual([
      { variable: "AWS_ENDPOINT_URL_ECS", message: "AWS_ENDPOINT_URL_ECS must be an http(s) URL" },
    ]);
  });

  it("treats blank variables as unset", () => {
    expect(
      parseConfig({ PREFECT_API_URL: "http://p:4200/api", PREFECT_API_KEY: "  ", AWS_REGION: "" })
        .prefect.apiKey,
    ).toBe(undefined);
  });

  it("puts every problem and a pointer to .env.example in the error message", () => {
    expect(() => parseConfig({ PREFECT_API_URL: "ftp://x" })).toThrow(
      "Pooldeck configuration is invalid:\n  - PREFECT_API_URL: PREFECT_API_URL must be an http(s) URL\nSee .env.example for every variable and its meaning.",
    );
  });
});
