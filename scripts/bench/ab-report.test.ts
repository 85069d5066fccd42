import { describe, expect, it } from "vitest";
import { formatAbReport, soonerIn, type AbLoad } from "./ab-report";

const load = (
  coldForm: number | null,
  coldJson: number,
  warmForm: number,
  warmJson: number,
): AbLoad => ({
  coldForm,
  coldJson,
  coldMonaco: coldJson + 400,
  warmForm,
  warmJson,
});

describe("the A/B report", () => {
  const a = [load(650, 1_190, 340, 700), load(600, 1_100, 300, 650), load(500, 900, 250, 600)];
  const b = [load(530, 1_090, 290, 650), load(610, 1_000, 310, 640), load(null, 950, 240, 600)];

  it("counts the pairs in which B was sooner, a missing mark counting for neither", () => {
    expect(soonerIn(a, b, "coldForm")).toBe(1);
    expect(soonerIn(a, b, "coldJson")).toBe(2);
    expect(soonerIn(a, b, "warmForm")).toBe(2);
    expect(soonerIn(a, b, "warmJson")).toBe(2);
  });

  it("prints both medians, their difference and the pair count per figure", () => {
    expect(formatAbReport({ a: "before", b: "after" }, a, b)).toBe(
      [
        "median                      A before   B after     B − A  B sooner in",
        "form editable, cold           600 ms    570 ms  −30.0 ms       1 of 3",
        "JSON editor editable, cold  1,100 ms  1,000 ms   −100 ms       2 of 3",
        "Monaco ready, cold          1,500 ms  1,400 ms   −100 ms       2 of 3",
        "form editable, warm           300 ms    290 ms  −10.0 ms       2 of 3",
        "JSON editor editable, warm    650 ms    640 ms  −10.0 ms       2 of 3",
      ].join("\n"),
    );
  });
});
