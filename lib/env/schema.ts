/**
 * Pooldeck's configuration, validated with zod. Pure (no `server-only`) so unit tests and the
 * CLI can validate any environment object; `lib/env/server.ts` applies it to `process.env`.
 * Variable names are Prefect's and the AWS SDK's own, so an existing setup works unchanged.
 */
import { z } from "zod";
import { LOG_LEVELS } from "@/lib/log/line";

const optionalText = z
  .string()
  .transform((v) => v.trim())
  .pipe(z.string())
  .optional()
  .transform((v) => (v ? v : undefined));

const httpUrl = (name: string) =>
  z
    .string({ error: `${name} is required` })
    .trim()
    .min(1, `${name} is required`)
    .refine((v) => {
      try {
        const u = new URL(v);
        return u.protocol === "http:" || u.protocol === "https:";
      } catch {
        return false;
      }
    }, `${name} must be an http(s) URL`)
    // the URL is shown in the UI and used to tell servers apart in the browser: no secrets in it
    .refine(
      (v) => {
        try {
          const u = new URL(v);
          return !u.username && !u.password;
        } catch {
          return true;
        }
      },
      name.startsWith("PREFECT_")
        ? `${name} must not carry credentials; use PREFECT_API_AUTH_STRING or PREFECT_API_KEY`
        : `${name} must not carry credentials; use the AWS credential variables or a profile`,
    )
    .transform((v) => v.replace(/\/+$/, ""));

// the audit history's shared database; without it the history is an SQLite file in the data dir
const postgresUrl = z.string().refine((v) => {
  try {
    const u = new URL(v);
    return (u.protocol === "postgres:" || u.protocol === "postgresql:") && u.hostname !== "";
  } catch {
    return false;
  }
}, "DATABASE_URL must be a PostgreSQL URL such as postgres://user:password@db.internal:5432/pooldeck (it holds the audit history; leave it unset to keep the history in SQLite under POOLDECK_DATA_DIR)");

// a deadline in milliseconds (tests set short ones to keep the fault matrix fast)
const milliseconds = (name: string) =>
  optionalText.pipe(
    z
      .string()
      .regex(/^[1-9]\d{0,6}$/, `${name} must be a whole number of milliseconds (1 to 9999999)`)
      .transform(Number)
      .optional(),
  );

const timeoutVariables = {
  POOLDECK_PREFECT_TIMEOUT_MS: milliseconds("POOLDECK_PREFECT_TIMEOUT_MS"),
  POOLDECK_AWS_TIMEOUT_MS: milliseconds("POOLDECK_AWS_TIMEOUT_MS"),
  POOLDECK_PUSH_LOCK_TIMEOUT_MS: milliseconds("POOLDECK_PUSH_LOCK_TIMEOUT_MS"),
};

const PREFECT_CLOUD_PATH = /\/api\/accounts\/([0-9a-f-]{36})\/workspaces\/([0-9a-f-]{36})$/i;

export const envSchema = z
  .object({
    PREFECT_API_URL: httpUrl("PREFECT_API_URL"),
    PREFECT_API_KEY: optionalText,
    PREFECT_API_AUTH_STRING: optionalText,
    AWS_REGION: optionalText,
    AWS_DEFAULT_REGION: optionalText,
    AWS_PROFILE: optionalText,
    POOLDECK_LOG_LEVEL: optionalText.pipe(
      z
        .enum(LOG_LEVELS, { error: `POOLDECK_LOG_LEVEL must be one of ${LOG_LEVELS.join(", ")}` })
        .optional(),
    ),
    AWS_ENDPOINT_URL_ECS: optionalText.pipe(httpUrl("AWS_ENDPOINT_URL_ECS").optional()),
    AWS_ENDPOINT_URL_CLOUDWATCH_LOGS: optionalText.pipe(
      httpUrl("AWS_ENDPOINT_URL_CLOUDWATCH_LOGS").optional(),
    ),
    AWS_ENDPOINT_URL: optionalText.pipe(httpUrl("AWS_ENDPOINT_URL").optional()),
    DATABASE_URL: optionalText.pipe(postgresUrl.optional()),
    POOLDECK_DATA_DIR: optionalText,
    ...timeoutVariables,
  })
  .superRefine((env, ctx) => {
    if (env.PREFECT_API_KEY && env.PREFECT_API_AUTH_STRING) {
      ctx.addIssue({
        code: "custom",
        path: ["PREFECT_API_AUTH_STRING"],
        message:
          "set either PREFECT_API_KEY (Prefect Cloud) or PREFECT_API_AUTH_STRING (self-hosted basic auth), not both",
      });
    }
    if (env.PREFECT_API_AUTH_STRING && !env.PREFECT_API_AUTH_STRING.includes(":")) {
      ctx.addIssue({
        code: "custom",
        path: ["PREFECT_API_AUTH_STRING"],
        message: 'PREFECT_API_AUTH_STRING must look like "user:password"',
      });
    }
    const cloud = PREFECT_CLOUD_PATH.test(env.PREFECT_API_URL);
    if (cloud && !env.PREFECT_API_KEY) {
      ctx.addIssue({
        code: "custom",
        path: ["PREFECT_API_KEY"],
        message: "PREFECT_API_URL points at Prefect Cloud, which needs PREFECT_API_KEY",
      });
    }
  });

