import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { AreaGeometry, Position } from "../spatial/geometry";
import { twoSidedP } from "./normal";
import { benjaminiHochberg, hotspotClass, permutationPValuesGiStar, pValues } from "./significance";
import { gi, giStar, globalMoran, localMoran } from "./statistics";
import {
  contiguityWeights,
  distanceBandWeights,
  fromLists,
  knnWeights,
  neighboursOf,
  type Weights,
} from "./weights";

// Made by test/fixtures/hotspots/make-fixtures.R with R spdep (see the script).
const fixture = JSON.parse(readFileSync("test/fixtures/hotspots/jakarta-barat.json", "utf8"));
const asList = (v: number | number[]) => (Array.isArray(v) ? v : [v]);
const rLists = (name: string): number[][] => fixture.neighbours[name].map(asList);
const x: number[] = fixture.x;
const points: Position[] = fixture.points;
const kelurahan = JSON.parse(readFileSync("data/dki-jakarta/kelurahan.geojson", "utf8")) as {
  features: Array<{ properties: { code: string }; geometry: AreaGeometry }>;
};
const byCode = new Map(kelurahan.features.map((f) => [f.properties.code, f.geometry]));
const geometries = (fixture.codes as string[]).map((c) => byCode.get(c)!);

function lists(w: Weights): number[][] {
  return Array.from({ length: w.n }, (_, i) => Array.from(neighboursOf(w, i)));
}

function expectClose(actual: ArrayLike<number>, expected: number[], tolerance = 1e-9) {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    expect(
      Math.abs(actual[i]! - expected[i]!),
      `index ${i}: ${actual[i]} vs ${expected[i]}`,
    ).toBeLessThanOrEqual(tolerance);
  }
}

describe(`weights agree with spdep ${fixture.spdep}`, () => {
  it("queen and rook contiguity of the 56 kelurahan", () => {
    expect(lists(contiguityWeights(geometries, "queen"))).toEqual(rLists("queen"));
    expect(lists(contiguityWeights(geometries, "rook"))).toEqual(rLists("rook"));
  });

  it("4 nearest neighbours and a distance band on great circles", () => {
    expect(lists(knnWeights(points, 4))).toEqual(rLists("knn4"));
    expect(lists(distanceBandWeights(points, fixture.bandMetres))).toEqual(rLists("band"));
  });
});

describe(`statistics equal spdep ${fixture.spdep} to 1e-9`, () => {
  const weightsOf = (name: string) => fromLists(rLists(name));

  it("Gi* (localG with self included) on four kinds of weights", () => {
    for (const name of ["queen", "rook", "knn4", "band"])
      expectClose(giStar(x, weightsOf(name)), fixture.giStar[name]);
  });

  it("Gi (localG without self)", () => {
    for (const name of ["queen", "rook"]) expectClose(gi(x, weightsOf(name)), fixture.gi[name]);
  });

  it("local Moran's I, its moments, z and quadrants (conditional and total randomisation)", () => {
    const result = localMoran(x, weightsOf("queen"));
    expectClose(result.i, fixture.localMoran.i);
    expectClose(result.expected, fixture.localMoran.expected);
    expectClose(result.variance, fixture.localMoran.variance);
    expectClose(result.z, fixture.localMoran.z);
    const quadrant = {
      "High-High": "HH",
      "Low-Low": "LL",
      "Low-High": "LH",
      "High-Low": "HL",
    } as Record<string, string>;
    expect(result.quadrant).toEqual(fixture.localMoran.quadrant.map((q: string) => quadrant[q]));
    expectClose(
      localMoran(x, weightsOf("queen"), { conditional: false }).z,
      fixture.localMoran.zTotal,
    );
  });

  it("global Moran's I under randomisation", () => {
    const g = globalMoran(x, weightsOf("queen"));
    expectClose(
      [g.i, g.expected, g.variance, g.z],
      [
        fixture.globalMoran.i,
        fixture.globalMoran.expected,
        fixture.globalMoran.variance,
        fixture.globalMoran.z,
      ],
    );
  });

  it("p-values equal pnorm and BH equals p.adjust", () => {
    const p = pValues(fixture.giStar.queen);
    for (let i = 0; i < p.length; i++) {
      expect(
        Math.abs(p[i]! - fixture.pGiStar[i]) / Math.max(fixture.pGiStar[i], 1e-300),
      ).toBeLessThan(1e-10);
    }
    expectClose(benjaminiHochberg(p), fixture.pBH, 1e-10);
  });
});

describe("significance", () => {
  it("classes hot and cold spots at 99, 95 and 90%", () => {
    expect([
      hotspotClass(3, 0.003),
      hotspotClass(2, 0.04),
      hotspotClass(1.7, 0.09),
      hotspotClass(1, 0.3),
      hotspotClass(-2.6, 0.009),
    ]).toEqual(["hot99", "hot95", "hot90", "none", "cold99"]);
  });

  it("the normal tail is right far out and at the usual thresholds", () => {
    expect(twoSidedP(1.959963984540054)).toBeCloseTo(0.05, 12);
    expect(twoSidedP(2.5758293035489)).toBeCloseTo(0.01, 12);
    expect(twoSidedP(10) / 1.523970604832105e-23).toBeCloseTo(1, 12);
  });

  it("permutation p-values are reproducible with a seed and agree with the analytical ones", () => {
    const w = fromLists(rLists("queen"));
    const a = permutationPValuesGiStar(x, w, 999, 42);
    const b = permutationPValuesGiStar(x, w, 999, 42);
    expect(Array.from(a)).toEqual(Array.from(b));
    expect(Array.from(permutationPValuesGiStar(x, w, 999, 7))).not.toEqual(Array.from(a));
    const analytical = pValues(giStar(x, w));
    const strongest = analytical.indexOf(Math.min(...analytical));
    expect(a[strongest]).toBeLessThan(0.01);
    const weakest = analytical.indexOf(Math.max(...analytical));
    expect(a[weakest]).toBeGreaterThan(0.3);
  });
});
