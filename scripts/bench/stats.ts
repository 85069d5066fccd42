import { percentile as nearestRank } from "@/lib/runs/latency";

/**
 * Pure helpers for the benchmark reports: medians, ratios and the units BENCHMARKS.md prints.
 * No node:* imports, no timing: the unit test checks them with exact values.
 */

/** The median of a list (mean of the two middle values for an even count); NaN for an empty list. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The median of the defined values only (runs where a moment never came are left out). */
export function medianOf(values: readonly (number | null | undefined)[]): number {
  return median(values.filter((v): v is number => typeof v === "number" && Number.isFinite(v)));
}

/** The nearest-rank percentile `p` (0–100] of an unsorted list (lib/runs' percentile); NaN for none. */
export function percentile(values: readonly number[], p: number): number {
  return (
    nearestRank(
      [...values].sort((a, b) => a - b),
      p,
    ) ?? Number.NaN
  );
}

/** `a / b` as "0.42×"; "n/a" when either side is missing or b is 0. */
export function formatRatio(a: number, b: number): string {
  if (!Number.isFinite(a) || !Number.isFinite(b) || b === 0) return "n/a";
  return `${(a / b).toFixed(2)}×`;
}

/** Milliseconds as "1,234 ms" (whole) or "12.3 ms" under 100; "n/a" when missing. */
export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return "n/a";
  return ms < 100 ? `${ms.toFixed(1)} ms` : `${Math.round(ms).toLocaleString("en-US")} ms`;
}

/** Bytes as kB (1 kB = 1000 bytes, as budgets are usually stated), one decimal: "249.9 kB". */
export function formatKB(bytes: number): string {
  if (!Number.isFinite(bytes)) return "n/a";
  return `${(bytes / 1000).toLocaleString("en-US", { minimumFractionDigits: 1, maximumFractionDigits: 1 })} kB`;
}

/** A budget line: "PASS"/"MISSED", the measured value, the limit and how much of it is used. */
export function budgetLine(
  name: string,
  measured: number,
  limit: number,
  format: (n: number) => string,
): string {
  if (!Number.isFinite(measured)) return `${name}: not measured (limit ${format(limit)})`;
  const verdict = measured < limit ? "PASS" : "MISSED";
  return `${verdict}  ${name}: ${format(measured)} of ${format(limit)} (${((measured / limit) * 100).toFixed(0)}% of the budget)`;
}

/** Rows of cells as a plain-text table with columns padded to their widest cell (first left, rest right). */
export function textTable(rows: readonly (readonly string[])[]): string {
  const widths: number[] = [];
  for (const row of rows)
    row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  return rows
    .map((row) =>
      row
        .map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!)))
        .join("  ")
        .trimEnd(),
    )
    .join("\n");
}
