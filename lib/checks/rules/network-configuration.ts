/**
 * ecs/network-configuration: awsvpc tasks need subnets (1–16), at most 5 security groups, and no
 * public IP on EC2; a network configuration on a non-awsvpc task definition is refused or ignored.
 */
import type { JsonObject, JsonValue } from "@/lib/template/types";
import type { CheckContext, Location } from "../context";
import {
  existingTaskDefinition,
  placement,
  registeredTaskDefinition,
  renderedConfiguration,
  renderedRequest,
} from "../plan-facts";
import { isEmptyValue, isObject } from "@/lib/template/pointer";
import type { Rule } from "../rule";
import type { Diagnostic } from "../types";

type Source =
  | { kind: "explicit"; value: JsonObject; location: (...path: string[]) => Location }
  | { kind: "worker-default" }
  | { kind: "none" }
  | { kind: "not-applicable" };

/** The awsvpcConfiguration RunTask receives, and where a person sets it. */
function awsvpcSource(ctx: CheckContext): Source {
  const configuration = renderedConfiguration(ctx);
  const request = renderedRequest(ctx);
  const requestConfig = request.networkConfiguration;
  const fromRequest = (): Source =>
    isObject(requestConfig) && isObject(requestConfig.awsvpcConfiguration)
      ? {
          kind: "explicit",
          value: requestConfig.awsvpcConfiguration,
          location: (...path) =>
            ctx.configLocation([
              "task_run_request",
              "networkConfiguration",
              "awsvpcConfiguration",
              ...path,
            ]),
        }
      : { kind: "none" };
  if (ctx.mode === "raw") return fromRequest();
  // the worker (and the push runner, which runs the same preparation) decides the network
  if (!isEmptyValue(configuration.network_configuration)) {
    if (isEmptyValue(configuration.vpc_id)) return { kind: "not-applicable" }; // prefect/network-configuration-requires-vpc-id
    const value = configuration.network_configuration;
    return isObject(value)
      ? {
          kind: "explicit",
          value,
          location: (...path) => ctx.configLocation(["network_configuration", ...path]),
        }
      : { kind: "not-applicable" };
  }
  if (!isEmptyValue(requestConfig)) return fromRequest();
  return { kind: "worker-default" };
}

function networkMode(ctx: CheckContext): JsonValue | undefined {
  const registered = registeredTaskDefinition(ctx);
  if (registered) return registered.networkMode;
  return existingTaskDefinition(ctx)?.networkMode ?? undefined;
}

export const networkConfiguration: Rule = {
  id: "ecs/network-configuration",
  summary: "awsvpc needs subnets (1–16), ≤ 5 security groups, and no public IP on EC2.",
  needs: "plan",
  run(ctx) {
    const mode = networkMode(ctx);
    const source = awsvpcSource(ctx);
    const where = placement(ctx);
    const error = (
      location: Location,
      message: string,
      severity: Diagnostic["severity"] = "error",
    ): Diagnostic => ({
      rule: this.id,
      severity,
      document: location.document,
      path: location.pointer,
      message,
    });

    if (mode !== "awsvpc") {
      if (mode === undefined || mode === null) return [];
      const configuration = renderedConfiguration(ctx);
      const explicitRequest = !isEmptyValue(renderedRequest(ctx).networkConfiguration);
      if (explicitRequest) {
        const location = ctx.configLocation(["task_run_request", "networkConfiguration"]);
        return [
          error(
            location,
            `RunTask gets a networkConfiguration, but the task definition uses networkMode ${JSON.stringify(mode)}. ECS accepts a network configuration only for awsvpc and rejects the request. Remove it or use awsvpc.`,
          ),
        ];
      }
      if (ctx.mode !== "raw" && !isEmptyValue(configuration.network_configuration)) {
        return [
          error(
            ctx.configLocation(["network_configuration"]),
            `network_configuration is set, but the task definition uses networkMode ${JSON.stringify(mode)}; the worker only applies it to awsvpc tasks, so it is ignored.`,
            "warning",
          ),
        ];
      }
      return [];
    }

    if (source.kind === "not-applicable") return [];
    if (source.kind === "worker-default") {
      if (where !== "EC2") return [];
      const location = ctx.configLocation(["network_configuration"]);
      return [
        error(
          location,
          "The task definition uses awsvpc and no network_configuration is set, so the worker uses the subnets of vpc_id (or the default VPC) with assignPublicIp ENABLED. The task runs on EC2, where ECS rejects a public IP. Set network_configuration with subnets, securityGroups and assignPublicIp DISABLED (and vpc_id), or use launch type FARGATE.",
        ),
      ];
    }
    if (source.kind === "none") {
      const location = ctx.configLocation(["task_run_request"]);
      return [
        error(
          location,
          "The task definition uses awsvpc, but RunTask gets no networkConfiguration. ECS requires awsvpcConfiguration with at least one subnet for awsvpc tasks and rejects the request. Add networkConfiguration.awsvpcConfiguration with subnets to task_run_request.",
        ),
      ];
    }

    const out: Diagnostic[] = [];
    const { value } = source;
    const subnets = value.subnets;
    if (!Array.isArray(subnets) || subnets.length === 0) {
      out.push(
        error(
          source.location("subnets"),
          "The awsvpc network configuration has no subnets. ECS needs 1 to 16 subnets for an awsvpc task and rejects RunTask without them. Add the subnet ids the task should run in.",
        ),
      );
    } else if (subnets.length > 16) {
      out.push(
        error(
          source.location("subnets"),
          `The awsvpc network configuration lists ${subnets.length} subnets; ECS accepts at most 16 and rejects RunTask. Remove some.`,
        ),
      );
    }
    const groups = value.securityGroups;
    if (Array.isArray(groups) && groups.length > 5) {
      out.push(
        error(
          source.location("securityGroups"),
          `The awsvpc network configuration lists ${groups.length} security groups; ECS accepts at most 5 and rejects RunTask. Remove some.`,
        ),
      );
    }
    if (value.assignPublicIp === "ENABLED" && where === "EC2") {
      const location = source.location("assignPublicIp");
      out.push({
        ...error(
          location,
          "assignPublicIp is ENABLED, but the task runs on EC2. ECS supports a public IP only for Fargate tasks and rejects RunTask. Set assignPublicIp to DISABLED (use a NAT gateway for outbound traffic).",
        ),
        fix: location.exact
          ? {
              title: "Set assignPublicIp to DISABLED",
              document: location.document,
              edits: [{ op: "replace", path: location.pointer, value: "DISABLED" }],
            }
          : undefined,
      });
    }
    return out;
  },
};
