import { describe, expect, it } from "vitest";
import { emergingLabel, mannKendall } from "./trends";

describe("Mann-Kendall", () => {
  it("matches a worked example (no ties)", () => {
    // 9 rising pairs and 1 falling: S = 8; variance 5*4*15/18 = 16.667; z = (8-1)/sqrt(16.667).
    const r = mannKendall([1, 3, 2, 4, 5]);
    expect(r.s).toBe(8);
    expect(r.variance).toBeCloseTo(16.6667, 3);
    expect(r.z).toBeCloseTo(7 / Math.sqrt(50 / 3), 10);
    expect(r.tau).toBeCloseTo(0.8, 10);
  });

  it("corrects the variance for ties and finds no trend in a flat series", () => {
    const tied = mannKendall([1, 1, 2, 2, 3]);
    expect(tied.variance).toBeCloseTo((5 * 4 * 15 - 2 * (2 * 1 * 9)) / 18, 10);
    expect(mannKendall([4, 4, 4, 4]).p).toBe(1);
  });

  it("detects a monotonic rise as significant", () => {
    const r = mannKendall([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(r.p).toBeLessThan(0.001);
    expect(r.tau).toBe(1);
  });
});

describe("emerging hotspot labels", () => {
  it.each([
    [[0.1, 0.5, 0.3, 2.5], "new"],
    [[2.0, 2.4, 2.9, 3.3, 3.8, 4.4, 5.0, 5.5, 6.1, 6.8], "intensifying"],
    [[6.8, 6.1, 5.5, 5.0, 4.4, 3.8, 3.3, 2.9, 2.4, 2.0], "diminishing"],
    [[3.0, 2.5, 3.1, 2.6, 3.0, 2.7, 3.2, 2.5, 3.0, 2.8], "persistent"],
    [[2.5, 0.2, 2.3, 0.1, 2.8], "sporadic"],
    [[2.5, 2.5, 0.3], "none"],
  ])("%j is %s", (z, label) => {
    expect(emergingLabel(z)).toBe(label);
  });
});
