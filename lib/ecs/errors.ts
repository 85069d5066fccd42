import "server-only";

import { logUpstreamError } from "@/lib/log";

/** What went wrong reading ECS, in terms a user can act on. */
export type EcsErrorKind =
  | "no-credentials"
  | "access-denied"
  | "cluster-not-found"
  | "throttled"
  | "endpoint-unreachable"
  | "invalid-request"
  | "aws-error";

/** A plain, serializable error the UI shows where it happened. */
export interface EcsError {
  kind: EcsErrorKind;
  /** the IAM action of the failed call, e.g. "ecs:DescribeCapacityProviders" */
  action?: string;
  message: string;
}

/** A read that either worked or failed, always stamped with when it was read. */
export type EcsResult<T> =
  { ok: true; data: T; fetchedAt: string } | { ok: false; error: EcsError; fetchedAt: string };

const THROTTLING = new Set([
  "ThrottlingException",
  "Throttling",
  "TooManyRequestsException",
  "RequestLimitExceeded",
  "ProvisionedThroughputExceededException",
]);
const DENIED = new Set([
  "AccessDeniedException",
  "AccessDenied",
  "UnauthorizedOperation",
  "UnrecognizedClientException",
]);

interface AwsLikeError {
  name?: string;
  code?: string;
  message?: string;
  $metadata?: { httpStatusCode?: number };
}

function asAwsError(err: unknown): AwsLikeError {
  return typeof err === "object" && err !== null ? (err as AwsLikeError) : { message: String(err) };
}

/** Whether an SDK error is worth retrying (throttling, 5xx-style server trouble). */
export function isRetryable(err: unknown): boolean {
  const e = asAwsError(err);
  if (THROTTLING.has(e.name ?? "") || THROTTLING.has(e.code ?? "")) return true;
  const status = e.$metadata?.httpStatusCode;
  return e.name === "ServerException" || status === 503 || status === 429;
}

/** Thrown by reads whose failure AWS reports in a `failures` list rather than as an error. */
export class EcsReadError extends Error {
  constructor(readonly ecsError: EcsError) {
    super(ecsError.message);
  }
}

/**
 * Maps any error from an ECS (or, with service "logs", CloudWatch Logs) call to the error model,
 * naming the IAM action of the call, and writes it to the server log (lib/log).
 */
export function toEcsError(
  err: unknown,
  operation: string,
  service: "ecs" | "logs" = "ecs",
): EcsError {
  const mapped = mapEcsError(err, operation, service);
  logUpstreamError({
    upstream: "aws",
    call: mapped.action ?? `${service}:${operation}`,
    status: asAwsError(err).$metadata?.httpStatusCode,
    kind: mapped.kind,
    message: mapped.message,
  });
  return mapped;
}

function mapEcsError(err: unknown, operation: string, service: "ecs" | "logs"): EcsError {
  if (err instanceof EcsReadError) return err.ecsError;
  const e = asAwsError(err);
  const action = `${service}:${operation}`;
  const name = e.name ?? e.code ?? "";
  const message = e.message ?? name;
  if (name === "CredentialsProviderError" || /could not load credentials/i.test(message)) {
    return {
      kind: "no-credentials",
      action,
      message:
        "No AWS credentials were found. Set AWS_PROFILE (or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY), log in with `aws sso login`, or run Pooldeck with an instance or task role.",
    };
  }
  if (
    name === "UnrecognizedClientException" ||
    name === "InvalidSignatureException" ||
    name === "ExpiredTokenException"
  ) {
    return {
      kind: "no-credentials",
      action,
      message: `AWS rejected the credentials (${name}): ${message}`,
    };
  }
  if (DENIED.has(name) || /not authorized to perform/i.test(message)) {
    return {
      kind: "access-denied",
      action,
      message: `Access denied: the dashboard's IAM identity is missing ${action}. Add it to the policy (see docs/iam-policy.json).`,
    };
  }
  // an error body the SDK cannot parse (some emulators and proxies answer XML): the status still tells
  const status = e.$metadata?.httpStatusCode;
  if (status === 403) {
    return {
      kind: "access-denied",
      action,
      message: `AWS refused ${action} (HTTP 403): the dashboard's IAM identity is missing ${action}, or its credentials are not valid for this account. See docs/iam-policy.json.`,
    };
  }
  if (status === 401) {
    return {
      kind: "no-credentials",
      action,
      message: `AWS rejected the credentials for ${action} (HTTP 401).`,
    };
  }
  if (name === "ClusterNotFoundException") {
    return { kind: "cluster-not-found", action, message };
  }
  if (isRetryable(err)) {
    return {
      kind: "throttled",
      action,
      message: `AWS throttled ${action} and kept throttling after several retries. Other tools share this account's ECS read rate; refresh in a moment.`,
    };
  }
  const code = (err as { code?: string } | null)?.code;
  if (
    code === "ECONNREFUSED" ||
    code === "ENOTFOUND" ||
    code === "ETIMEDOUT" ||
    name === "TimeoutError"
  ) {
    return {
      kind: "endpoint-unreachable",
      action,
      message: `The ECS endpoint did not answer (${code ?? name}).`,
    };
  }
  if (name === "InvalidParameterException" || name === "ClientException") {
    return { kind: "invalid-request", action, message: `${action}: ${message}` };
  }
  return {
    kind: "aws-error",
    action,
    message: `${action} failed: ${name ? `${name}: ` : ""}${message}`,
  };
}
