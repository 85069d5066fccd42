/**
 * ecs/strategy-with-fargate-task-definition: an Auto Scaling group strategy while launch_type is
 * left at FARGATE makes the worker register a Fargate-shaped task definition (awsvpc, task-level
 * cpu/memory) for EC2 instances.
 */
import {
  finalStrategy,
  registeredTaskDefinition,
  renderedRequest,
  stringList,
} from "../plan-facts";
import type { Rule } from "../rule";
import { providerKindOf } from "@/lib/template/placement";

const LAUNCH_TYPE = ["task_run_request", "launchType"];

export const strategyWithFargateTaskDefinition: Rule = {
  id: "ecs/strategy-with-fargate-task-definition",
  summary: "Auto Scaling group strategy with a Fargate-shaped task definition.",
  needs: "plan",
  run(ctx) {
    if (ctx.mode === "raw") return [];
    const launchType = renderedRequest(ctx).launchType;
    if (launchType !== "FARGATE" && launchType !== "FARGATE_SPOT") return [];
    const registered = registeredTaskDefinition(ctx);
    if (!registered || !stringList(registered.requiresCompatibilities).includes("FARGATE"))
      return [];
    const asg = finalStrategy(ctx).filter(
      (s) => providerKindOf(s.capacityProvider, ctx.snapshot) === "AUTO_SCALING_GROUP",
    );
    if (asg.length === 0) return [];
    const location = ctx.configLocation(LAUNCH_TYPE);
    const variable = location.variable ?? "launchType";
    return [
      {
        rule: this.id,
        severity: "warning",
        document: location.document,
        path: location.pointer,
        message: `The strategy places the task on EC2 instances (${asg.map((s) => `"${s.capacityProvider}"`).join(", ")}), but ${variable} is ${launchType}, so the worker registers a Fargate-shaped task definition: awsvpc networking on your instances (one ENI per task, limited per instance) and, without network_configuration, a request for a public IP that EC2 rejects. Set ${variable} to EC2 to get an EC2 task definition.`,
        fix: ctx.setConfigFix(LAUNCH_TYPE, "EC2", `Set ${variable} to EC2`),
      },
    ];
  },
};
