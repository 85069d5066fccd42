/**
 * Every AWS call the prefect-aws ECS worker makes (prefect_aws/workers/ecs_worker.py, 0.7.12 in
 * .venv), as IAM actions. docs/iam-ecs-worker-hybrid.json (the worker's task role) and
 * docs/iam-ecs-push-credentials.json (the AWS Credentials block of a push pool) are built from
 * this list; worker-iam.test.ts keeps list, policies and the worker source in step.
 *
 * The worker makes every call through `configuration.aws_credentials.get_client(...)`: with a
 * block (push pools, or hybrid pools that set one) the block's keys sign it, otherwise the
 * worker's own role does. That is why both policies allow the same actions.
 */

export interface WorkerAwsCall {
  /** IAM action, e.g. "ecs:RunTask" */
  action: string;
  /** the boto3 call in ecs_worker.py, or null for a permission AWS checks on another call */
  call: string | null;
  /** when the worker needs it */
  why: string;
}

/** The worker's AWS calls and the permissions AWS checks on them, in the order a run makes them. */
export const ECS_WORKER_AWS_CALLS: readonly WorkerAwsCall[] = [
  {
    action: "ecs:DescribeTaskDefinition",
    call: "ecs_client.describe_task_definition",
    why: "reads task_definition_arn, and the latest revision of a family it may reuse",
  },
  {
    action: "ecs:RegisterTaskDefinition",
    call: "ecs_client.register_task_definition",
    why: "registers the task definition built from the template when no reusable one exists",
  },
  {
    action: "ec2:DescribeVpcs",
    call: "ec2_client.describe_vpcs",
    why: "awsvpc without network_configuration: finds vpc_id or the default VPC",
  },
  {
    action: "ec2:DescribeSubnets",
    call: "ec2_client.describe_subnets",
    why: "awsvpc without network_configuration: lists that VPC's subnets",
  },
  {
    action: "ecs:RunTask",
    call: "ecs_client.run_task",
    why: "starts the flow run's task",
  },
  {
    action: "ecs:TagResource",
    call: null,
    why: "RunTask sends tags (the flow run's labels); AWS checks ecs:TagResource on tag-on-create",
  },
  {
    action: "iam:PassRole",
    call: null,
    why: "RunTask's taskRoleArn override and the task definition's executionRoleArn hand roles to ECS tasks",
  },
  {
    action: "ecs:StopTask",
    call: "ecs_client.stop_task",
    why: "cancelling a flow run stops its task (kill_infrastructure)",
  },
];

/** The IAM actions of ECS_WORKER_AWS_CALLS, sorted. */
export const ECS_WORKER_IAM_ACTIONS: readonly string[] = ECS_WORKER_AWS_CALLS.map(
  (c) => c.action,
).sort();
