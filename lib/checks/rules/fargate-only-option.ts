/** ecs/fargate-only-option: settings RunTask ignores or refuses for the placement in use. */
import { describePlacement, finalRequest, placement } from "../plan-facts";
import { isEmptyValue } from "@/lib/template/pointer";
import type { Rule } from "../rule";
import type { Diagnostic } from "../types";

export const fargateOnlyOption: Rule = {
  id: "ecs/fargate-only-option",
  summary:
    "platformVersion is Fargate-only; placement constraints and strategies do not apply to Fargate.",
  needs: "plan",
  run(ctx) {
    const where = placement(ctx);
    const request = finalRequest(ctx);
    const out: Diagnostic[] = [];
    const report = (key: string, message: string) => {
      const location = ctx.configLocation(["task_run_request", key]);
      out.push({
        rule: this.id,
        severity: "warning",
        document: location.document,
        path: location.pointer,
        message,
        fix: ctx.removeConfigFix(["task_run_request", key], `Remove ${key} from task_run_request`),
      });
    };
    if (!isEmptyValue(request.platformVersion) && (where === "EC2" || where === "EXTERNAL")) {
      report(
        "platformVersion",
        `platformVersion ${JSON.stringify(request.platformVersion)} only applies to Fargate, but the task runs on ${describePlacement(ctx, where)}. ECS refuses or ignores it; remove it.`,
      );
    }
    if (where === "FARGATE") {
      for (const key of ["placementConstraints", "placementStrategy"]) {
        if (isEmptyValue(request[key])) continue;
        report(
          key,
          `${key} does not apply to Fargate tasks (AWS chooses the host), and the task runs on ${describePlacement(ctx, where)}. ECS refuses or ignores it; remove it.`,
        );
      }
    }
    return out;
  },
};