export interface PooldeckConfig {
  prefect: {
    apiUrl: string;
    /** Prefect Cloud API key (bearer); never sent to the browser */
    apiKey?: string;
    /** self-hosted basic auth "user:password"; never sent to the browser */
    authString?: string;
    cloud: { accountId: string; workspaceId: string } | null;
  };
  aws: {
    /** undefined: let the SDK's chain decide (profile, SSO, instance metadata) */
    region?: string;
    profile?: string;
    /** emulator or VPC endpoint for ECS; the SDK reads the same variables itself */
    ecsEndpoint?: string;
    /** emulator or VPC endpoint for CloudWatch Logs (a run's log tail) */
    logsEndpoint?: string;
  };
  audit: {
    /** PostgreSQL for the audit history (several instances share it); never sent to the browser */
    databaseUrl?: string;
    /** the data directory (POOLDECK_DATA_DIR, default .data) that holds the SQLite history otherwise */
    dataDir: string;
  };
  /** deadlines of outbound calls (README "Deadlines") */
  timeouts: {
    /** one attempt of a Prefect call (POOLDECK_PREFECT_TIMEOUT_MS, default 30 s) */
    prefectMs: number;
    /** one attempt of an AWS call, connecting included (POOLDECK_AWS_TIMEOUT_MS, default 10 s) */
    awsMs: number;
    /** how long a push waits for another push of the same pool (POOLDECK_PUSH_LOCK_TIMEOUT_MS, default 10 s) */
    pushLockMs: number;
  };
}

export class ConfigError extends Error {
  override name = "ConfigError";
  constructor(readonly problems: { variable: string; message: string }[]) {
    super(
      "Pooldeck configuration is invalid:\n" +
        problems.map((p) => `  - ${p.variable}: ${p.message}`).join("\n") +
        "\nSee .env.example for every variable and its meaning.",
    );
  }
}

function invalid(issues: z.core.$ZodIssue[]): ConfigError {
  return new ConfigError(
    issues.map((issue) => ({
      variable: String(issue.path[0] ?? "environment"),
      message: issue.message,
    })),
  );
}

type TimeoutValues = { [K in keyof typeof timeoutVariables]?: number | undefined };

const timeoutsOf = (e: TimeoutValues): PooldeckConfig["timeouts"] => ({
  prefectMs: e.POOLDECK_PREFECT_TIMEOUT_MS ?? 30_000,
  awsMs: e.POOLDECK_AWS_TIMEOUT_MS ?? 10_000,
  pushLockMs: e.POOLDECK_PUSH_LOCK_TIMEOUT_MS ?? 10_000,
});

/** Only the deadlines, for the CLI commands that need no Prefect settings (`pooldeck snapshot`). */
export function parseTimeouts(env: Record<string, string | undefined>): PooldeckConfig["timeouts"] {
  const result = z.object(timeoutVariables).safeParse(env);
  if (!result.success) throw invalid(result.error.issues);
  return timeoutsOf(result.data);
}

/** Validates an environment object and returns Pooldeck's configuration, or throws ConfigError naming each bad variable. */
export function parseConfig(env: Record<string, string | undefined>): PooldeckConfig {
  const result = envSchema.safeParse(env);
  if (!result.success) throw invalid(result.error.issues);
  const e = result.data;
  const match = PREFECT_CLOUD_PATH.exec(e.PREFECT_API_URL);
  return {
    prefect: {
      apiUrl: e.PREFECT_API_URL,
      apiKey: e.PREFECT_API_KEY,
      authString: e.PREFECT_API_AUTH_STRING,
      cloud: match ? { accountId: match[1]!, workspaceId: match[2]! } : null,
    },
    aws: {
      region: e.AWS_REGION ?? e.AWS_DEFAULT_REGION,
      profile: e.AWS_PROFILE,
      ecsEndpoint: e.AWS_ENDPOINT_URL_ECS ?? e.AWS_ENDPOINT_URL,
      logsEndpoint: e.AWS_ENDPOINT_URL_CLOUDWATCH_LOGS ?? e.AWS_ENDPOINT_URL,
    },
    audit: { databaseUrl: e.DATABASE_URL, dataDir: e.POOLDECK_DATA_DIR ?? ".data" },
    timeouts: timeoutsOf(e),
  };
}
