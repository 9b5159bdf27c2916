/**
 * Act (issue 6): programmes, activities, schedules, who does what where, and coverage of risky
 * places, against the real database (PGlite and PostgreSQL).
 *
 * THE ACCEPTANCE: a meeting with three input items turned into two follow-up actions and one
 * programme, with activities recorded in two kelurahan, appears in the who-does-what-where
 * matrix and the coverage view with exact counts; the coverage view lists exactly the
 * Bahaya/Waspada areas with no activity in the period; a programme officer edits only in scope;
 * a kelurahan officer records activities in their kelurahan only; every change is audited.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Role } from "../../src/domain/access/roles";
import { ProgrammesService } from "../../src/server/modules/programmes/programmes.service";
import { coverage } from "../../src/server/modules/programmes/programmes-analysis.service";
import { seedDemo } from "../../src/server/system/accounts";
import { seedDemoProgrammes } from "../../src/server/system/demo-programmes";
import { TINY_PNG } from "../access/programmes.cases";
import { createTestApp, type TestApp } from "../app";
import { createTestDatabase } from "../db";
import { type Client, newOrganisation, newUser, signIn } from "../factories";

const KEDAUNG = "31.73.01.1004"; // Kedaung Kali Angke (Kampung Ambon)
const BAMBU = "31.73.07.1006"; // Kota Bambu Selatan (Kampung Boncos)
const WASPADA_A = "31.73.01.1001";
const WASPADA_B = "31.73.07.1001";

let t: TestApp;
let admin: Client;
let officer: Client; // programme officer, scope Jakarta Barat
let narrowOfficer: Client; // programme officer, scope Kecamatan Cengkareng only
let lurah: Client; // kelurahan officer of Kedaung Kali Angke
let viewer: Client;
let siagaArea: string;
const org: Record<string, string> = {};
let items: string[] = [];
let actions: string[] = [];
let boncos: string;
let p1: string;
let p2: string;
let schedule: string;
const activityIds: string[] = [];

async function auditCount(action: string, recordId: string): Promise<number> {
  const rows = await t.database.db
    .selectFrom("audit_events")
    .select("id")
    .where("action", "=", action)
    .where("record_id", "=", recordId)
    .execute();
  return rows.length;
}

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  org.bnnp = await newOrganisation(db, { areaCode: "31", name: "BNNP uji" });
  org.kesbangpol = await newOrganisation(db, { areaCode: "31.73", name: "Kesbangpol uji" });
  org.kelurahan = await newOrganisation(db, { areaCode: KEDAUNG, name: "Kelurahan uji" });
  org.puskesmas = await newOrganisation(db, { areaCode: "31.73.07", name: "Puskesmas uji" });
  org.csr = await newOrganisation(db, { areaCode: "31.73", name: "Mitra CSR uji" });
  const user = async (
    role: "administrator" | "programme_officer" | "kelurahan_officer" | "viewer",
    scope: string,
    organisationId: string,
  ) => signIn(t.app, await newUser(db, { role, scope, organisationId }));
  admin = await user("administrator", "31", org.bnnp);
  officer = await user("programme_officer", "31.73", org.kesbangpol);
  narrowOfficer = await user("programme_officer", "31.73.01", org.kesbangpol);
  lurah = await user("kelurahan_officer", KEDAUNG, org.kelurahan);
  viewer = await user("viewer", "31.73", org.kesbangpol);

  // A published risk round: two Bahaya, two Waspada, one Siaga kelurahan.
  siagaArea = (
    await db
      .selectFrom("areas")
      .select("code")
      .where("level", "=", "kelurahan")
      .where("code", "like", "31.73.02.%")
      .orderBy("code")
      .executeTakeFirstOrThrow()
  ).code;
  const round = await db
    .insertInto("assessment_rounds")
    .values({
      name: "Uji 2025",
      method: "indicator",
      area_code: "31.73",
      period_start: "2025-01-01",
      period_end: "2025-06-30",
      catalogue_version: 1,
      rule_version: 1,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const classes: Array<[string, string]> = [
    [KEDAUNG, "bahaya"],
    [BAMBU, "bahaya"],
    [WASPADA_A, "waspada"],
    [WASPADA_B, "waspada"],
    [siagaArea, "siaga"],
  ];
  for (const [code, cls] of classes)
    await db
      .insertInto("assessments")
      .values({
        round_id: round.id,
        area_code: code,
        named_location_id: null,
        status: "published",
        indicators: "{}",
        survey_items: "{}",
        class: cls,
        rule_version: 1,
      })
      .execute();
  boncos = (
    await db
      .insertInto("named_locations")
      .values({ kelurahan_code: BAMBU, name: "Kampung Kiapang", aliases: ["Boncos"] })
      .returning("id")
      .executeTakeFirstOrThrow()
  ).id;

  // The meeting, its three input items, and two follow-up actions (C1's tables).
  const meeting = await db
    .insertInto("meetings")
    .values({
      held_on: "2025-02-10",
      title: "Audiensi BNNP DKI dan Wali Kota Jakarta Barat",
      kind: "audience",
      organiser_organisation_id: org.kesbangpol,
      area_code: "31.73",
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  items = [];
  for (const topic of [
    "Pemetaan kawasan rawan",
    "Penjangkauan Kampung Boncos",
    "Tes urine berkala",
  ])
    items.push(
      (
        await db
          .insertInto("input_items")
          .values({ meeting_id: meeting.id, raised_by: "Wali Kota", topic, priority: "high" })
          .returning("id")
          .executeTakeFirstOrThrow()
      ).id,
    );
  actions = [];
  for (const [k, title] of ["Susun peta rawan", "Bentuk tim penjangkauan"].entries())
    actions.push(
      (
        await db
          .insertInto("follow_up_actions")
          .values({
            input_item_id: items[k]!,
            title,
            owner_organisation_id: org.kesbangpol,
            due_on: "2025-03-31",
          })
          .returning("id")
          .executeTakeFirstOrThrow()
      ).id,
    );
});
afterAll(async () => {
  await t.close();
});

describe("programmes", () => {
  it("creates a programme citing two input items, with targets, areas and budget (audited)", async () => {
    const res = await officer.request({
      method: "POST",
      url: "/api/programmes",
      payload: {
        name: "Kampung Bersinar Kedaung dan Boncos",
        pillar: "pencegahan",
        leadOrganisationId: org.bnnp,
        partnerOrganisationIds: [org.kelurahan, org.puskesmas],
        areaCode: "31.73",
        targetAreas: [{ areaCode: KEDAUNG }, { areaCode: BAMBU, namedLocationId: boncos }],
        periodStart: "2025-01-01",
        periodEnd: "2025-12-31",
        budgetAmount: 100_000_000,
        budgetSource: "apbd",
        targets: [
          { indicator: "activities", label: "Kegiatan", targetValue: 4 },
          { indicator: "urine_tested", baseline: 10, targetValue: 40 },
          { indicator: "referred", targetValue: 10 },
        ],
        inputItemIds: [items[1], items[2]],
        status: "active",
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    p1 = body.id;
    expect(body).toMatchObject({
      pillar: "pencegahan",
      areaCode: "31.73",
      budgetAmount: 100_000_000,
      budgetSource: "apbd",
      leadOrganisation: { id: org.bnnp, name: "BNNP uji" },
      activityCount: 0,
    });
    expect(body.partners.map((p: { id: string }) => p.id).sort()).toEqual(
      [org.kelurahan, org.puskesmas].sort(),
    );
    expect(body.targetAreas).toEqual([
      {
        areaCode: KEDAUNG,
        areaName: "Kedaung Kali Angke",
        namedLocationId: null,
        namedLocationName: null,
      },
      {
        areaCode: BAMBU,
        areaName: "Kota Bambu Selatan",
        namedLocationId: boncos,
        namedLocationName: "Kampung Kiapang",
      },
    ]);
    expect(body.inputItems.map((i: { topic: string }) => i.topic).sort()).toEqual([
      "Penjangkauan Kampung Boncos",
      "Tes urine berkala",
    ]);
    expect(await auditCount("programme.create", p1)).toBe(1);

    const other = await officer.request({
      method: "POST",
      url: "/api/programmes",
      payload: {
        name: "Pemberdayaan alternatif",
        pillar: "pemberdayaan_masyarakat",
        leadOrganisationId: org.csr,
        areaCode: "31.73.02",
        targetAreas: [{ areaCode: siagaArea }],
        periodStart: "2025-01-01",
        periodEnd: "2026-06-30",
        budgetAmount: 50_000_000,
        budgetSource: "csr",
      },
    });
    expect(other.statusCode, other.body).toBe(201);
    p2 = other.json().id;
  });

  it("lists programmes citing an input item", async () => {
    const citing = await viewer.request({
      method: "GET",
      url: `/api/programmes?inputItem=${items[2]}`,
    });
    expect(citing.json().items.map((p: { id: string }) => p.id)).toEqual([p1]);
    const none = await viewer.request({
      method: "GET",
      url: `/api/programmes?inputItem=${items[0]}`,
    });
    expect(none.json()).toMatchObject({ items: [], total: 0 });
  });

  it("offers the organisations in and above one's scope to choose from", async () => {
    const res = await lurah.request({ method: "GET", url: "/api/programmes/organisations" });
    const names = res.json().items.map((o: { name: string }) => o.name);
    expect(names).toEqual(expect.arrayContaining(["BNNP uji", "Kesbangpol uji", "Kelurahan uji"]));
    expect(names).not.toContain("Puskesmas uji"); // Kecamatan Pal Merah: neither in nor above
  });

  it("refuses bad input with a stable code and writes nothing", async () => {
    const before = await t.database.db.selectFrom("programmes").select("id").execute();
    const bad = async (payload: Record<string, unknown>, code: string) => {
      const res = await officer.request({
        method: "POST",
        url: "/api/programmes",
        payload: {
          name: "Salah",
          pillar: "pencegahan",
          leadOrganisationId: org.bnnp,
          areaCode: "31.73.01",
          periodStart: "2025-01-01",
          periodEnd: "2025-12-31",
          ...payload,
        },
      });
      expect(res.statusCode, res.body).toBeGreaterThanOrEqual(400);
      expect(res.statusCode).toBeLessThan(500);
      expect(res.json().error.code).toBe(code);
    };
    await bad({ pillar: "penindakan" }, "VALIDATION_FAILED");
    await bad({ periodEnd: "2024-12-31" }, "VALIDATION_FAILED");
    await bad({ budgetAmount: -1 }, "VALIDATION_FAILED");
    await bad({ targetAreas: [{ areaCode: BAMBU }] }, "VALIDATION_FAILED");
    await bad(
      { leadOrganisationId: "00000000-0000-4000-8000-000000000000" },
      "ORGANISATION_NOT_FOUND",
    );
    await bad({ inputItemIds: ["00000000-0000-4000-8000-000000000000"] }, "NOT_FOUND");
    const after = await t.database.db.selectFrom("programmes").select("id").execute();
    expect(after.length).toBe(before.length);
  });

  it("lets a programme officer edit programmes only in their scope", async () => {
    const denied = await narrowOfficer.request({
      method: "PATCH",
      url: `/api/programmes/${p1}`,
      payload: { description: "tidak boleh" },
    });
    expect(denied.statusCode).toBe(403);
    expect(denied.json().error.code).toBe("SCOPE_VIOLATION");
    const outside = await narrowOfficer.request({
      method: "POST",
      url: "/api/programmes",
      payload: {
        name: "Di luar cakupan",
        pillar: "pencegahan",
        leadOrganisationId: org.kesbangpol,
        areaCode: "31.73.07",
        periodStart: "2025-01-01",
        periodEnd: "2025-12-31",
      },
    });
    expect(outside.statusCode).toBe(403);
    expect(outside.json().error.code).toBe("SCOPE_VIOLATION");
    // A programme of another city is not even visible.
    const elsewhere = await newOrganisation(t.database.db, { areaCode: "31.71" });
    const pusat = await admin.request({
      method: "POST",
      url: "/api/programmes",
      payload: {
        name: "Program Jakarta Pusat",
        pillar: "rehabilitasi",
        leadOrganisationId: elsewhere,
        areaCode: "31.71",
        periodStart: "2025-01-01",
        periodEnd: "2025-12-31",
      },
    });
    expect(pusat.statusCode).toBe(201);
    const hidden = await officer.request({
      method: "PATCH",
      url: `/api/programmes/${pusat.json().id}`,
      payload: { description: "x" },
    });
    expect(hidden.statusCode).toBe(404);
    const inside = await narrowOfficer.request({
      method: "POST",
      url: "/api/programmes",
      payload: {
        name: "Cengkareng",
        pillar: "edukasi_diseminasi",
        leadOrganisationId: org.kesbangpol,
        areaCode: "31.73.01",
        periodStart: "2024-01-01",
        periodEnd: "2024-12-31",
      },
    });
    expect(inside.statusCode, inside.body).toBe(201);
    const ok = await officer.request({
      method: "PATCH",
      url: `/api/programmes/${p1}`,
      payload: { description: "Penjangkauan dan tes urine di dua kampung rawan." },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().description).toBe("Penjangkauan dan tes urine di dua kampung rawan.");
    expect(await auditCount("programme.update", p1)).toBe(1);
    // A kelurahan officer reads programmes but never edits them.
    const lurahEdit = await lurah.request({
      method: "PATCH",
      url: `/api/programmes/${p1}`,
      payload: { description: "x" },
    });
    expect(lurahEdit.statusCode).toBe(403);
    expect(lurahEdit.json().error.code).toBe("FORBIDDEN");
    const lurahRead = await lurah.request({ method: "GET", url: `/api/programmes/${p1}` });
    expect(lurahRead.statusCode).toBe(200);
    expect(lurahRead.json().actions).toEqual(["read"]);
  });

  it("plans a monthly outreach schedule in Kampung Boncos", async () => {
    const res = await officer.request({
      method: "POST",
      url: `/api/programmes/${p1}/schedules`,
      payload: {
        title: "Penjangkauan bulanan Boncos",
        typeCode: "ibm_outreach",
        areaCode: BAMBU,
        namedLocationId: boncos,
        frequency: "monthly",
        startOn: "2025-01-05",
        endOn: "2025-06-30",
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    schedule = res.json().schedules[0].id;
    expect(res.json().schedules[0].occurrences).toHaveLength(6);
    expect(await auditCount("programme.schedule_create", p1)).toBe(1);
  });
});

describe("activities", () => {
  const activity = (extra: Record<string, unknown>) => ({
    programmeId: p1,
    typeCode: "sosialisasi",
    heldOn: "2025-03-10",
    areaCode: KEDAUNG,
    ...extra,
  });

  it("lets a kelurahan officer record activities in their kelurahan only", async () => {
    const first = await lurah.request({
      method: "POST",
      url: "/api/activities",
      payload: activity({
        organisationIds: [org.bnnp, org.kelurahan],
        participants: { "13-17": { male: 12, female: 15 }, "25-44": { male: 3, female: 10 } },
        notes: "Sosialisasi di RW 07",
      }),
    });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({
      participantsMale: 15,
      participantsFemale: 25,
      participantsTotal: 40,
      areaName: "Kedaung Kali Angke",
    });
    activityIds.push(first.json().id);
    const second = await lurah.request({
      method: "POST",
      url: "/api/activities",
      payload: activity({
        typeCode: "tes_urine",
        heldOn: "2025-04-12",
        urineTested: 40,
        urinePositive: 2,
        participants: { "18-24": { male: 20, female: 20 } },
      }),
    });
    expect(second.statusCode, second.body).toBe(201);
    // Without organisations, the programme's lead is recorded as the one involved.
    expect(second.json().organisations).toEqual([{ id: org.bnnp, name: "BNNP uji" }]);
    activityIds.push(second.json().id);

    const elsewhere = await lurah.request({
      method: "POST",
      url: "/api/activities",
      payload: activity({ areaCode: BAMBU }),
    });
    expect(elsewhere.statusCode).toBe(403);
    expect(elsewhere.json().error.code).toBe("SCOPE_VIOLATION");
    for (const id of activityIds) expect(await auditCount("activity.create", id)).toBe(1);
  });

  it("records outreach in Kampung Boncos for the schedule", async () => {
    const res = await officer.request({
      method: "POST",
      url: "/api/activities",
      payload: activity({
        typeCode: "ibm_outreach",
        heldOn: "2025-05-05",
        areaCode: BAMBU,
        namedLocationId: boncos,
        scheduleId: schedule,
        organisationIds: [org.puskesmas],
        reached: 15,
        referred: 3,
      }),
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      namedLocationName: "Kampung Kiapang",
      reached: 15,
      referred: 3,
    });
    activityIds.push(res.json().id);
    // Second programme: one activity in a Siaga kelurahan, and one after the period.
    for (const heldOn of ["2025-06-01", "2026-01-10"]) {
      const r = await officer.request({
        method: "POST",
        url: "/api/activities",
        payload: {
          programmeId: p2,
          typeCode: "pemberdayaan_alternatif",
          heldOn,
          areaCode: siagaArea,
        },
      });
      expect(r.statusCode, r.body).toBe(201);
    }
  });

  it("validates results, place and point; nothing half-written", async () => {
    const before = (await t.database.db.selectFrom("activities").select("id").execute()).length;
    const bad = async (extra: Record<string, unknown>, code = "VALIDATION_FAILED") => {
      const res = await officer.request({
        method: "POST",
        url: "/api/activities",
        payload: activity(extra),
      });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error.code).toBe(code);
    };
    await bad({ typeCode: "tes_urine", urineTested: 5, urinePositive: 6 });
    await bad({ typeCode: "sosialisasi", urineTested: 5 });
    await bad({ typeCode: "ibm_outreach", reached: 2, referred: 3 });
    await bad({ point: { lon: 106.8, lat: -6.1 } }); // Jakarta Utara, not Kedaung Kali Angke
    await bad({ areaCode: "31.73.01" });
    await bad({ namedLocationId: boncos });
    await bad({ participants: { "13-17": { male: -1 } } });
    await bad({ typeCode: "tidak_ada" });
    await bad(
      { organisationIds: ["00000000-0000-4000-8000-000000000000"] },
      "ORGANISATION_NOT_FOUND",
    );
    const after = (await t.database.db.selectFrom("activities").select("id").execute()).length;
    expect(after).toBe(before);
  });

  it("accepts a point inside the kelurahan", async () => {
    const area = await t.database.db
      .selectFrom("areas")
      .select(["label_lon", "label_lat"])
      .where("code", "=", KEDAUNG)
      .executeTakeFirstOrThrow();
    const res = await lurah.request({
      method: "PATCH",
      url: `/api/activities/${activityIds[0]}`,
      payload: { point: { lon: area.label_lon, lat: area.label_lat } },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().point).toEqual({ lon: area.label_lon, lat: area.label_lat });
    expect(await auditCount("activity.update", activityIds[0]!)).toBe(1);
    // Moving it out of the officer's kelurahan is refused.
    const move = await lurah.request({
      method: "PATCH",
      url: `/api/activities/${activityIds[0]}`,
      payload: { areaCode: BAMBU, point: null },
    });
    expect(move.statusCode).toBe(403);
    // The Boncos outreach is not visible to the Kedaung officer.
    const hidden = await lurah.request({ method: "GET", url: `/api/activities/${activityIds[2]}` });
    expect(hidden.statusCode).toBe(404);
  });

  it("stores photos (JPEG, PNG, WebP), checks them, audits them", async () => {
    const id = activityIds[0]!;
    const up = await lurah.request({
      method: "POST",
      url: `/api/activities/${id}/photos`,
      headers: { "content-type": "image/png" },
      payload: TINY_PNG,
    });
    expect(up.statusCode, up.body).toBe(201);
    const photoId = up.json().id;
    const got = await viewer.request({
      method: "GET",
      url: `/api/activities/${id}/photos/${photoId}`,
    });
    expect(got.statusCode).toBe(200);
    expect(got.headers["content-type"]).toBe("image/png");
    expect(got.rawPayload.equals(TINY_PNG)).toBe(true);
    const fake = await lurah.request({
      method: "POST",
      url: `/api/activities/${id}/photos`,
      headers: { "content-type": "image/jpeg" },
      payload: Buffer.from("not a jpeg at all"),
    });
    expect(fake.statusCode).toBe(400);
    expect(fake.json().error.code).toBe("UNSUPPORTED_FILE");
    const big = await lurah.request({
      method: "POST",
      url: `/api/activities/${id}/photos`,
      headers: { "content-type": "image/png" },
      payload: Buffer.concat([TINY_PNG, Buffer.alloc(4 * 1024 * 1024)]),
    });
    expect(big.statusCode).toBe(413);
    expect(big.json().error.code).toBe("PAYLOAD_TOO_LARGE");
    const del = await lurah.request({
      method: "DELETE",
      url: `/api/activities/${id}/photos/${photoId}`,
    });
    expect(del.statusCode).toBe(204);
    expect(await auditCount("activity.photo_add", id)).toBe(1);
    expect(await auditCount("activity.photo_remove", id)).toBe(1);
    const view = await lurah.request({ method: "GET", url: `/api/activities/${id}` });
    expect(view.json().photos).toEqual([]);
  });

  it("lists activities in scope, paginated and filtered", async () => {
    const all = await officer.request({
      method: "GET",
      url: `/api/activities?programme=${p1}&pageSize=2`,
    });
    expect(all.json()).toMatchObject({ total: 3, page: 1, pageSize: 2 });
    expect(all.json().items).toHaveLength(2);
    const mine = await lurah.request({ method: "GET", url: "/api/activities" });
    expect(mine.json().total).toBe(2);
  });
});

describe("the catalogue of activity types", () => {
  it("is editable by programme officers, audited", async () => {
    const created = await officer.request({
      method: "POST",
      url: "/api/activity-types",
      payload: { code: "sekolah_bersinar", name: "Sekolah Bersinar", nameEn: "Drug-free school" },
    });
    expect(created.statusCode, created.body).toBe(201);
    const dup = await officer.request({
      method: "POST",
      url: "/api/activity-types",
      payload: { code: "sekolah_bersinar", name: "Lagi", nameEn: "Again" },
    });
    expect(dup.statusCode).toBe(409);
    const off = await officer.request({
      method: "PATCH",
      url: "/api/activity-types/sekolah_bersinar",
      payload: { active: false },
    });
    expect(off.json().active).toBe(false);
    const listed = await viewer.request({ method: "GET", url: "/api/activity-types" });
    expect(listed.json().items.map((i: { code: string }) => i.code)).not.toContain(
      "sekolah_bersinar",
    );
    expect(await auditCount("activity_type.create", "sekolah_bersinar")).toBe(1);
    expect(await auditCount("activity_type.update", "sekolah_bersinar")).toBe(1);
    const lurahTry = await lurah.request({
      method: "PATCH",
      url: "/api/activity-types/sosialisasi",
      payload: { name: "x" },
    });
    expect(lurahTry.statusCode).toBe(403);
  });
});

describe("acceptance: from the meeting table to the street", () => {
  it("the meeting has three input items, two follow-up actions and one programme", async () => {
    expect(items).toHaveLength(3);
    expect(actions).toHaveLength(2);
    const cited = await t.database.db
      .selectFrom("programme_input_items")
      .select(["programme_id", "input_item_id"])
      .where("input_item_id", "in", items)
      .execute();
    expect(new Set(cited.map((c) => c.programme_id))).toEqual(new Set([p1]));
  });

  it("appears in the who-does-what-where matrix with exact counts", async () => {
    const res = await viewer.request({
      method: "GET",
      url: "/api/programmes/who-what-where?city=31.73&from=2025-01-01&to=2025-12-31",
    });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    const rows = body.rows.map(
      (r: { organisationName: string; areaCode: string; pillar: string; activities: number }) =>
        `${r.organisationName}|${r.areaCode}|${r.pillar}|${r.activities}`,
    );
    expect(rows.sort()).toEqual(
      [
        `BNNP uji|${KEDAUNG}|pencegahan|2`,
        `Kelurahan uji|${KEDAUNG}|pencegahan|1`,
        `Mitra CSR uji|${siagaArea}|pemberdayaan_masyarakat|1`,
        `Puskesmas uji|${BAMBU}|pencegahan|1`,
      ].sort(),
    );
    expect(body.totals).toEqual({ activities: 4, organisations: 4, areas: 3 });
    expect(body.areas).toEqual([
      {
        areaCode: KEDAUNG,
        areaName: "Kedaung Kali Angke",
        activities: 2,
        organisations: 2,
        pillars: ["pencegahan"],
      },
      expect.objectContaining({ areaCode: siagaArea, activities: 1, organisations: 1 }),
      {
        areaCode: BAMBU,
        areaName: "Kota Bambu Selatan",
        activities: 1,
        organisations: 1,
        pillars: ["pencegahan"],
      },
    ]);
    const pillar = await viewer.request({
      method: "GET",
      url: "/api/programmes/who-what-where?city=31.73&from=2025-01-01&to=2025-12-31&pillar=pemberdayaan_masyarakat",
    });
    expect(pillar.json().totals).toEqual({ activities: 1, organisations: 1, areas: 1 });
    const early = await viewer.request({
      method: "GET",
      url: "/api/programmes/who-what-where?city=31.73&from=2025-01-01&to=2025-03-31",
    });
    expect(early.json().totals).toEqual({ activities: 1, organisations: 2, areas: 1 });
  });

  it("appears in the coverage view, which lists exactly the risky areas without activity", async () => {
    const res = await viewer.request({
      method: "GET",
      url: "/api/programmes/coverage?city=31.73&from=2025-01-01&to=2025-12-31",
    });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.hotspotsUsed).toBe(false);
    expect(
      body.riskyAreas.map(
        (a: { areaCode: string; class: string; activities: number; covered: boolean }) => [
          a.areaCode,
          a.class,
          a.activities,
          a.covered,
        ],
      ),
    ).toEqual([
      [WASPADA_A, "waspada", 0, false],
      [KEDAUNG, "bahaya", 2, true],
      [WASPADA_B, "waspada", 0, false],
      [BAMBU, "bahaya", 1, true],
    ]);
    expect(body.riskyAreas[1].programmes.map((p: { id: string }) => p.id)).toEqual([p1]);
    expect(body.uncovered.map((a: { areaCode: string }) => a.areaCode)).toEqual([
      WASPADA_A,
      WASPADA_B,
    ]);
    expect(body.targeting).toEqual({
      activitiesTotal: 4,
      activitiesInRisky: 3,
      activityShare: 0.75,
      budgetTotal: 150_000_000,
      budgetInRisky: 100_000_000,
      budgetShare: 100_000_000 / 150_000_000,
    });
    // In 2026 only the second programme's activity took place: every risky area is uncovered.
    const later = await viewer.request({
      method: "GET",
      url: "/api/programmes/coverage?city=31.73&from=2026-01-01&to=2026-06-30",
    });
    expect(later.json().uncovered.map((a: { areaCode: string }) => a.areaCode)).toEqual([
      WASPADA_A,
      KEDAUNG,
      WASPADA_B,
      BAMBU,
    ]);
    expect(later.json().targeting).toMatchObject({
      activitiesTotal: 1,
      activitiesInRisky: 0,
      activityShare: 0,
    });
  });

  it("shows progress against targets with the traffic light, and the schedule", async () => {
    const end = await viewer.request({
      method: "GET",
      url: `/api/programmes/${p1}?asOf=2025-12-31`,
    });
    const body = end.json();
    expect(body.figures).toEqual({
      activities: 3,
      participants: 80,
      urine_tested: 40,
      urine_positive: 2,
      reached: 15,
      referred: 3,
    });
    expect(
      body.targets.map((x: { indicator: string; achieved: number; light: string }) => [
        x.indicator,
        x.achieved,
        x.light,
      ]),
    ).toEqual([
      ["activities", 3, "amber"],
      ["urine_tested", 40, "green"],
      ["referred", 3, "red"],
    ]);
    expect(body.light).toBe("red");
    const june = await viewer.request({
      method: "GET",
      url: `/api/programmes/${p1}?asOf=2025-06-10`,
    });
    const s = june.json().schedules[0];
    expect(
      s.occurrences.map((o: { dueOn: string; status: string }) => `${o.dueOn} ${o.status}`),
    ).toEqual([
      "2025-01-05 missed",
      "2025-02-05 missed",
      "2025-03-05 missed",
      "2025-04-05 missed",
      "2025-05-05 done",
      "2025-06-05 due",
    ]);
    expect(s.summary).toEqual({ done: 1, missed: 4, due: 1, upcoming: 0 });
    const dash = await viewer.request({
      method: "GET",
      url: "/api/programmes/dashboard?asOf=2025-12-31",
    });
    const mine = dash.json().programmes.find((p: { id: string }) => p.id === p1);
    expect(mine).toMatchObject({ light: "red", activityCount: 3, status: "active" });
    expect(dash.json().budgetBySource).toMatchObject({ apbd: 100_000_000, csr: 50_000_000 });
  });

  it("audits every change made in this story", async () => {
    const events = await t.database.db
      .selectFrom("audit_events")
      .select(["action"])
      .where("resource", "in", ["programme", "activity", "activity_type"])
      .execute();
    const counts: Record<string, number> = {};
    for (const e of events) counts[e.action] = (counts[e.action] ?? 0) + 1;
    expect(counts).toEqual({
      "programme.create": 4,
      "programme.update": 1,
      "programme.schedule_create": 1,
      "activity.create": 5,
      "activity.update": 1,
      "activity.photo_add": 1,
      "activity.photo_remove": 1,
      "activity_type.create": 1,
      "activity_type.update": 1,
    });
  });
});

describe("demo data", () => {
  it("tells the Jakarta Barat story, idempotently", async () => {
    const fresh = await createTestDatabase();
    try {
      await seedDemo(fresh.db, "demo password for tests");
      const count = async () =>
        Promise.all(
          (["programmes", "activities", "activity_schedules"] as const).map(async (table) =>
            Number(
              (
                await fresh.db
                  .selectFrom(table)
                  .select((eb) => eb.fn.countAll<string>().as("n"))
                  .executeTakeFirstOrThrow()
              ).n,
            ),
          ),
        );
      const first = await count();
      expect(first[0]).toBe(5);
      expect(first[2]).toBe(1);
      const users = await fresh.db.selectFrom("users").select(["id", "role"]).execute();
      const orgs = await fresh.db.selectFrom("organisations").select(["id", "name"]).execute();
      await seedDemoProgrammes(fresh.db, {
        userIds: new Map(users.map((u) => [u.role as Role, u.id])),
        organisationIds: new Map(orgs.map((o) => [o.name, o.id])),
      });
      expect(await count()).toEqual(first);
      const viewerId = (
        await fresh.db
          .selectFrom("users")
          .select("id")
          .where("role", "=", "viewer")
          .executeTakeFirstOrThrow()
      ).id;
      const ctx = {
        user: {
          id: viewerId,
          email: "",
          name: "",
          role: "viewer" as const,
          scope: "31.73",
          organisationId: "",
          sessionId: "",
          csrfToken: "",
        },
        requestId: "test",
        ip: "local",
      };
      const view = await coverage(fresh.db, ctx, {
        city: "31.73",
        from: "2026-01-01",
        to: "2026-12-31",
      });
      const covered = view.riskyAreas.filter((a) => a.covered).map((a) => a.areaCode);
      expect(covered).toEqual(
        expect.arrayContaining(["31.73.01.1004", "31.73.07.1006", "31.73.01.1001"]),
      );
      expect(view.uncovered.map((a) => a.areaCode)).toEqual(
        expect.arrayContaining(["31.73.01.1002", "31.73.01.1003"]),
      );
      const service = new ProgrammesService(fresh.db);
      const list = await service.list(ctx, { q: "Boncos" }, 1, 10);
      const boncos = await service.get(ctx, list.items[0]!.id, "2026-11-29");
      expect(boncos.schedules[0]!.summary).toMatchObject({ done: 9, missed: 2 });
    } finally {
      await fresh.close();
    }
  });
});
