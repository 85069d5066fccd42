import { Alert } from "@/components/ui/alert";
import type { EcsError } from "@/lib/ecs";

const TITLES: Record<EcsError["kind"], string> = {
  "no-credentials": "No AWS credentials",
  "access-denied": "Access denied",
  "cluster-not-found": "Cluster not found",
  throttled: "AWS is throttling reads",
  "endpoint-unreachable": "ECS endpoint unreachable",
  "invalid-request": "Request rejected",
  "aws-error": "AWS error",
};

export interface EcsErrorAlertProps {
  error: EcsError;
  /** what could not be loaded, e.g. "Capacity providers" */
  what: string;
}

/** One section's error, in place, naming the call that failed (the IAM action when AWS refused it). */
export function EcsErrorAlert({ error, what }: EcsErrorAlertProps) {
  return (
    <Alert
      tone={error.kind === "throttled" ? "warning" : "destructive"}
      title={`${what}: ${TITLES[error.kind]}`}
    >
      <p>{error.message}</p>
      {error.action ? (
        <p className="mt-1">
          {/* an unreachable endpoint or throttling is no matter of IAM policy */}
          {error.kind === "access-denied" ? "IAM action" : "Failed call"}:{" "}
          <code className="font-mono text-foreground">{error.action}</code>
        </p>
      ) : null}
    </Alert>
  );
}
