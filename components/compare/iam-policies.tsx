import hybridPolicy from "@/docs/iam-ecs-worker-hybrid.json";
import pushPolicy from "@/docs/iam-ecs-push-credentials.json";
import { ECS_WORKER_AWS_CALLS } from "@/lib/template/worker-iam";
import { CodeBlock } from "./code-block";

/** The IAM policy of each side, to copy, and the worker calls they come from. */
export function IamPolicies() {
  return (
    <div className="grid gap-3">
      <p className="text-xs text-muted-foreground">
        Both come from the AWS calls in prefect-aws&apos;s ECS worker (
        <code>prefect_aws/workers/ecs_worker.py</code>, 0.7.12). The worker makes every call through{" "}
        <code>aws_credentials.get_client</code>: with a credentials block (every push pool) the
        block&apos;s keys sign it, otherwise the worker&apos;s own role does, so both sides need the
        same actions. CloudWatch logs are written by the task&apos;s execution role (
        <code>logs:CreateLogStream</code>, <code>logs:PutLogEvents</code>), not by either of these.
      </p>
      <div className="grid gap-3 lg:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
        <CodeBlock
          label="IAM policy: hybrid worker task role"
          text={JSON.stringify(hybridPolicy, null, 2)}
          download={{ fileName: "iam-ecs-worker-hybrid.json", mediaType: "application/json" }}
        />
        <CodeBlock
          label="IAM policy: push pool AWS credentials"
          text={JSON.stringify(pushPolicy, null, 2)}
          download={{ fileName: "iam-ecs-push-credentials.json", mediaType: "application/json" }}
        />
      </div>
      <details className="text-xs">
        <summary className="cursor-pointer text-muted-foreground">
          Why each action ({ECS_WORKER_AWS_CALLS.length})
        </summary>
        <ul className="mt-1 grid gap-0.5 pl-4">
          {ECS_WORKER_AWS_CALLS.map((c) => (
            <li key={c.action}>
              <code>{c.action}</code>
              {c.call ? (
                <>
                  {" "}
                  (<code>{c.call}</code>)
                </>
              ) : null}
              : {c.why}
            </li>
          ))}
        </ul>
      </details>
    </div>
  );
}
