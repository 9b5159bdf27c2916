/**
 * The executive dashboard: with the figures quoted at the 2025 meeting (DOMAIN.md section 2)
 * in the register, it shows them with their sources and the measures computed from them;
 * it counts the latest classes, the incidents per month and the programmes.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lastMonths } from "../../src/server/modules/dashboard/dashboard.service";
import { createTestApp, type TestApp } from "../app";
import { anonymousClient, type Client, newOrganisation, newUser, signIn } from "../factories";

let t: TestApp;
let viewer: Client;
let outside: Client;

const ANTARA = "ANTARA";
const CITATION = "BNNP DKI dan Wali Kota Jakarta Barat bahas P4GN (ANTARA, 2025)";

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  const figure = (
    indicator: string,
    value: number,
    start: string | null,
    end: string | null,
    source = ANTARA,
    label = "",
  ) =>
    db
      .insertInto("official_figures")
      .values({
        indicator_code: indicator,
        value,
        period_start: start,
        period_end: end,
        period_label: label,
        area_code: "31",
        source_organisation: source,
        citation: source === ANTARA ? CITATION : "Laporan tahunan",
        link: null,
        published_on: "2025-07-01",
        entered_by: null,
      })
      .execute();
  await figure("custody_capacity", 5919, null, "2025-06-30");
  await figure("custody_occupants", 13347, null, "2025-06-30");
  await figure("custody_drug_offenders", 8585, null, "2025-06-30");
  await figure("rehab_clients", 1551, "2023-01-01", "2023-12-31");
  await figure("rehab_clients", 7072, "2024-01-01", "2024-12-31");
  await figure("rehab_clients", 6718, "2024-01-01", "2024-12-31", "BNN RI");
  await figure("rehab_clients", 1236, "2025-01-01", "2025-05-31");

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
  for (const [code, cls] of [
    ["31.73.01.1004", "bahaya"],
    ["31.73.07.1006", "bahaya"],
    ["31.73.07.1005", "waspada"],
    ["31.73.02.1001", "aman"],
  ] as const)
    await db
      .insertInto("assessments")
      .values({
        round_id: round.id,
        area_code: code,
        named_location_id: null,
        status: "published",
        class: cls,
        indicators: "{}",
        survey_items: "{}",
        pokok: null,
        pendukung: null,
        survey_score: null,
        rule_version: 1,
        drafted_by: null,
        verified_by: null,
        verified_at: null,
        verify_comment: null,
        published_by: null,
        published_at: new Date(),
      })
      .execute();
  // Incidents: 3 in the current month and 2 in the one before, 1 outside the city.
  const months = lastMonths(2);
  const incident = (date: string, code: string) =>
    db
      .insertInto("incidents")
      .values({
        occurred_on: date,
        type_code: "drug_use",
        precision: "kelurahan",
        kelurahan_code: code,
        source: "news",
      })
      .execute();
  for (let k = 0; k < 3; k++) await incident(`${months[1]}-01`, "31.73.01.1004");
  for (let k = 0; k < 2; k++) await incident(`${months[0]}-15`, "31.73.07.1006");
  await incident(`${months[1]}-01`, "31.71.01.1001");

  const org = await newOrganisation(db, { areaCode: "31.73" });
  viewer = await signIn(
    t.app,
    await newUser(db, { role: "viewer", scope: "31.73", organisationId: org }),
  );
  const orgOut = await newOrganisation(db, { areaCode: "31.71" });
  outside = await signIn(
    t.app,
    await newUser(db, { role: "viewer", scope: "31.71", organisationId: orgOut }),
  );
});
afterAll(async () => {
  await t.close();
});

describe("executive dashboard", () => {
  it("shows the custody figures of section 2 with their source and the measures", async () => {
    const res = await viewer.request({ method: "GET", url: "/api/dashboard?city=31.73" });
    expect(res.statusCode).toBe(200);
    const { custody } = res.json();
    expect(custody.available).toBe(true);
    expect(custody.capacity.value).toBe(5919);
    expect(custody.occupants.value).toBe(13347);
    expect(custody.drugOffenders.value).toBe(8585);
    expect(custody.occupancyRatio.value).toBe(225.5);
    expect(custody.overcrowdingExcess.value).toBe(125.5);
    expect(custody.drugShare.value).toBe(64.3);
    for (const key of ["capacity", "occupants", "drugOffenders"]) {
      expect(custody[key].source).toBe(`${ANTARA}: ${CITATION}`);
      expect(custody[key].link).toBe("/angka-resmi");
    }
    expect(custody.occupancyRatio.source).toBe(
      `occupants / capacity, computed from ${ANTARA}: ${CITATION}`,
    );
    expect(custody.occupancyRatio.link).toBe("/lapas");
  });

  it("shows rehabilitation clients per year, disagreeing sources side by side", async () => {
    const res = await viewer.request({ method: "GET", url: "/api/dashboard?city=31.73" });
    const { rehabilitation } = res.json();
    const byPeriod = Object.fromEntries(
      rehabilitation.years.map(
        (y: { periodEnd: string; official: Array<{ value: number; source: string }> }) => [
          y.periodEnd,
          y.official.map((f) => [f.value, f.source]),
        ],
      ),
    );
    expect(byPeriod).toEqual({
      "2023-12-31": [[1551, ANTARA]],
      "2024-12-31": expect.arrayContaining([
        [7072, ANTARA],
        [6718, "BNN RI"],
      ]),
      "2025-05-31": [[1236, ANTARA]],
    });
    expect(byPeriod["2024-12-31"]).toHaveLength(2);
    // Beside them, the registry's count for full calendar years (no clients recorded here);
    // January to May is not a year, so no count from records.
    expect(rehabilitation.recordsAvailable).toBe(true);
    const records = Object.fromEntries(
      rehabilitation.years.map((y: { periodEnd: string; records: number | null }) => [
        y.periodEnd,
        y.records,
      ]),
    );
    expect(records).toEqual({ "2023-12-31": 0, "2024-12-31": 0, "2025-05-31": null });
  });

  it("counts the latest classes, incidents per month in the city, and programmes", async () => {
    const body = (await viewer.request({ method: "GET", url: "/api/dashboard?city=31.73" })).json();
    expect(body.cityName).toBe("Kota Administrasi Jakarta Barat");
    expect(body.risk.counts).toEqual({ bahaya: 2, waspada: 1, siaga: 0, aman: 1, unassessed: 52 });
    expect(body.risk.kelurahan).toBe(56);
    expect(body.risk.roundName).toBe("Pemetaan 2025 S1");
    expect(body.risk.source).toContain("Pemetaan 2025 S1");
    expect(body.risk.link).toBe("/rawan");
    const months = lastMonths(2);
    expect(body.incidents.months).toHaveLength(24);
    expect(body.incidents.months.slice(-2)).toEqual([
      { month: months[0], count: 2 },
      { month: months[1], count: 3 },
    ]);
    expect(body.incidents.total).toBe(5);
    expect(body.programmes.byStatus).toEqual({ planned: 0, active: 0, completed: 0, cancelled: 0 });
    // Three risky (Bahaya or Waspada) kelurahan, none with an activity this year.
    expect(body.programmes.riskyAreas).toBeGreaterThanOrEqual(3);
    expect(body.programmes.uncoveredAreas.map((a: { areaCode: string }) => a.areaCode)).toEqual(
      expect.arrayContaining(["31.73.01.1004", "31.73.07.1006", "31.73.07.1005"]),
    );
  });

  it("needs a sign-in, and answers 404 for a city outside one's scope", async () => {
    const anonymous = await anonymousClient(t.app);
    const res = await anonymous.request({ method: "GET", url: "/api/dashboard?city=31.73" });
    expect(res.statusCode).toBe(401);
    const out = await outside.request({ method: "GET", url: "/api/dashboard?city=31.73" });
    expect(out.statusCode).toBe(404);
    const bad = await viewer.request({ method: "GET", url: "/api/dashboard?city=barat" });
    expect(bad.statusCode).toBe(400);
  });
});
