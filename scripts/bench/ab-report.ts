/**
 * The report of `npm run bench:ab` (ab.ts): two builds of the pool page loaded in turn, each cold
 * load followed by a warm reload. Pure: ab-report.test.ts checks it with exact values.
 */
import { formatMs, medianOf, textTable } from "./stats";

/** One cold load and its warm reload of one build: the probe's marks, ms since navigation. */
export interface AbLoad {
  coldForm: number | null;
  coldJson: number | null;
  /** Monaco ready (the JSON editor takes input as plain text before it) */
  coldMonaco: number | null;
  warmForm: number | null;
  warmJson: number | null;
}

const FIGURES = [
  ["coldForm", "form editable, cold"],
  ["coldJson", "JSON editor editable, cold"],
  ["coldMonaco", "Monaco ready, cold"],
  ["warmForm", "form editable, warm"],
  ["warmJson", "JSON editor editable, warm"],
] as const;

/** How many of the pairs (the i-th load of each build) B was sooner in; a missing mark counts for neither. */
export function soonerIn(a: readonly AbLoad[], b: readonly AbLoad[], key: keyof AbLoad): number {
  let n = 0;
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i]![key];
    const y = b[i]![key];
    if (x !== null && y !== null && y < x) n++;
  }
  return n;
}

/** Medians of both builds, their difference and the pairs in which B was sooner, one row per figure. */
export function formatAbReport(
  names: { a: string; b: string },
  a: readonly AbLoad[],
  b: readonly AbLoad[],
): string {
  const pairs = Math.min(a.length, b.length);
  const rows: string[][] = [["median", `A ${names.a}`, `B ${names.b}`, "B − A", `B sooner in`]];
  for (const [key, label] of FIGURES) {
    const ma = medianOf(a.map((l) => l[key]));
    const mb = medianOf(b.map((l) => l[key]));
    const diff = mb - ma;
    rows.push([
      label,
      formatMs(ma),
      formatMs(mb),
      Number.isFinite(diff)
        ? `${diff > 0 ? "+" : diff < 0 ? "−" : ""}${formatMs(Math.abs(diff))}`
        : "n/a",
      `${soonerIn(a, b, key)} of ${pairs}`,
    ]);
  }
  return textTable(rows);
}
