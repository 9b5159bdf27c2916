import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import {
  type BoundaryCollection,
  buildReferenceAreas,
  ReferenceDataError,
  type WilayahRow,
} from "./reference";

const dir = "data/dki-jakarta";
const rows = parse(readFileSync(`${dir}/wilayah.csv`, "utf8"), { columns: true }) as WilayahRow[];
const boundaries = ["kota", "kecamatan", "kelurahan"].map(
  (f) => JSON.parse(readFileSync(`${dir}/${f}.geojson`, "utf8")) as BoundaryCollection,
);

describe("buildReferenceAreas on the shipped DKI data", () => {
  const records = buildReferenceAreas(rows, boundaries);
  const byCode = new Map(records.map((r) => [r.code, r]));

  it("builds one record per code with a boundary, the province included", () => {
    expect(records).toHaveLength(318);
    expect(byCode.get("31")?.geometry?.type).toBe("MultiPolygon");
    expect(records.every((r) => r.geometry && r.bbox && r.labelPoint && r.areaKm2)).toBe(true);
  });

  // Reference values: the kecamatan area table in data/dki-jakarta/SOURCES.md (shapely, UTM 48S).
  it.each([
    ["31.73.01", 25.71],
    ["31.73.02", 10.84],
    ["31.73.03", 4.49],
    ["31.73.04", 5.41],
    ["31.73.05", 17.65],
    ["31.73.06", 28.99],
    ["31.73.07", 7.38],
    ["31.73.08", 24.93],
  ])("kecamatan %s measures %s km² as in SOURCES.md", (code, km2) => {
    expect(byCode.get(code)?.areaKm2).toBeCloseTo(km2, 1);
  });

  it("Jakarta Barat measures 125.4 km²", () => {
    expect(byCode.get("31.73")?.areaKm2).toBeCloseTo(125.4, 1);
  });
});

describe("buildReferenceAreas on bad data", () => {
  it("lists every problem instead of loading half the data", () => {
    const bad: WilayahRow[] = [
      { code: "31", level: "provinsi", name: "DKI", parent_code: "" },
      { code: "31.73", level: "kota", name: "Barat", parent_code: "31" },
      { code: "31.73.01", level: "desa", name: "X", parent_code: "31.73" },
      { code: "31.73.02", level: "kelurahan", name: "Y", parent_code: "31.73" },
      { code: "31.73.03", level: "kecamatan", name: "", parent_code: "31.99" },
    ];
    let error: unknown;
    try {
      buildReferenceAreas(bad, []);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ReferenceDataError);
    const problems = (error as ReferenceDataError).problems;
    expect(problems).toEqual(
      expect.arrayContaining([
        'row 31.73.01: unknown level "desa"',
        "row 31.73.02: level kelurahan does not match the code",
        "row 31.73.03: parent 31.99 is not its prefix",
        "row 31.73.03: empty name",
        "area 31.73 has no boundary",
      ]),
    );
  });
});
