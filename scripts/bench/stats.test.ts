import { describe, expect, it } from "vitest";
import {
  budgetLine,
  formatKB,
  formatMs,
  formatRatio,
  median,
  medianOf,
  percentile,
  textTable,
} from "./stats";

describe("percentile", () => {
  it("takes the nearest rank: the smallest value with p% of the values at or below it", () => {
    expect(percentile([30, 10, 20, 40, 50], 95)).toBe(50);
    expect(percentile([30, 10, 20, 40, 50], 50)).toBe(30);
    expect(
      percentile([5, 1, 2, 3, 4, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20], 95),
    ).toBe(19);
    expect(percentile([], 95)).toBeNaN();
  });
});

describe("median", () => {
  it("takes the middle value of an odd count and the mean of the two middle ones of an even count", () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([7])).toBe(7);
  });
  it("is NaN for no values, and medianOf leaves out runs without a value", () => {
    expect(median([])).toBeNaN();
    expect(medianOf([null, 10, undefined, 30, Number.NaN])).toBe(20);
    expect(medianOf([null])).toBeNaN();
  });
  it("does not reorder its input", () => {
    const values = [3, 1, 2];
    median(values);
    expect(values).toEqual([3, 1, 2]);
  });
});

describe("formatting", () => {
  it("prints ratios with two decimals and n/a when a side is missing or zero", () => {
    expect(formatRatio(250, 1000)).toBe("0.25×");
    expect(formatRatio(1000, 300)).toBe("3.33×");
    expect(formatRatio(1, 0)).toBe("n/a");
    expect(formatRatio(Number.NaN, 2)).toBe("n/a");
  });
  it("prints milliseconds with one decimal under 100 and whole with separators above", () => {
    expect(formatMs(12.345)).toBe("12.3 ms");
    expect(formatMs(1234.5)).toBe("1,235 ms");
    expect(formatMs(Number.NaN)).toBe("n/a");
  });
  it("prints kilobytes of 1000 bytes with one decimal", () => {
    expect(formatKB(249_949)).toBe("249.9 kB");
    expect(formatKB(1_234_567)).toBe("1,234.6 kB");
    expect(formatKB(0)).toBe("0.0 kB");
  });
  it("says PASS under the limit and MISSED at or over it, with the share of the budget", () => {
    expect(budgetLine("route JS", 200_000, 250_000, formatKB)).toBe(
      "PASS  route JS: 200.0 kB of 250.0 kB (80% of the budget)",
    );
    expect(budgetLine("route JS", 260_800, 250_000, formatKB)).toBe(
      "MISSED  route JS: 260.8 kB of 250.0 kB (104% of the budget)",
    );
    expect(budgetLine("form", Number.NaN, 100, formatMs)).toBe("form: not measured (limit 100 ms)");
  });
  it("pads table columns: the first to the left, the others to the right", () => {
    expect(
      textTable([
        ["what", "a", "bb"],
        ["longer label", "123", "4"],
      ]),
    ).toBe("what            a  bb\nlonger label  123   4");
  });
});
