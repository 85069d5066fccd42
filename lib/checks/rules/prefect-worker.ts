/** Configuration the prefect-aws worker (and the push runner) refuses before it calls AWS. */
import { renderedConfiguration, renderedRequest } from "../plan-facts";
import { isEmptyValue, isObject } from "@/lib/template/pointer";
import type { Rule } from "../rule";

export const networkConfigurationRequiresVpcId: Rule = {
  id: "prefect/network-configuration-requires-vpc-id",
  summary: "network_configuration needs vpc_id.",
  needs: "plan",
  run(ctx) {
    if (ctx.mode === "raw") return [];
    const configuration = renderedConfiguration(ctx);
    if (isEmptyValue(configuration.network_configuration) || !isEmptyValue(configuration.vpc_id))
      return [];
    const location = ctx.configLocation(["network_configuration"]);
    return [
      {
        rule: this.id,
        severity: "error",
        document: location.document,
        path: location.pointer,
        message:
          'network_configuration is set but vpc_id is empty. The ECS worker refuses the job configuration ("You must provide a `vpc_id` to enable custom `network_configuration`") and the flow run fails before RunTask. Set vpc_id to the VPC of the subnets.',
      },
    ];
  },
};

export const cloudwatchRequiresExecutionRole: Rule = {
  id: "prefect/cloudwatch-requires-execution-role",
  summary: "configure_cloudwatch_logs needs an execution role.",
  needs: "plan",
  run(ctx) {
    if (ctx.mode === "raw") return [];
    const configuration = renderedConfiguration(ctx);
    if (configuration.configure_cloudwatch_logs !== true) return [];
    const taskDefinition = configuration.task_definition;
    if (
      !isEmptyValue(configuration.execution_role_arn) ||
      !isEmptyValue(renderedRequest(ctx).taskDefinition) ||
      (isObject(taskDefinition) && !isEmptyValue(taskDefinition.executionRoleArn))
    ) {
      return [];
    }
    const location = ctx.configLocation(["configure_cloudwatch_logs"]);
    return [
      {
        rule: this.id,
        severity: "error",
        document: location.document,
        path: location.pointer,
        message:
          'configure_cloudwatch_logs is on but no execution role is set. The ECS worker refuses the configuration ("An `execution_role_arn` must be provided to use `configure_cloudwatch_logs`") because only the execution role can create the log stream. Set execution_role_arn to a role with logs:CreateLogStream, logs:CreateLogGroup and logs:PutLogEvents.',
      },
    ];
  },
};

export const pushRequiresAwsCredentials: Rule = {
  id: "prefect/push-requires-aws-credentials",
  summary: "A push pool needs AWS credentials.",
  needs: "plan",
  run(ctx) {
    if (ctx.mode !== "push") return [];
    const configuration = renderedConfiguration(ctx);
    const unresolvedBlock = ctx.plan?.unresolved.some((p) => p.kind === "block") ?? false;
    if (
      !isEmptyValue(configuration.aws_credentials) ||
      (unresolvedBlock && "aws_credentials" in configuration)
    ) {
      return [];
    }
    const location = ctx.configLocation(["aws_credentials"]);
    return [
      {
        rule: this.id,
        severity: "error",
        document: location.document,
        path: location.pointer,
        message:
          "This is a push pool but aws_credentials is empty. Prefect Cloud runs push pools without a worker in your account, so it needs an AWS Credentials block to call ECS; every run fails without one. Set aws_credentials to a reference to an aws-credentials block.",
      },
    ];
  },
};
