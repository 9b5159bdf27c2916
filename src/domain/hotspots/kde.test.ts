import { describe, expect, it } from "vitest";
import type { Position } from "../spatial/geometry";
import { defaultBandwidth, quarticKde } from "./kde";

const kedaung: Position = [106.7598, -6.1505];

describe("quartic kernel density", () => {
  it("peaks at 3/(pi h^2) over a single point and integrates to the number of points", () => {
    const grid = quarticKde([kedaung], { cellMetres: 10, bandwidthMetres: 500 });
    const peak = Math.max(...grid.values);
    expect(peak / (3 / (Math.PI * 500 * 500))).toBeGreaterThan(0.99);
    const integral = grid.values.reduce((s, v) => s + v, 0) * 10 * 10;
    expect(integral).toBeCloseTo(1, 2);
  });

  it("adds weighted points and is symmetric around a point", () => {
    const twice = quarticKde([kedaung], { cellMetres: 20, bandwidthMetres: 400, weights: [2] });
    const once = quarticKde([kedaung], { cellMetres: 20, bandwidthMetres: 400 });
    expect(twice.values.reduce((s, v) => s + v, 0)).toBeCloseTo(
      2 * once.values.reduce((s, v) => s + v, 0),
      10,
    );
    const { cols, rows, values } = once;
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < cols; c++) {
        expect(values[r * cols + c]).toBeCloseTo(values[r * cols + (cols - 1 - c)]!, 12);
      }
    }
  });

  it("has a documented default bandwidth and refuses degenerate input", () => {
    const cluster: Position[] = Array.from({ length: 50 }, (_, i) => [
      106.75 + (i % 10) * 0.001,
      -6.15 + Math.floor(i / 10) * 0.001,
    ]);
    const h = defaultBandwidth(cluster);
    expect(h).toBeGreaterThan(50);
    expect(h).toBeLessThan(1000);
    expect(() => defaultBandwidth([kedaung, kedaung])).toThrow(/one place/);
    expect(() => quarticKde([kedaung], { cellMetres: 0.01, bandwidthMetres: 50_000 })).toThrow(
      /too fine/,
    );
  });
});
