/** RunTask's rules for a capacity provider strategy that need no cluster (docs/design.md, ECS facts). */
import type { JsonValue } from "@/lib/template/types";
import { finalRequest, finalStrategy, type StrategyEntry } from "../plan-facts";
import type { CheckContext } from "../context";
import type { Rule } from "../rule";
import type { Diagnostic } from "../types";
import { providerKindOf, STRATEGY_LIMITS } from "@/lib/template/placement";

const STRATEGY = ["task_run_request", "capacityProviderStrategy"];

function numberOr0(value: JsonValue | undefined): number {
  return typeof value === "number" ? value : 0;
}

function diagnostic(
  ctx: CheckContext,
  rule: string,
  path: (string | number)[],
  message: string,
  fix?: Diagnostic["fix"],
): Diagnostic {
  const location = ctx.configLocation([...STRATEGY, ...path]);
  return {
    rule,
    severity: "error",
    document: location.document,
    path: location.pointer,
    message,
    fix,
  };
}

export const strategyTooLong: Rule = {
  id: "ecs/strategy-too-long",
  summary: `A capacity provider strategy has at most ${STRATEGY_LIMITS.items} items.`,
  needs: "plan",
  run(ctx) {
    const raw = finalRequest(ctx).capacityProviderStrategy;
    if (!Array.isArray(raw) || raw.length <= STRATEGY_LIMITS.items) return [];
    return [
      diagnostic(
        ctx,
        this.id,
        [],
        `The capacity provider strategy has ${raw.length} items; RunTask accepts at most ${STRATEGY_LIMITS.items} and rejects the request. Remove providers you do not need.`,
      ),
    ];
  },
};

export const strategyMultipleBase: Rule = {
  id: "ecs/strategy-multiple-base",
  summary: "Only one strategy item may have a base above 0.",
  needs: "plan",
  run(ctx) {
    const withBase = finalStrategy(ctx).filter((s) => numberOr0(s.base) > 0);
    if (withBase.length < 2) return [];
    const [first, ...extra] = withBase as [StrategyEntry, ...StrategyEntry[]];
    return extra.map((entry) => {
      const location = ctx.configLocation([...STRATEGY, entry.index, "base"]);
      return diagnostic(
        ctx,
        this.id,
        [entry.index, "base"],
        `"${entry.capacityProvider}" has base ${JSON.stringify(entry.base)}, but "${first.capacityProvider}" already has a base. ECS allows a base above 0 on only one provider of a strategy and rejects RunTask otherwise. Set this base to 0.`,
        location.exact
          ? {
              title: `Set base of ${entry.capacityProvider} to 0`,
              document: location.document,
              edits: [{ op: "replace", path: location.pointer, value: 0 }],
            }
          : undefined,
      );
    });
  },
};

export const strategyZeroWeight: Rule = {
  id: "ecs/strategy-zero-weight",
  summary: "At least one strategy item needs a weight above 0.",
  needs: "plan",
  run(ctx) {
    const strategy = finalStrategy(ctx);
    if (strategy.length === 0 || strategy.some((s) => numberOr0(s.weight) > 0)) return [];
    const first = strategy[0] as StrategyEntry;
    const location = ctx.configLocation([...STRATEGY, first.index, "weight"]);
    const itemLocation = ctx.configLocation([...STRATEGY, first.index]);
    const fix: Diagnostic["fix"] = location.exact
      ? {
          title: `Set weight of ${first.capacityProvider} to 1`,
          document: location.document,
          edits: [{ op: "replace", path: location.pointer, value: 1 }],
        }
      : itemLocation.exact
        ? {
            title: `Set weight of ${first.capacityProvider} to 1`,
            document: itemLocation.document,
            edits: [{ op: "add", path: `${itemLocation.pointer}/weight`, value: 1 }],
          }
        : undefined;
    return [
      diagnostic(
        ctx,
        this.id,
        [],
        "Every provider in the capacity provider strategy has weight 0, so ECS has nowhere to place the task and RunTask fails. Give at least one provider a weight above 0.",
        fix,
      ),
    ];
  },
};

export const strategyOutOfRange: Rule = {
  id: "ecs/strategy-out-of-range",
  summary: `base must be an integer ${STRATEGY_LIMITS.base.min}–${STRATEGY_LIMITS.base.max} and weight ${STRATEGY_LIMITS.weight.min}–${STRATEGY_LIMITS.weight.max}.`,
  needs: "plan",
  run(ctx) {
    const out: Diagnostic[] = [];
    for (const entry of finalStrategy(ctx)) {
      for (const field of ["base", "weight"] as const) {
        const value = entry[field];
        if (value === undefined) continue;
        const { min, max } = STRATEGY_LIMITS[field];
        if (typeof value === "number" && Number.isInteger(value) && value >= min && value <= max)
          continue;
        const location = ctx.configLocation([...STRATEGY, entry.index, field]);
        const clamped =
          typeof value === "number" ? Math.min(max, Math.max(min, Math.round(value))) : undefined;
        out.push(
          diagnostic(
            ctx,
            this.id,
            [entry.index, field],
            `${field} of "${entry.capacityProvider}" is ${JSON.stringify(value)}; ECS accepts only an integer from ${min} to ${max} and rejects RunTask otherwise.`,
            clamped !== undefined && location.exact
              ? {
                  title: `Set ${field} of ${entry.capacityProvider} to ${clamped}`,
                  document: location.document,
                  edits: [{ op: "replace", path: location.pointer, value: clamped }],
                }
              : undefined,
          ),
        );
      }
    }
    return out;
  },
};

export const strategyMixedProviderTypes: Rule = {
  id: "ecs/strategy-mixed-provider-types",
  summary: "Fargate and Auto Scaling group providers cannot share a strategy.",
  needs: "plan",
  run(ctx) {
    const strategy = finalStrategy(ctx);
    const fargate = strategy.filter(
      (s) => providerKindOf(s.capacityProvider, ctx.snapshot) !== "AUTO_SCALING_GROUP",
    );
    const asg = strategy.filter(
      (s) => providerKindOf(s.capacityProvider, ctx.snapshot) === "AUTO_SCALING_GROUP",
    );
    if (fargate.length === 0 || asg.length === 0) return [];
    const names = (list: StrategyEntry[]) => list.map((s) => `"${s.capacityProvider}"`).join(", ");
    return [
      diagnostic(
        ctx,
        this.id,
        [],
        `The strategy mixes Fargate providers (${names(fargate)}) with Auto Scaling group providers (${names(asg)}). ECS rejects RunTask for such a strategy; use either Fargate providers or Auto Scaling group providers.`,
      ),
    ];
  },
};
