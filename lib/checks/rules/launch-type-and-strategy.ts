/**
 * ecs/launch-type-and-capacity-provider-strategy: RunTask refuses launchType next to a
 * capacityProviderStrategy. The hybrid worker drops launchType itself (warning); push and raw send
 * both (error). Push pools also get the Prefect issue #13030 warning on every strategy.
 */
import type { Rule } from "../rule";
import type { Diagnostic } from "../types";
import { renderedRequest, strategyEntries } from "../plan-facts";
import { providerKindOf } from "@/lib/template/placement";

const LAUNCH_TYPE = ["task_run_request", "launchType"];
const STRATEGY = ["task_run_request", "capacityProviderStrategy"];

export const launchTypeAndStrategy: Rule = {
  id: "ecs/launch-type-and-capacity-provider-strategy",
  summary: "launchType and capacityProviderStrategy must never both reach RunTask.",
  needs: "plan",
  run(ctx) {
    const request = renderedRequest(ctx);
    const launchType = request.launchType;
    const strategy = strategyEntries(request.capacityProviderStrategy);
    const out: Diagnostic[] = [];
    const hasLaunchType = typeof launchType === "string" ? launchType !== "" : launchType != null;
    const strategyLocation = ctx.configLocation(STRATEGY);

    if (hasLaunchType && strategy.length > 0) {
      const location = ctx.configLocation(LAUNCH_TYPE);
      const shown = JSON.stringify(launchType);
      const remove = ctx.removeConfigFix(LAUNCH_TYPE, "Remove launchType from task_run_request");
      if (ctx.mode === "hybrid") {
        const allAutoScaling = strategy.every(
          (s) => providerKindOf(s.capacityProvider, ctx.snapshot) === "AUTO_SCALING_GROUP",
        );
        out.push({
          rule: this.id,
          severity: "warning",
          document: location.document,
          path: location.pointer,
          message:
            `launchType ${shown} and a capacity provider strategy are both set. ECS rejects RunTask when both are present; the prefect-aws worker removes launchType because the strategy is set, so the run works, but launch_type still shapes the task definition the worker registers. ` +
            (allAutoScaling
              ? launchType === "EC2"
                ? "With Auto Scaling group providers, remove launchType from task_run_request so the request reads as it runs."
                : "With Auto Scaling group providers, remove launchType from task_run_request (or set launch_type to EC2) so the task definition is not Fargate-shaped."
              : "Keep it only if you want a Fargate-compatible task definition; otherwise remove launchType from task_run_request."),
          fix: allAutoScaling ? remove : undefined,
        });
      } else {
        out.push({
          rule: this.id,
          severity: "error",
          document: location.document,
          path: location.pointer,
          message:
            `launchType ${shown} and a capacity provider strategy both reach RunTask, which ECS rejects (InvalidParameterException: specifying both a launchType and capacityProviderStrategy is not supported). ` +
            (ctx.mode === "push"
              ? "Prefect's push runner sends the rendered request as is and does not drop launchType, so every run would fail. Remove launchType from task_run_request."
              : "Remove launchType from task_run_request, or clear the strategy."),
          fix: remove,
        });
      }
    }

    if (ctx.mode === "push" && strategy.length > 0) {
      out.push({
        rule: this.id,
        severity: "warning",
        document: strategyLocation.document,
        path: strategyLocation.pointer,
        message:
          "Prefect's push runner is reported to add launchType FARGATE when task_run_request has no launchType (Prefect issue #13030, open), and RunTask then fails because a capacity provider strategy is also set. If runs fail with that error, use a hybrid ECS pool (type ecs) with a worker, which drops launchType whenever a strategy is set.",
      });
    }
    return out;
  },
};
