import { describe, expect, it } from "vitest";

import {
  describeLeaks,
  findLeaks,
  isSecretVariableName,
  secretForms,
  secretsFromEnv,
  undistinctive,
} from "./secret-scan";

const secrets = [
  { name: "AWS_SECRET_ACCESS_KEY", value: "pooldeck/test+secret=Key0123" },
  { name: "PREFECT_API_AUTH_STRING", value: "admin:pooldeck-basic-pass-7c1" },
];

describe("findLeaks", () => {
  it("finds a planted secret and names it and the place, not the value", () => {
    const html = `<html><script>self.__next_f.push([1,"k:pooldeck/test+secret=Key0123"])</script>`;
    const leaks = findLeaks(secrets, "GET /clusters/demo-cluster", html);
    expect(leaks).toEqual([
      { secret: "AWS_SECRET_ACCESS_KEY", where: "GET /clusters/demo-cluster", form: "plain" },
    ]);
    expect(describeLeaks(leaks)).toBe(
      "LEAK: AWS_SECRET_ACCESS_KEY (plain) in GET /clusters/demo-cluster",
    );
  });

  it("finds the value base64-encoded (a Basic auth header), URL-encoded and the password alone", () => {
    const basic = `Basic ${btoa("admin:pooldeck-basic-pass-7c1")}`;
    expect(findLeaks(secrets, "a.js", basic)).toEqual([
      { secret: "PREFECT_API_AUTH_STRING", where: "a.js", form: "base64" },
    ]);
    expect(findLeaks(secrets, "b.js", "?k=pooldeck%2Ftest%2Bsecret%3DKey0123")).toEqual([
      { secret: "AWS_SECRET_ACCESS_KEY", where: "b.js", form: "URL-encoded" },
    ]);
    expect(findLeaks(secrets, "c.js", 'password:"pooldeck-basic-pass-7c1"')).toEqual([
      { secret: "PREFECT_API_AUTH_STRING", where: "c.js", form: "password part" },
    ]);
  });

  it("finds a JSON-escaped value inside an RSC payload", () => {
    const withQuote = [{ name: "TD_ENV", value: 'postgres://a:"q"@db/x-canary' }];
    expect(findLeaks(withQuote, "rsc", JSON.stringify({ v: withQuote[0]!.value }))).toEqual([
      { secret: "TD_ENV", where: "rsc", form: "JSON-escaped" },
    ]);
  });

  it("finds the password of a database URL on its own", () => {
    const db = [{ name: "DATABASE_URL", value: "postgres://audit:pg-pass-canary-91f2@db:5432/pd" }];
    expect(findLeaks(db, "rsc", "pg-pass-canary-91f2")).toEqual([
      { secret: "DATABASE_URL", where: "rsc", form: "URL password" },
    ]);
  });

  it("reports nothing for clean text", () => {
    expect(findLeaks(secrets, "x", "env: PREFECT_LOGGING_LEVEL, DATABASE_URL")).toEqual([]);
  });
});

describe("secret configuration", () => {
  it("takes the set secret variables and extra names from the environment", () => {
    expect(
      secretsFromEnv(
        { AWS_ACCESS_KEY_ID: "AKIAPOOLDECKTEST01", PREFECT_API_KEY: " ", AUTH_SECRET: "s" },
        ["AUTH_SECRET"],
      ),
    ).toEqual([
      { name: "AWS_ACCESS_KEY_ID", value: "AKIAPOOLDECKTEST01" },
      { name: "AUTH_SECRET", value: "s" },
    ]);
  });

  it("calls values shorter than 12 characters undistinctive", () => {
    expect(
      undistinctive([
        { name: "A", value: "testing" },
        { name: "B", value: "long-enough-value" },
      ]),
    ).toEqual([{ name: "A", value: "testing" }]);
  });

  it("lists each encoding once", () => {
    expect(secretForms("plainvalue12345").map((f) => f.form)).toEqual(["plain", "base64"]);
  });
});

describe("isSecretVariableName", () => {
  it("names Pooldeck's secret variables and conventional secret names, not ordinary settings", () => {
    const secret = [
      "POOLDECK_AUTH_SECRET",
      "PREFECT_API_KEY",
      "PREFECT_API_AUTH_STRING",
      "DATABASE_URL",
      "AWS_ACCESS_KEY_ID",
      "AWS_SESSION_TOKEN",
      "POOLDECK_OIDC_CLIENT_SECRET",
      "SMTP_PASSWORD",
      "GITHUB_TOKEN",
      "STRIPE_APIKEY",
      // a conventional pattern errs on the side of caution
      "TOKENIZER_MODEL_PATH",
    ];
    const ordinary = [
      "PREFECT_API_URL",
      "AWS_REGION",
      "NEXTAUTH_URL",
      "POOLDECK_OIDC_CLIENT_ID",
      "POOLDECK_LOG_LEVEL",
    ];
    expect([...ordinary, ...secret].filter(isSecretVariableName)).toEqual(secret);
  });
});
