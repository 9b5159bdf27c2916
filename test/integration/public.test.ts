/**
 * The public page's API: works signed out, gives aggregates only (no record-level field
 * anywhere in any answer), shows small counts as "<5" and hides their complements.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../app";
import { anonymousClient, type Client } from "../factories";

let t: TestApp;
let anonymous: Client;

/** Keys an answer of the public API may hold; anything else fails the walk. */
const ALLOWED_KEYS = new Set([
  "city",
  "year",
  "years",
  "areas",
  "areaCode",
  "areaName",
  "class",
  "roundName",
  "periodEnd",
  "available",
  "table",
  "threshold",
  "small",
  "suppressed",
  "columns",
  "rows",
  "cells",
  "total",
  "columnTotals",
  "grandTotal",
  "withheld",
  "rehabilitation",
  "recorded",
  "official",
  "points",
  "count",
  "custody",
  "latest",
  "countedOn",
  "capacity",
  "occupants",
  "drugOffences",
  "occupancyRatio",
  "overcrowdingExcess",
  "drugShare",
  "indicator",
  "value",
  "unit",
  "periodStart",
  "source",
  "citation",
  "publishedOn",
]);
const FORBIDDEN =
  /^(id|.*Id|lon|lat|notes?|geometry|external_?ref|name|email|nik|persons|sourceRef|source_ref)$/i;

/** Every key of every object in a JSON value, and every string value. */
function walk(value: unknown, keys: Set<string>, strings: string[]): void {
  if (Array.isArray(value)) for (const v of value) walk(v, keys, strings);
  else if (value && typeof value === "object")
    for (const [k, v] of Object.entries(value)) {
      keys.add(k);
      walk(v, keys, strings);
    }
  else if (typeof value === "string") strings.push(value);
}

const SECRET_NOTE = "Informan: Budi, rumah no. 12";
const SECRET_REF = "POLRES/LP/0099";

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  // A published round with two kelurahan, and a draft that must not show.
  const round = await db
    .insertInto("assessment_rounds")
    .values({
      name: "Pemetaan 2025 S1",
      method: "indicator",
      area_code: "31.73",
      period_start: "2025-01-01",
      period_end: "2025-06-30",
      catalogue_version: 1,
      rule_version: 1,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const assess = (code: string, cls: string, status: string, notes: string) =>
    db
      .insertInto("assessments")
      .values({
        round_id: round.id,
        area_code: code,
        status,
        class: cls,
        notes,
        indicators: "{}",
        survey_items: "{}",
        named_location_id: null,
        pokok: null,
        pendukung: null,
        survey_score: null,
        drafted_by: null,
        verified_by: null,
        verified_at: null,
        verify_comment: null,
        published_by: null,
        rule_version: 1,
        published_at: status === "published" ? new Date() : null,
      })
      .execute();
  await assess("31.73.01.1004", "bahaya", "published", SECRET_NOTE);
  await assess("31.73.07.1006", "waspada", "published", SECRET_NOTE);
  await assess("31.73.02.1001", "aman", "draft", "");
  // Incidents in 2025: Kedaung Kali Angke has 3 in January (small) and 9 in February,
  // Kota Bambu Selatan 7 in January and 8 in February, with a point and free text.
  const incidents: Array<[string, string, number]> = [
    ["31.73.01.1004", "2025-01-10", 3],
    ["31.73.01.1004", "2025-02-10", 9],
    ["31.73.07.1006", "2025-01-15", 7],
    ["31.73.07.1006", "2025-02-15", 8],
    ["31.73.07.1006", "2024-06-01", 2],
  ];
  let k = 0;
  for (const [code, date, n] of incidents)
    for (let j = 0; j < n; j++)
      await db
        .insertInto("incidents")
        .values({
          external_ref: `${SECRET_REF}-${k++}`,
          occurred_on: date,
          type_code: "drug_use",
          precision: "exact",
          lon: 106.73,
          lat: -6.14,
          kelurahan_code: code,
          source: "police",
          notes: SECRET_NOTE,
        })
        .execute();
  for (const [indicator, value] of [
    ["custody_capacity", 5919],
    ["custody_occupants", 13347],
    ["rehab_clients", 7072],
  ] as const)
    await db
      .insertInto("official_figures")
      .values({
        indicator_code: indicator,
        value,
        period_start: "2024-01-01",
        period_end: "2024-12-31",
        area_code: "31",
        source_organisation: "ANTARA",
        citation: "ANTARA 2025",
        notes: SECRET_NOTE,
      })
      .execute();
  anonymous = await anonymousClient(t.app);
});
afterAll(async () => {
  await t.close();
});

const URLS = [
  "/api/public/classes?city=31.73",
  "/api/public/incidents?city=31.73&year=2025",
  "/api/public/incidents?city=31.73",
  "/api/public/activities?city=31.73",
  "/api/public/figures",
];

