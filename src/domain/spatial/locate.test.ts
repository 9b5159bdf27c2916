import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { type AreaGeometry, labelPoint, type Position } from "./geometry";
import { createLocator, pointInGeometry } from "./locate";

const kelurahan = JSON.parse(readFileSync("data/dki-jakarta/kelurahan.geojson", "utf8")) as {
  features: Array<{ properties: { code: string; kelurahan: string }; geometry: AreaGeometry }>;
};
const locator = createLocator(
  kelurahan.features.map((f) => ({ code: f.properties.code, geometry: f.geometry })),
);
const nameOf = (code: string | null) =>
  kelurahan.features.find((f) => f.properties.code === code)?.properties.kelurahan ?? null;

describe("locating points in kelurahan", () => {
  // The landmark checks of data/jakarta-barat/SOURCES.md.
  it.each([
    ["Museum Fatahillah", [106.81311, -6.13524], "Pinangsia"],
    ["Glodok", [106.8148, -6.1446], "Glodok"],
    ["Terminal Kalideres", [106.70357, -6.15443], "Kalideres"],
    ["Binus Syahdan", [106.7838, -6.2006], "Palmerah"],
  ] as Array<[string, Position, string]>)("%s lies in %s", (_name, point, expected) => {
    expect(nameOf(locator.locate(point))).toBe(expected);
  });

  it("finds nothing outside DKI or for non-numbers", () => {
    expect(locator.locate([106.9, -6.5])).toBeNull(); // Bogor
    expect(locator.locate([Number.NaN, 0])).toBeNull();
  });

  it("respects holes and multipolygons", () => {
    const donut: AreaGeometry = {
      type: "Polygon",
      coordinates: [
        [
          [0, 0],
          [10, 0],
          [10, 10],
          [0, 10],
          [0, 0],
        ],
        [
          [4, 4],
          [6, 4],
          [6, 6],
          [4, 6],
          [4, 4],
        ],
      ],
    };
    expect(pointInGeometry(donut, [2, 2])).toBe(true);
    expect(pointInGeometry(donut, [5, 5])).toBe(false);
  });

  it("locates the label point of each of the 267 kelurahan in that kelurahan", () => {
    for (const f of kelurahan.features) {
      expect(locator.locate(labelPoint(f.geometry)), f.properties.code).toBe(f.properties.code);
    }
  });
});
