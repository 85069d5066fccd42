import type { HTMLAttributes, TdHTMLAttributes, ThHTMLAttributes } from "react";

import { cn } from "@/lib/utils";

/**
 * A table that scrolls sideways when it is wider than its place. `scrollable` marks a table that
 * is expected to: its scrolling region then takes keyboard focus (so it can be scrolled without a
 * mouse) and is named by the table's aria-label.
 */
export function Table({
  className,
  scrollable = false,
  ...props
}: HTMLAttributes<HTMLTableElement> & { scrollable?: boolean }) {
  return (
    <div
      className="w-full overflow-x-auto"
      {...(scrollable
        ? { tabIndex: 0, role: "region", "aria-label": props["aria-label"] ?? "Table" }
        : {})}
    >
      <table className={cn("w-full border-collapse text-sm", className)} {...props} />
    </div>
  );
}

export function Th({ className, ...props }: ThHTMLAttributes<HTMLTableCellElement>) {
  return (
    <th
      className={cn(
        "border-b border-border px-3 py-2 text-left text-xs font-medium text-muted-foreground",
        className,
      )}
      {...props}
    />
  );
}

export function Td({ className, ...props }: TdHTMLAttributes<HTMLTableCellElement>) {
  return <td className={cn("border-b border-border px-3 py-2 align-top", className)} {...props} />;
}
