import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { AreaGeometry } from "../spatial/geometry";
import { createLocator } from "../spatial/locate";
import { DEFAULT_INCIDENT_TYPES } from "./catalogue";
import {
  headerProblems,
  INCIDENT_COLUMNS,
  type IncidentContext,
  parseIncident,
  parseIncidentRows,
} from "./rows";

const kelurahan = JSON.parse(readFileSync("data/dki-jakarta/kelurahan.geojson", "utf8")) as {
  features: Array<{ properties: { code: string }; geometry: AreaGeometry }>;
};
const locator = createLocator(
  kelurahan.features.map((f) => ({ code: f.properties.code, geometry: f.geometry })),
);
const context: IncidentContext = {
  types: new Set(DEFAULT_INCIDENT_TYPES.map((t) => t.code)),
  kelurahan: new Set(kelurahan.features.map((f) => f.properties.code)),
  locate: (p) => locator.locate(p),
};
const TODAY = "2026-11-29";
const good = {
  external_ref: "LP/1",
  date: "2025-03-04",
  type: "possession",
  source: "police_report",
  lon: "106.81311",
  lat: "-6.13524",
  persons: "2",
  arrests: "1",
};

describe("incident records", () => {
  it("locates a point, computes its H3 cells and keeps counts", () => {
    const { record, problems } = parseIncident(good, 2, context, TODAY);
    expect(problems).toEqual([]);
    expect(record).toMatchObject({
      kelurahanCode: "31.73.03.1008",
      precision: "exact",
      persons: 2,
      arrests: 1,
      externalRef: "LP/1",
    });
    expect(Object.keys(record!.h3!)).toEqual(["7", "9", "11"]);
  });

  it("accepts an incident known only by its kelurahan", () => {
    const { record } = parseIncident(
      { date: "2025-01-01", type: "drug_use", source: "news", kelurahan_code: "31.73.07.1006" },
      2,
      context,
      TODAY,
    );
    expect(record).toMatchObject({
      point: null,
      precision: "kelurahan",
      h3: null,
      kelurahanCode: "31.73.07.1006",
    });
  });

  it("names each problem by column", () => {
    const { problems } = parseIncident(
      {
        date: "2025-02-30",
        time: "25:00",
        type: "smuggling",
        source: "rumour",
        lon: "106.9",
        lat: "-6.5",
        persons: "-1",
        quantity: "abc",
        unit: "ton",
        notes: "NIK 3173010101010001 diamankan",
      },
      7,
      context,
      TODAY,
    );
    expect(problems.map((p) => `${p.column}:${p.code}`)).toEqual([
      "date:BAD_DATE",
      "time:BAD_TIME",
      "type:UNKNOWN_TYPE",
      "source:UNKNOWN_SOURCE",
      "lon:OUTSIDE_DKI",
      "persons:BAD_NUMBER",
      "quantity:BAD_NUMBER",
      "unit:UNKNOWN_UNIT",
      "notes:PERSONAL_DATA",
    ]);
    expect(problems.every((p) => p.row === 7)).toBe(true);
    expect(
      parseIncident({ ...good, date: "2030-01-01" }, 2, context, TODAY).problems[0]?.code,
    ).toBe("BAD_DATE");
  });

  it("refuses columns that look like names or identity numbers", () => {
    expect(
      headerProblems([...INCIDENT_COLUMNS, "nama_tersangka", "NIK", "alamat"]).map((p) => p.column),
    ).toEqual(["nama_tersangka", "NIK", "alamat"]);
    expect(headerProblems(["date", "type", "source"])).toContainEqual({
      row: 1,
      column: "lon",
      code: "MISSING_COLUMN",
    });
  });

  it("rejects duplicate references in one file and returns no records with problems", () => {
    const result = parseIncidentRows(Object.keys(good), [good, { ...good }], context, TODAY);
    expect(result.records).toEqual([]);
    expect(result.problems).toEqual([
      { row: 3, column: "external_ref", code: "DUPLICATE_REFERENCE" },
    ]);
  });

  it("never throws and never returns records alongside problems, whatever the rows", () => {
    const value = fc.oneof(
      fc.string(),
      fc.constantFrom(
        "2025-01-01",
        "possession",
        "police_report",
        "106.8",
        "-6.2",
        "31.73.07.1006",
        "",
      ),
      fc.double(),
      fc.constant(null),
    );
    const row = fc.dictionary(fc.constantFrom(...INCIDENT_COLUMNS), value);
    fc.assert(
      fc.property(fc.array(row, { maxLength: 20 }), (rows) => {
        const result = parseIncidentRows([...INCIDENT_COLUMNS], rows, context, TODAY);
        return result.problems.length === 0 || result.records.length === 0;
      }),
      { numRuns: 200 },
    );
  });
});
