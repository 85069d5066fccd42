import type { StrategyItem } from "@/lib/snapshot/schema";

export interface StrategyListProps {
  strategy: StrategyItem[];
}

/** A capacity provider strategy as "name base 1 · weight 4" chips. */
export function StrategyList({ strategy }: StrategyListProps) {
  if (strategy.length === 0)
    return <span className="text-muted-foreground">none (launch type required)</span>;
  return (
    <ul className="flex flex-wrap gap-1.5" aria-label="Default capacity provider strategy">
      {strategy.map((s) => (
        <li
          key={s.capacityProvider}
          className="rounded-md border border-border bg-muted px-2 py-0.5 text-xs"
        >
          <span className="font-medium">{s.capacityProvider}</span>
          <span className="text-muted-foreground">
            {" "}
            base {s.base} · weight {s.weight}
          </span>
        </li>
      ))}
    </ul>
  );
}
