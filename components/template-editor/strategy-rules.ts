/**
 * ECS's capacity provider strategy rules, checked per row while the user types (the full check
 * engine reports the same problems for the document; this says which row and field).
 */
import { providerKindOf, STRATEGY_LIMITS } from "@/lib/template/placement";

export interface StrategyRow {
  capacityProvider: string;
  base?: number;
  weight?: number;
}

export interface StrategyProblems {
  rows: { capacityProvider: string[]; base: string[]; weight: string[] }[];
  strategy: string[];
}

/** Row and strategy level problems, in words that say what to change. */
export function strategyProblems(
  rows: StrategyRow[],
  known?: ReadonlySet<string>,
): StrategyProblems {
  const out: StrategyProblems = {
    rows: rows.map(() => ({ capacityProvider: [], base: [], weight: [] })),
    strategy: [],
  };
  let baseRow = -1;
  rows.forEach((row, i) => {
    const p = out.rows[i]!;
    if (!row.capacityProvider.trim()) p.capacityProvider.push("Pick a capacity provider.");
    else if (known && !known.has(row.capacityProvider)) {
      p.capacityProvider.push(`${row.capacityProvider} is not associated with this cluster.`);
    }
    const base = row.base ?? 0;
    const weight = row.weight ?? 0;
    const { base: b, weight: w } = STRATEGY_LIMITS;
    if (!Number.isInteger(base) || base < b.min || base > b.max)
      p.base.push(`Base must be a whole number from ${b.min} to ${b.max}.`);
    if (!Number.isInteger(weight) || weight < w.min || weight > w.max) {
      p.weight.push(`Weight must be a whole number from ${w.min} to ${w.max}.`);
    }
    if (base > 0) {
      if (baseRow >= 0)
        p.base.push(`Only one provider may have a base; row ${baseRow + 1} already has one.`);
      else baseRow = i;
    }
  });
  if (rows.length > STRATEGY_LIMITS.items)
    out.strategy.push(`At most ${STRATEGY_LIMITS.items} providers.`);
  if (rows.length > 0 && rows.every((r) => (r.weight ?? 0) <= 0)) {
    out.strategy.push("At least one provider needs a weight above 0.");
  }
  const kinds = new Set(
    rows
      .filter((r) => r.capacityProvider)
      .map((r) => providerKindOf(r.capacityProvider) === "AUTO_SCALING_GROUP"),
  );
  if (kinds.size > 1) {
    out.strategy.push(
      "Fargate providers and Auto Scaling group providers cannot be mixed in one strategy.",
    );
  }
  return out;
}