describe("public page API", () => {
  it("answers signed out, and no answer holds a record-level field or free text", async () => {
    for (const url of URLS) {
      const res = await anonymous.request({ method: "GET", url });
      expect(res.statusCode, url).toBe(200);
      const keys = new Set<string>();
      const strings: string[] = [];
      walk(res.json(), keys, strings);
      for (const key of keys) {
        expect(ALLOWED_KEYS.has(key), `${url}: key ${key}`).toBe(true);
        expect(FORBIDDEN.test(key), `${url}: key ${key}`).toBe(false);
      }
      for (const s of strings) {
        expect(s).not.toContain("Budi");
        expect(s).not.toContain(SECRET_REF);
        // No uuid of any record.
        expect(s).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i);
      }
      expect(res.body).not.toContain("106.73");
    }
  });

  it("shows published classes only, per kelurahan", async () => {
    const res = await anonymous.request({ method: "GET", url: "/api/public/classes?city=31.73" });
    expect(res.json().areas).toEqual([
      {
        areaCode: "31.73.01.1004",
        areaName: "Kedaung Kali Angke",
        class: "bahaya",
        roundName: "Pemetaan 2025 S1",
        periodEnd: "2025-06-30",
      },
      {
        areaCode: "31.73.07.1006",
        areaName: "Kota Bambu Selatan",
        class: "waspada",
        roundName: "Pemetaan 2025 S1",
        periodEnd: "2025-06-30",
      },
    ]);
  });

  it("shows incidents per kelurahan and month with <5 and complementary suppression", async () => {
    const res = await anonymous.request({
      method: "GET",
      url: "/api/public/incidents?city=31.73&year=2025",
    });
    const body = res.json();
    expect(body.year).toBe(2025);
    expect(body.years).toEqual([2025, 2024]);
    const { table } = body;
    expect(table.threshold).toBe(5);
    expect(table.columns[0]).toBe("2025-01");
    expect(table.rows).toHaveLength(56); // every kelurahan of Jakarta Barat, zeros shown
    const row = (code: string) => table.rows.find((r: { areaCode: string }) => r.areaCode === code);
    // 3 is small; its row and column each need a second hidden cell: the rectangle with
    // 9, 7 and 8 (the cheapest cycle); the totals 12, 15, 10, 17 and 27 stay published.
    expect(row("31.73.01.1004").cells.slice(0, 3)).toEqual(["<5", "suppressed", 0]);
    expect(row("31.73.07.1006").cells.slice(0, 3)).toEqual(["suppressed", "suppressed", 0]);
    expect(row("31.73.01.1004").total).toBe(12);
    expect(row("31.73.07.1006").total).toBe(15);
    expect(table.columnTotals.slice(0, 3)).toEqual([10, 17, 0]);
    expect(table.grandTotal).toBe(27);
    expect(row("31.73.02.1001").cells).toEqual(new Array(12).fill(0));
    // The latest year is the default; 2024 has a single 2: it and its totals are small.
    const y2024 = (
      await anonymous.request({ method: "GET", url: "/api/public/incidents?year=2024" })
    ).json();
    const r24 = y2024.table.rows.find((r: { areaCode: string }) => r.areaCode === "31.73.07.1006");
    expect(r24.cells[5]).toBe("<5");
    expect(r24.total).toBe("<5");
    expect(y2024.table.grandTotal).toBe("<5");
    expect(JSON.stringify(y2024)).not.toMatch(/[^0-9]2[,}\]]/);
    const dflt = (await anonymous.request({ method: "GET", url: "/api/public/incidents" })).json();
    expect(dflt.year).toBe(2025);
  });

  it("shows the official rehabilitation and custody figures with their source", async () => {
    const res = await anonymous.request({ method: "GET", url: "/api/public/figures" });
    const body = res.json();
    expect(
      body.rehabilitation.official.map((f: { value: number; source: string }) => [
        f.value,
        f.source,
      ]),
    ).toEqual([[7072, "ANTARA"]]);
    expect(
      body.custody.official.map((f: { indicator: string; value: number }) => [
        f.indicator,
        f.value,
      ]),
    ).toEqual([
      ["custody_capacity", 5919],
      ["custody_occupants", 13347],
    ]);
    expect(res.body).not.toContain("Budi");
  });

  it("follows TANGGAP_PUBLIC_MIN_COUNT", async () => {
    const t3 = await createTestApp({
      database: t.database,
      env: { TANGGAP_PUBLIC_MIN_COUNT: "3" },
    });
    try {
      const res = await t3.app.inject({ method: "GET", url: "/api/public/incidents?year=2025" });
      const table = res.json().table;
      expect(table.threshold).toBe(3);
      expect(table.small).toBe("<3");
      // With threshold 3 nothing of 2025 is small: all published.
      const row = table.rows.find((r: { areaCode: string }) => r.areaCode === "31.73.01.1004");
      expect(row.cells.slice(0, 2)).toEqual([3, 9]);
    } finally {
      await t3.close();
    }
  });

  it("refuses a malformed city or year with a clear code, and an unknown city with 404", async () => {
    const bad = await anonymous.request({
      method: "GET",
      url: "/api/public/incidents?city=jakarta",
    });
    expect(bad.statusCode).toBe(400);
    const year = await anonymous.request({ method: "GET", url: "/api/public/incidents?year=abc" });
    expect(year.statusCode).toBe(400);
    expect(year.json().error.code).toBe("VALIDATION_FAILED");
    const none = await anonymous.request({ method: "GET", url: "/api/public/classes?city=31.79" });
    expect(none.statusCode).toBe(404);
  });
});
