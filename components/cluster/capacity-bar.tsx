import { cn } from "@/lib/utils";

import { num } from "./format";

export interface CapacityBarProps {
  /** "CPU" or "Memory" */
  resource: string;
  unit: string;
  registered: number;
  reserved: number;
  /** what the bar belongs to, for the accessible name, e.g. "m5.large i-0abc" */
  subject: string;
  className?: string;
}

/** Reserved vs free as a bar with the exact numbers beside it; the meter's name says it all for screen readers. */
export function CapacityBar({
  resource,
  unit,
  registered,
  reserved,
  subject,
  className,
}: CapacityBarProps) {
  const free = registered - reserved;
  const pct = registered > 0 ? Math.min(100, Math.max(0, (reserved / registered) * 100)) : 0;
  const text = `${num(reserved)} of ${num(registered)} ${unit} reserved, ${num(free)} free`;
  return (
    <div className={cn("min-w-44", className)}>
      <div className="flex items-baseline justify-between gap-2 text-xs">
        <span className="font-medium">{resource}</span>
        <span className="tabular-nums text-muted-foreground">
          {num(reserved)} / {num(registered)} {unit} · {num(free)} free
        </span>
      </div>
      <div
        role="meter"
        aria-label={`${subject} ${resource}`}
        aria-valuemin={0}
        aria-valuemax={registered}
        aria-valuenow={reserved}
        aria-valuetext={text}
        className="mt-1 h-2 w-full overflow-hidden rounded-full bg-chart-free"
      >
        <div className="h-full rounded-full bg-chart-used" style={{ width: `${pct}%` }} />
      </div>
    </div>
  );
}
