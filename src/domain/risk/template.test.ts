import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_INDICATORS } from "./indicators";
import { parseAssessmentRows, parseYesNo, type TemplateContext, templateHeader } from "./template";

const context: TemplateContext = {
  indicators: DEFAULT_INDICATORS,
  areas: new Set(["31.73.01.1004", "31.73.07.1006", "31.73.07.1001"]),
  locations: new Map([["31.73.01.1004", new Set(["kompleks permata", "kampung ambon"])]]),
};
const header = templateHeader(DEFAULT_INDICATORS);
const codes = DEFAULT_INDICATORS.map((i) => i.code);

function row(areaCode: string, yes: string[], extra: Record<string, string> = {}) {
  return {
    kode_wilayah: areaCode,
    ...Object.fromEntries(codes.map((c) => [c, yes.includes(c) ? "ya" : "tidak"])),
    ...extra,
  };
}

describe("assessment import template", () => {
  it("has the area, location, every indicator, notes, source and evidence columns", () => {
    expect(header.slice(0, 3)).toEqual(["kode_wilayah", "lokasi", "P1"]);
    expect(header).toContain("bukti_D5");
    expect(header).toHaveLength(2 + 13 + 2 + 13);
  });

  it("reads valid rows, a named location and evidence", () => {
    const result = parseAssessmentRows(
      header,
      [
        row("31.73.01.1004", ["P1", "P3", "D2"], { bukti_P1: "LP/123/2025", sumber: "FGD" }),
        row("31.73.01.1004", ["P5"], { lokasi: "Kampung Ambon" }),
        row("31.73.07.1006", []),
      ],
      context,
    );
    expect(result.problems).toEqual([]);
    expect(result.rows).toHaveLength(3);
    expect(result.rows[0]).toMatchObject({
      row: 2,
      areaCode: "31.73.01.1004",
      location: null,
      evidence: { P1: "LP/123/2025" },
      source: "FGD",
    });
    expect(result.rows[0]?.present.P1).toBe(true);
    expect(result.rows[0]?.present.P2).toBe(false);
    expect(result.rows[1]?.location).toBe("Kampung Ambon");
  });

  it("lists every problem by row and column, and returns no rows then", () => {
    const result = parseAssessmentRows(
      header,
      [
        row("31.73.01.1004", ["P1"]),
        row("31.73.99.9999", []),
        { ...row("31.73.07.1006", []), P2: "mungkin" },
        row("31.73.01.1004", ["P2"]),
        { ...row("31.73.07.1006", []), lokasi: "Nowhere" },
        { ...row("31.73.07.1001", []), D3: "" },
      ],
      context,
    );
    expect(result.rows).toEqual([]);
    expect(result.problems).toEqual([
      { row: 3, column: "kode_wilayah", code: "UNKNOWN_AREA" },
      { row: 4, column: "P2", code: "BAD_VALUE" },
      { row: 5, column: "kode_wilayah", code: "DUPLICATE_ROW" },
      { row: 6, column: "lokasi", code: "UNKNOWN_LOCATION" },
      { row: 7, column: "D3", code: "MISSING_VALUE" },
    ]);
  });

  it("reports unknown and missing columns on the header row", () => {
    const result = parseAssessmentRows(["kode_wilayah", "P1", "P99"], [], context);
    expect(result.problems).toContainEqual({ row: 1, column: "P99", code: "UNKNOWN_COLUMN" });
    expect(result.problems).toContainEqual({ row: 1, column: "P2", code: "MISSING_COLUMN" });
  });

  it("understands Indonesian and English yes/no", () => {
    expect([
      parseYesNo("Ya"),
      parseYesNo(" tidak "),
      parseYesNo("YES"),
      parseYesNo("0"),
      parseYesNo("?"),
    ]).toEqual([true, false, true, false, undefined]);
  });

  it("never throws and never returns rows alongside problems, whatever the input", () => {
    const cell = fc.oneof(
      fc.string(),
      fc.constantFrom("ya", "tidak", "31.73.01.1004", "31.73.07.1006", ""),
      fc.integer(),
      fc.constant(null),
    );
    const anyRow = fc.dictionary(fc.oneof(fc.constantFrom(...header), fc.string()), cell);
    const anyHeader = fc.oneof(
      fc.constant(header),
      fc.array(fc.oneof(fc.constantFrom(...header), fc.string())),
    );
    fc.assert(
      fc.property(anyHeader, fc.array(anyRow, { maxLength: 30 }), (h, rows) => {
        const result = parseAssessmentRows(h, rows, context);
        return result.problems.length === 0 || result.rows.length === 0;
      }),
      { numRuns: 300 },
    );
  });
});
