/**
 * Custody and the official figures register (issue 8, items 1 and 2), through the API: the
 * figures of DOMAIN.md section 2 entered once with their sources give exactly the published
 * values; sources that disagree are both shown; imports are all-or-nothing; scope and roles.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../app";
import { type Client, newOrganisation, newUser, signIn } from "../factories";

let t: TestApp;
let liaison: Client; // correctional liaison, DKI (31)
let analyst: Client; // analyst, DKI (31)
let analystBarat: Client; // analyst, Jakarta Barat (31.73)
let viewerBarat: Client; // viewer, Jakarta Barat
let liaisonBarat: Client; // correctional liaison scoped to Jakarta Barat only
let facilities: Array<{ id: string; name: string }>;

const ANTARA = {
  sourceOrganisation: "ANTARA",
  citation: "Audiensi BNNP DKI Jakarta dengan Wali Kota Jakarta Barat (ANTARA, 2025)",
  publishedOn: "2025-06-12",
};
const AS_OF = "2025-06-30";
// Per-facility counts on one date; they sum to 5,919 / 13,347 / 8,585 (DOMAIN.md section 2).
const SPLIT: Array<[string, number, number, number]> = [
  ["Lapas Kelas I Cipinang", 1136, 3142, 2050],
  ["Lapas Kelas IIA Salemba", 572, 1476, 1002],
  ["Lapas Narkotika Kelas IIA Jakarta", 1084, 2921, 2624],
  ["Lapas Perempuan Kelas IIA Jakarta", 317, 512, 276],
  ["Rutan Kelas I Cipinang", 1029, 2804, 1620],
  ["Rutan Kelas I Jakarta Pusat (Salemba)", 658, 1706, 790],
  ["Rutan Kelas I Pondok Bambu", 583, 598, 160],
  ["LPKA Kelas II Jakarta", 540, 188, 63],
];

const post = (client: Client, url: string, payload: unknown) =>
  client.request({ method: "POST", url, payload: payload as Record<string, unknown> });
const get = (client: Client, url: string) => client.request({ method: "GET", url });
const facilityId = (name: string) => facilities.find((f) => f.name === name)!.id;

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  const dki = await newOrganisation(db, { areaCode: "31", type: "correctional" });
  const barat = await newOrganisation(db, { areaCode: "31.73" });
  const user = async (role: Parameters<typeof newUser>[1]["role"], scope: string, org: string) =>
    signIn(t.app, await newUser(db, { role, scope, organisationId: org }));
  liaison = await user("correctional_liaison", "31", dki);
  analyst = await user("analyst", "31", dki);
  analystBarat = await user("analyst", "31.73", barat);
  viewerBarat = await user("viewer", "31.73", barat);
  liaisonBarat = await user("correctional_liaison", "31.73", barat);
  const res = await get(liaison, "/api/custody/facilities");
  facilities = res.json().items;
});
afterAll(async () => {
  await t.close();
});

describe("custody facilities and counts", () => {
  it("has the eight DKI facilities by default, each of its type", async () => {
    expect(facilities.map((f) => f.name).sort()).toEqual(SPLIT.map(([n]) => n).sort());
    const res = await get(viewerBarat, "/api/custody/facilities");
    expect(res.json().total).toBe(8);
    const types = res.json().items.map((f: { type: string }) => f.type);
    expect(types.filter((x: string) => x === "lapas")).toHaveLength(4);
    expect(types.filter((x: string) => x === "rutan")).toHaveLength(3);
    expect(types.filter((x: string) => x === "lpka")).toHaveLength(1);
  });

  it("enters the section 2 counts and shows 5,919 / 13,347 / 225.5% / 125.5% / 64.3% with sources", async () => {
    for (const [name, capacity, occupants, drug] of SPLIT) {
      const res = await post(liaison, "/api/custody/counts", {
        facilityId: facilityId(name),
        date: AS_OF,
        capacity,
        occupants,
        drugOffenders: drug,
        source: `Kanwil Ditjenpas DKI, laporan ${name}`,
      });
      expect(res.statusCode, res.body).toBe(201);
    }
    // one count read back with its own measures
    const one = await get(
      liaison,
      `/api/custody/counts?facility=${facilityId("Lapas Kelas I Cipinang")}`,
    );
    expect(one.json().items[0]).toMatchObject({
      capacity: 1136,
      occupants: 3142,
      occupancyRatio: {
        measure: "occupancy_ratio",
        percent: 276.6,
        formula: "occupants / capacity",
      },
      overcrowdingExcess: { measure: "overcrowding_excess", percent: 176.6 },
    });

    const summary = (await get(viewerBarat, `/api/custody/summary?area=31&asOf=${AS_OF}`)).json();
    expect(summary).toMatchObject({
      area: "31",
      facilities: 8,
      reporting: 8,
      capacity: 5919,
      occupants: 13347,
      drugOffenders: 8585,
      occupancyRatio: { measure: "occupancy_ratio", percent: 225.5 },
      overcrowdingExcess: { measure: "overcrowding_excess", percent: 125.5 },
      drugShare: { measure: "drug_share", percent: 64.3 },
      latestCount: AS_OF,
    });
    expect(summary.sources).toHaveLength(8);
    expect(summary.sources[0]).toMatch(/^Kanwil Ditjenpas DKI/);
  });

  it("shows trends per facility and for DKI", async () => {
    const id = facilityId("Rutan Kelas I Cipinang");
    const res = await post(liaison, "/api/custody/counts", {
      facilityId: id,
      date: "2024-12-31",
      capacity: 1029,
      occupants: "2.950",
      source: "Kanwil Ditjenpas DKI",
    });
    expect(res.statusCode, res.body).toBe(201);
    const one = (await get(viewerBarat, `/api/custody/trend?facility=${id}&by=year`)).json();
    expect(
      one.points.map((p: { period: string; occupants: number }) => [p.period, p.occupants]),
    ).toEqual([
      ["2024", 2950],
      ["2025", 2804],
    ]);
    const dki = (await get(viewerBarat, "/api/custody/trend?area=31&by=month")).json();
    const june = dki.points.find((p: { period: string }) => p.period === "2025-06");
    expect(june).toMatchObject({ facilities: 8, capacity: 5919, occupants: 13347 });
    expect(june.occupancyRatio.percent).toBe(225.5);
    const dec = dki.points.find((p: { period: string }) => p.period === "2024-12");
    expect(dec).toMatchObject({
      facilities: 1,
      occupants: 2950,
      drugOffenders: null,
      drugShare: null,
    });
  });

  it("refuses invalid counts with a stable code and writes nothing", async () => {
    const base = {
      facilityId: facilityId("LPKA Kelas II Jakarta"),
      date: "2025-01-31",
      capacity: 540,
      occupants: 190,
      source: "Kanwil",
    };
    const cases: Array<[Record<string, unknown>, string, string]> = [
      [{ drugOffenders: 191 }, "drug_offenders", "DRUG_ABOVE_OCCUPANTS"],
      [{ capacity: -1 }, "capacity", "NEGATIVE"],
      [{ occupants: 10.5 }, "occupants", "NOT_A_WHOLE_NUMBER"],
      [{ date: "2099-01-01" }, "date", "DATE_IN_FUTURE"],
      [{ source: "" }, "source", "MISSING_VALUE"],
    ];
    for (const [over, field, problem] of cases) {
      const res = await post(liaison, "/api/custody/counts", { ...base, ...over });
      expect(res.statusCode, JSON.stringify(over)).toBe(400);
      expect(res.json().error.code).toBe("VALIDATION_FAILED");
      expect(res.json().error.details).toContainEqual({ field, problem });
    }
    const dup = await post(liaison, "/api/custody/counts", {
      ...base,
      date: AS_OF,
    });
    expect(dup.statusCode).toBe(409);
    const list = await get(liaison, `/api/custody/counts?facility=${base.facilityId}`);
    expect(list.json().total).toBe(1);
  });

  it("updates a count and keeps the drug total within the occupants", async () => {
    const list = await get(
      liaison,
      `/api/custody/counts?facility=${facilityId("Rutan Kelas I Cipinang")}&to=2024-12-31`,
    );
    const id = list.json().items[0].id;
    const ok = await liaison.request({
      method: "PATCH",
      url: `/api/custody/counts/${id}`,
      payload: { drugOffenders: 1900 },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().drugShare.percent).toBe(64.4); // 1900 / 2950 = 0.64406...
    const bad = await liaison.request({
      method: "PATCH",
      url: `/api/custody/counts/${id}`,
      payload: { occupants: 100 },
    });
    expect(bad.statusCode).toBe(400);
    expect((await get(liaison, `/api/custody/counts/${id}`)).json().occupants).toBe(2950);
  });

  it("imports counts all-or-nothing: one bad row commits nothing and names the row", async () => {
    const header = "facility,date,capacity,occupants,drug_offenders,source";
    const good1 = "Lapas Kelas I Cipinang,2025-03-31,1136,3100,2000,Kanwil Maret";
    const bad = "Lapas Kelas IIA Salemba,2025-03-31,572,1400,1500,Kanwil Maret";
    const good2 = "Rutan Kelas I Pondok Bambu,2025-03-31,583,600,150,Kanwil Maret";
    const file = [header, good1, bad, good2].join("\n");
    const before = (await get(liaison, "/api/custody/counts?from=2025-03-31&to=2025-03-31")).json()
      .total;
    expect(before).toBe(0);
    const send = (body: string, dryRun: boolean) =>
      liaison.request({
        method: "POST",
        url: `/api/custody/counts/import?format=csv&dryRun=${dryRun}`,
        headers: { "content-type": "text/csv" },
        payload: body,
      });
    const dry = await send(file, true);
    expect(dry.statusCode).toBe(200);
    expect(dry.json()).toMatchObject({ valid: false, committed: false, rows: 3 });
    expect(dry.json().problems).toEqual([
      { row: 2, column: "drug_offenders", code: "DRUG_ABOVE_OCCUPANTS" },
    ]);
    const commit = await send(file, false);
    expect(commit.statusCode).toBe(400);
    expect(commit.json().error.code).toBe("IMPORT_INVALID");
    expect(commit.json().error.details.problems[0].row).toBe(2);
    expect(
      (await get(liaison, "/api/custody/counts?from=2025-03-31&to=2025-03-31")).json().total,
    ).toBe(0);

    const unknown = await send(`${header}\nLapas Tidak Ada,2025-03-31,1,1,0,x\n`, true);
    expect(unknown.json().problems).toEqual([
      { row: 1, column: "facility", code: "FACILITY_UNKNOWN" },
    ]);

    const fixed = [
      header,
      good1,
      "Lapas Kelas IIA Salemba,2025-03-31,572,1400,900,Kanwil Maret",
      good2,
    ].join("\n");
    const ok = await send(fixed, false);
    expect(ok.json()).toMatchObject({ valid: true, committed: true, created: 3, updated: 0 });
    expect(
      (await get(liaison, "/api/custody/counts?from=2025-03-31&to=2025-03-31")).json().total,
    ).toBe(3);
    const again = await send(fixed, false);
    expect(again.json()).toMatchObject({ created: 0, updated: 3 });
  });

  it("exports counts as CSV with labelled derived columns", async () => {
    const res = await get(liaison, `/api/custody/counts?format=csv&from=${AS_OF}&to=${AS_OF}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("text/csv");
    const lines = res.body
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]).toContain("occupancy_ratio_pct (occupants/capacity)");
    expect(lines).toHaveLength(9);
    expect(lines.find((l) => l.startsWith("Lapas Kelas I Cipinang"))).toContain(",276.6,176.6,");
  });

  it("lets the correctional liaison write only inside their scope; others only read", async () => {
    const id = facilityId("Lapas Kelas I Cipinang");
    const payload = { facilityId: id, date: "2025-02-28", capacity: 1, occupants: 1, source: "x" };
    const outside = await post(liaisonBarat, "/api/custody/counts", payload);
    expect(outside.statusCode).toBe(403);
    expect(outside.json().error.code).toBe("SCOPE_VIOLATION");
    const viewer = await post(viewerBarat, "/api/custody/counts", payload);
    expect(viewer.statusCode).toBe(403);
    expect(viewer.json().error.code).toBe("FORBIDDEN");
    // a facility counted towards Jakarta Pusat is not visible from Jakarta Barat
    const pusat = await liaison.request({
      method: "POST",
      url: "/api/custody/facilities",
      payload: { name: "Rutan Uji Jakarta Pusat", type: "rutan", areaCode: "31.71" },
    });
    expect(pusat.statusCode, pusat.body).toBe(201);
    expect((await get(viewerBarat, `/api/custody/facilities/${pusat.json().id}`)).statusCode).toBe(
      404,
    );
    expect((await get(liaison, `/api/custody/facilities/${pusat.json().id}`)).statusCode).toBe(200);
    const deactivated = await liaison.request({
      method: "PATCH",
      url: `/api/custody/facilities/${pusat.json().id}`,
      payload: { active: false },
    });
    expect(deactivated.json().active).toBe(false);
  });
});

describe("official figures register", () => {
  const figureIds: Record<string, string> = {};
  const enter = async (key: string, body: Record<string, unknown>, client = analyst) => {
    const res = await post(client, "/api/figures", { areaCode: "31", unit: "orang", ...body });
    expect(res.statusCode, res.body).toBe(201);
    figureIds[key] = res.json().id;
    return res.json();
  };

  it("enters every section 2 figure once with its source", async () => {
    await enter("rehab2023", {
      indicator: "rehab_clients",
      value: 1551,
      periodStart: "2023-01-01",
      periodEnd: "2023-12-31",
      periodLabel: "2023",
      ...ANTARA,
    });
    await enter("rehab2024", {
      indicator: "rehab_clients",
      value: 7072,
      periodStart: "2024-01-01",
      periodEnd: "2024-12-31",
      periodLabel: "2024",
      ...ANTARA,
    });
    await enter("rehab2025", {
      indicator: "rehab_clients",
      value: 1236,
      periodStart: "2025-01-01",
      periodEnd: "2025-05-31",
      periodLabel: "Januari–Mei 2025",
      ...ANTARA,
    });
    for (const [key, indicator, value] of [
      ["capacity", "custody_capacity", 5919],
      ["occupants", "custody_occupants", 13347],
      ["drug", "custody_drug_offenders", 8585],
    ] as const)
      await enter(key, { indicator, value, periodEnd: AS_OF, periodLabel: "2025", ...ANTARA });
    // the disagreeing 2024 figure, entered by a Jakarta Barat analyst (DKI contains their area)
    await enter(
      "rehab2024other",
      {
        indicator: "rehab_clients",
        value: 6718,
        periodStart: "2024-01-01",
        periodEnd: "2024-12-31",
        periodLabel: "2024",
        sourceOrganisation: "Sumber publik lain",
        citation: "Laporan lain untuk 2024",
        link: "https://example.org/laporan-2024",
      },
      analystBarat,
    );
  });

  it("shows capacity 5,919, occupants 13,347, 225.5%, 125.5%, 64.3% and rehab clients with their sources", async () => {
    const h = (await get(viewerBarat, "/api/figures/headline?area=31")).json();
    const fig = h.custody.fromFigures;
    expect(fig.capacity).toMatchObject({
      value: 5919,
      sourceOrganisation: "ANTARA",
      citation: ANTARA.citation,
    });
    expect(fig.occupants).toMatchObject({ value: 13347, sourceOrganisation: "ANTARA" });
    expect(fig.drugOffenders).toMatchObject({ value: 8585, sourceOrganisation: "ANTARA" });
    expect(fig.occupancyRatio).toMatchObject({ measure: "occupancy_ratio", percent: 225.5 });
    expect(fig.overcrowdingExcess).toMatchObject({
      measure: "overcrowding_excess",
      percent: 125.5,
    });
    expect(fig.drugShare).toMatchObject({ measure: "drug_share", percent: 64.3 });
    expect(h.custody.fromCounts).toMatchObject({ capacity: 5919, occupants: 13347 });

    const rehab = h.rehabClients.map(
      (g: {
        periodLabel: string;
        figures: Array<{ value: number; sourceOrganisation: string }>;
      }) => [g.periodLabel, g.figures.map((f) => `${f.value} ${f.sourceOrganisation}`).sort()],
    );
    expect(rehab).toEqual([
      ["2023", ["1551 ANTARA"]],
      ["2024", ["6718 Sumber publik lain", "7072 ANTARA"]],
      ["Januari–Mei 2025", ["1236 ANTARA"]],
    ]);
  });

  it("shows disagreeing sources side by side", async () => {
    const groups = (await get(viewerBarat, "/api/figures/disagreements")).json();
    expect(groups).toHaveLength(1);
    expect(groups[0]).toMatchObject({
      indicator: "rehab_clients",
      areaCode: "31",
      periodEnd: "2024-12-31",
      values: [7072, 6718],
    });
    expect(
      groups[0].figures.map((f: { sourceOrganisation: string }) => f.sourceOrganisation).sort(),
    ).toEqual(["ANTARA", "Sumber publik lain"]);
    const detail = (await get(viewerBarat, `/api/figures/${figureIds.rehab2024}`)).json();
    expect(detail.disagreeing).toBe(1);
    expect(detail.otherSources).toHaveLength(1);
    expect(detail.otherSources[0]).toMatchObject({
      value: 6718,
      link: "https://example.org/laporan-2024",
    });
    expect(
      (await get(viewerBarat, `/api/figures/${figureIds.rehab2023}`)).json().otherSources,
    ).toEqual([]);
  });

  it("puts the value computed from custody counts next to the published one", async () => {
    const cap = (await get(viewerBarat, `/api/figures/${figureIds.capacity}`)).json();
    expect(cap.computed).toMatchObject({ value: 5919, basis: "custody_counts" });
    const occ = (await get(viewerBarat, `/api/figures/${figureIds.occupants}`)).json();
    expect(occ.computed).toMatchObject({ value: 13347, basis: "custody_counts" });
    const list = (await get(viewerBarat, "/api/figures?indicator=custody_drug_offenders")).json();
    expect(list.items[0].computed).toMatchObject({ value: 8585 });
  });

  it("computes incidents per period from the incidents table when the area is in scope", async () => {
    const db = t.database.db;
    await db
      .insertInto("incidents")
      .values(
        ["2024-02-01", "2024-07-09", "2025-01-01"].map((d) => ({
          occurred_on: d,
          type_code: "drug_use",
          precision: "kelurahan",
          kelurahan_code: "31.73.01.1004",
          source: "news",
        })),
      )
      .execute();
    const fig = await enter(
      "incidents",
      {
        indicator: "drug_incidents",
        value: 3,
        unit: "kasus",
        areaCode: "31.73",
        periodStart: "2024-01-01",
        periodEnd: "2024-12-31",
        sourceOrganisation: "Polres Metro Jakarta Barat",
      },
      analystBarat,
    );
    expect(fig.computed).toMatchObject({ value: 2, basis: "incidents" });
    expect(fig.computed).not.toBeNull();
    const rehab = (await get(viewerBarat, `/api/figures/${figureIds.rehab2023}`)).json();
    expect(rehab.computed).toBeNull();
    // the correctional liaison may not read incidents: no value computed from them
    const byLiaison = (await get(liaison, `/api/figures/${figureIds.incidents}`)).json();
    expect(byLiaison.value).toBe(3);
    expect(byLiaison.computed).toBeNull();
  });

  it("filters by indicator, period and area", async () => {
    const byIndicator = (await get(viewerBarat, "/api/figures?indicator=rehab_clients")).json();
    expect(byIndicator.total).toBe(4);
    const byPeriod = (
      await get(viewerBarat, "/api/figures?indicator=rehab_clients&from=2024-06-01&to=2024-06-30")
    ).json();
    expect(byPeriod.items.map((f: { value: number }) => f.value).sort()).toEqual([6718, 7072]);
    const byArea = (await get(viewerBarat, "/api/figures?area=31.73")).json();
    expect(byArea.items.map((f: { indicator: string }) => f.indicator)).toEqual(["drug_incidents"]);
    const csv = await get(viewerBarat, "/api/figures?format=csv&indicator=rehab_clients");
    expect(csv.body).toContain("ANTARA");
    expect(csv.body).toContain("6718");
  });

  it("validates figures and keeps them within reach of the person's scope", async () => {
    const base = {
      indicator: "rehab_clients",
      value: 1,
      areaCode: "31",
      sourceOrganisation: "X",
      periodEnd: "2024-12-31",
    };
    const noPeriod = await post(analyst, "/api/figures", { ...base, periodEnd: null });
    expect(noPeriod.json().error.details).toContainEqual({
      field: "periodEnd",
      problem: "PERIOD_REQUIRED",
    });
    const order = await post(analyst, "/api/figures", { ...base, periodStart: "2025-01-01" });
    expect(order.json().error.details).toContainEqual({
      field: "periodStart",
      problem: "PERIOD_ORDER",
    });
    const unknown = await post(analyst, "/api/figures", { ...base, indicator: "nope" });
    expect(unknown.json().error.details).toContainEqual({
      field: "indicator",
      problem: "INDICATOR_UNKNOWN",
    });
    const future = await post(analyst, "/api/figures", { ...base, publishedOn: "2099-01-01" });
    expect(future.json().error.details).toContainEqual({
      field: "publishedOn",
      problem: "DATE_IN_FUTURE",
    });
    const link = await post(analyst, "/api/figures", { ...base, link: "javascript:alert(1)" });
    expect(link.statusCode).toBe(400);
    // Jakarta Pusat is neither inside Jakarta Barat nor containing it
    const pusat = await post(analystBarat, "/api/figures", { ...base, areaCode: "31.71" });
    expect(pusat.statusCode).toBe(403);
    const pusatByDki = await enter("pusat", { ...base, areaCode: "31.71" });
    expect((await get(viewerBarat, `/api/figures/${pusatByDki.id}`)).statusCode).toBe(404);
    const list = (await get(viewerBarat, "/api/figures?pageSize=200")).json();
    expect(list.items.map((f: { id: string }) => f.id)).not.toContain(pusatByDki.id);
    // correctional liaison reads figures but does not enter them
    const liaisonPost = await post(liaison, "/api/figures", base);
    expect(liaisonPost.statusCode).toBe(403);
  });

  it("updates a figure and keeps the indicator list editable", async () => {
    const res = await analyst.request({
      method: "PATCH",
      url: `/api/figures/${figureIds.rehab2024other}`,
      payload: { notes: "Sumber belum lengkap", value: 6718 },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().notes).toBe("Sumber belum lengkap");
    const ind = await analyst.request({
      method: "PUT",
      url: "/api/figures/indicators/ipwl_reports",
      payload: { name: "Laporan IPWL", nameEn: "IPWL reports", unit: "laporan" },
    });
    expect(ind.statusCode, ind.body).toBe(200);
    const list = (await get(viewerBarat, "/api/figures/indicators")).json();
    expect(list.map((i: { code: string }) => i.code)).toContain("ipwl_reports");
    const viewerPut = await viewerBarat.request({
      method: "PUT",
      url: "/api/figures/indicators/ipwl_reports",
      payload: { name: "x", nameEn: "x" },
    });
    expect(viewerPut.statusCode).toBe(403);
  });

  it("audits every mutation without values", async () => {
    const events = await t.database.db
      .selectFrom("audit_events")
      .select(["action", "changed_fields"])
      .where("resource", "in", ["custody", "official_figure"])
      .execute();
    const actions = new Set(events.map((e) => e.action));
    for (const a of [
      "custody_count.create",
      "custody_count.update",
      "custody_count.import",
      "custody_facility.create",
      "custody_facility.update",
      "official_figure.create",
      "official_figure.update",
      "official_figure_indicator.create",
    ])
      expect(actions, a).toContain(a);
    expect(JSON.stringify(events)).not.toContain("13347");
  });
});

describe("demo seed", () => {
  it("seeds counts summing to the section 2 figures and every figure with its source, idempotently", async () => {
    const { createTestDatabase } = await import("../db");
    const { seedDemoKnow } = await import("../../src/server/system/demo-know");
    const { custodySummary } = await import("../../src/server/modules/custody/custody.service");
    const { headlineFigures, disagreeingFigures } = await import(
      "../../src/server/modules/figures/figures.service"
    );
    const fresh = await createTestDatabase();
    try {
      const org = await newOrganisation(fresh.db, { areaCode: "31" });
      const liaisonUser = await newUser(fresh.db, {
        role: "correctional_liaison",
        scope: "31",
        organisationId: org,
      });
      const adminUser = await newUser(fresh.db, {
        role: "administrator",
        scope: "31",
        organisationId: org,
      });
      const demo = {
        userIds: new Map([
          ["correctional_liaison", liaisonUser.id],
          ["administrator", adminUser.id],
        ]) as Map<"correctional_liaison" | "administrator", string>,
        organisationIds: new Map<string, string>(),
      };
      await seedDemoKnow(fresh.db, demo as never);
      await seedDemoKnow(fresh.db, demo as never);
      const counts = await fresh.db.selectFrom("custody_counts").select("id").execute();
      expect(counts).toHaveLength(32); // 8 facilities x 4 dates, once
      expect(await fresh.db.selectFrom("official_figures").select("id").execute()).toHaveLength(8);
      const s = await custodySummary(fresh.db, "31.73", { area: "31", asOf: "2025-05-31" });
      expect(s).toMatchObject({
        capacity: 5919,
        occupants: 13347,
        drugOffenders: 8585,
        reporting: 8,
      });
      expect([
        s.occupancyRatio?.percent,
        s.overcrowdingExcess?.percent,
        s.drugShare?.percent,
      ]).toEqual([225.5, 125.5, 64.3]);
      const dec2018 = await custodySummary(fresh.db, "31", { area: "31", asOf: "2018-12-31" });
      expect([dec2018.capacity, dec2018.occupants]).toEqual([5851, 17629]);
      const h = await headlineFigures(fresh.db, "31.73", "31");
      expect(h.custody.fromFigures.occupancyRatio?.percent).toBe(225.5);
      const groups = await disagreeingFigures(fresh.db, "31.73");
      expect(groups.map((g) => g.values)).toEqual([[7072, 6718]]);
    } finally {
      await fresh.close();
    }
  });
});
