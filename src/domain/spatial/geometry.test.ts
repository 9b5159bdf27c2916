import booleanPointInPolygon from "@turf/boolean-point-in-polygon";
import { describe, expect, it } from "vitest";
import {
  type AreaGeometry,
  areaKm2,
  bboxOf,
  centroidOf,
  labelPoint,
  mergeBboxes,
  toMultiPolygon,
} from "./geometry";

// A 0.01° square at the equator on WGS84: 1113.19 m east-west, 1105.74 m north-south.
const square: AreaGeometry = {
  type: "Polygon",
  coordinates: [
    [
      [0, 0],
      [0.01, 0],
      [0.01, 0.01],
      [0, 0.01],
      [0, 0],
    ],
  ],
};

// A U shape whose centroid falls in the gap between its arms.
const uShape: AreaGeometry = {
  type: "Polygon",
  coordinates: [
    [
      [0, 0],
      [3, 0],
      [3, 3],
      [2, 3],
      [2, 1],
      [1, 1],
      [1, 3],
      [0, 3],
      [0, 0],
    ],
  ],
};

describe("geometry", () => {
  it("computes the geodesic area of a known square", () => {
    expect(areaKm2(square)).toBeCloseTo(1.11319 * 1.10574, 3);
  });

  it("computes bounding boxes and merges them", () => {
    expect(bboxOf(square)).toEqual([0, 0, 0.01, 0.01]);
    expect(mergeBboxes([bboxOf(square), [-1, -2, 0.005, 5]])).toEqual([-1, -2, 0.01, 5]);
    expect(mergeBboxes([])).toBeNull();
  });

  it("computes the area-weighted centroid", () => {
    const [x, y] = centroidOf(square);
    expect(x).toBeCloseTo(0.005, 10);
    expect(y).toBeCloseTo(0.005, 10);
    const [ux, uy] = centroidOf(uShape);
    expect(ux).toBeCloseTo(1.5, 10);
    // 3x3 square (centroid y 1.5, area 9) minus the 1x2 notch (centroid y 2, area 2).
    expect(uy).toBeCloseTo((9 * 1.5 - 2 * 2) / 7, 10);
  });

  it("puts the label point inside a concave polygon even when the centroid is outside", () => {
    expect(booleanPointInPolygon(centroidOf(uShape), uShape)).toBe(false);
    expect(booleanPointInPolygon(labelPoint(uShape), uShape)).toBe(true);
  });

  it("labels a MultiPolygon in its largest part", () => {
    const small: AreaGeometry = {
      type: "Polygon",
      coordinates: [
        [
          [10, 10],
          [10.001, 10],
          [10.001, 10.001],
          [10, 10],
        ],
      ],
    };
    const multi = toMultiPolygon([small, square]);
    expect(multi.coordinates).toHaveLength(2);
    expect(booleanPointInPolygon(labelPoint(multi), square)).toBe(true);
    expect(areaKm2(multi)).toBeGreaterThan(areaKm2(square));
  });
});
