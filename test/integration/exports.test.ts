/**
 * CSV/XLSX downloads of the table views: the same rows and scope as the lists, no password
 * data, an audit event per export, and files that parse back to the values stored.
 */
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { json } from "../../src/db/schema";
import { createTestApp, type TestApp } from "../app";
import { type Client, newOrganisation, newUser, signIn, unique } from "../factories";

let t: TestApp;
let admin: Client;
let viewer: Client;
let inOrg: string;
let outOrgName: string;
let inOrgName: string;

function csvRows(body: string): Record<string, string>[] {
  expect(body.charCodeAt(0)).toBe(0xfeff);
  return parse(body, { bom: true, columns: true }) as Record<string, string>[];
}

async function sheetRows(buffer: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  const header = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
  const rows: Record<string, unknown>[] = [];
  for (let r = 2; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    rows.push(Object.fromEntries(header.map((h, i) => [h, row.getCell(i + 1).value])));
  }
  return { sheet, header, rows };
}

async function exportEvents(resource: string) {
  return t.database.db
    .selectFrom("audit_events")
    .select(["action", "changed_fields"])
    .where("action", "=", `${resource}.export`)
    .execute();
}

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  inOrgName = unique("Yayasan Pemuda Kapuk — Ñ");
  outOrgName = unique("Org Pusat");
  inOrg = await newOrganisation(db, { areaCode: "31.73.01", name: inOrgName });
  await newOrganisation(db, { areaCode: "31.71.01", name: outOrgName });
  const adminUser = await newUser(db, {
    role: "administrator",
    scope: "31.73",
    organisationId: inOrg,
  });
  const viewerUser = await newUser(db, { role: "viewer", scope: "31.73", organisationId: inOrg });
  admin = await signIn(t.app, adminUser);
  viewer = await signIn(t.app, viewerUser);
  await db
    .insertInto("named_locations")
    .values([
      {
        name: "Kompleks Permata",
        aliases: ["Kampung Ambon"],
        rw: "07",
        kelurahan_code: "31.73.01.1004",
        geometry: json({ type: "Point", coordinates: [106.73, -6.15] }),
      },
      { name: "Gang Pusat", kelurahan_code: "31.71.01.1001" },
    ])
    .execute();
  await db
    .insertInto("incidents")
    .values([
      {
        external_ref: "EXP/1",
        occurred_on: "2025-03-14",
        type_code: "drug_use",
        precision: "kelurahan",
        kelurahan_code: "31.73.01.1004",
        source: "news",
        persons: 3,
        arrests: 2,
        quantity: 1.25,
        unit: "g",
      },
      {
        external_ref: "EXP/OUT",
        occurred_on: "2025-03-15",
        type_code: "drug_use",
        precision: "kelurahan",
        kelurahan_code: "31.71.01.1001",
        source: "news",
      },
    ])
    .execute();
  const { id: roundId } = await db
    .insertInto("assessment_rounds")
    .values({
      name: "Semester I 2025",
      method: "indicator",
      area_code: "31.73",
      period_start: "2025-01-01",
      period_end: "2025-06-30",
      catalogue_version: 1,
      rule_version: 1,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await db
    .insertInto("assessments")
    .values({
      round_id: roundId,
      area_code: "31.73.01.1004",
      status: "published",
      indicators: json({}),
      survey_items: json({}),
      pokok: 6,
      pendukung: 4,
      class: "bahaya",
      rule_version: 1,
      published_at: new Date(),
    })
    .execute();
});
afterAll(async () => {
  await t.close();
});

describe("organisations export", () => {
  it("CSV has the organisations in scope only, and is audited", async () => {
    const res = await viewer.request({
      method: "GET",
      url: "/api/organisations/export?format=csv",
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("text/csv; charset=utf-8");
    expect(res.headers["content-disposition"]).toMatch(
      /^attachment; filename="organisasi-\d{4}-\d{2}-\d{2}\.csv"/,
    );
    const rows = csvRows(res.body);
    const mine = rows.find((r) => r.Nama === inOrgName);
    expect(mine).toMatchObject({ Jenis: "community_organisation", "Kode wilayah": "31.73.01" });
    expect(mine?.Wilayah).toBe("Cengkareng");
    expect(mine?.Aktif).toBe("ya");
    expect(rows.some((r) => r.Nama === outOrgName)).toBe(false);
    const events = await exportEvents("organisation");
    expect(events.at(-1)?.changed_fields).toEqual(["format:csv"]);
  });

  it("applies the list's filters", async () => {
    const res = await viewer.request({
      method: "GET",
      url: `/api/organisations/export?format=csv&q=${encodeURIComponent("Yayasan Pemuda")}`,
    });
    expect(csvRows(res.body).map((r) => r.Nama)).toEqual([inOrgName]);
  });

  it("refuses an unknown format with VALIDATION_FAILED", async () => {
    const res = await viewer.request({
      method: "GET",
      url: "/api/organisations/export?format=pdf",
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe("VALIDATION_FAILED");
  });
});

describe("users export", () => {
  it("XLSX lists people in scope without any password data, audited", async () => {
    const before = (await exportEvents("user")).length;
    const res = await admin.request({ method: "GET", url: "/api/users/export?format=xlsx" });
    expect(res.statusCode).toBe(200);
    const { header, rows, sheet } = await sheetRows(res.rawPayload);
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(header).toEqual([
      "Nama",
      "Email",
      "Peran",
      "Kode wilayah tugas",
      "Wilayah tugas",
      "Organisasi",
      "Aktif",
      "Undangan diterima",
      "Terkunci sampai",
    ]);
    expect(rows).toHaveLength(2);
    expect(rows.every((r) => r.Organisasi === inOrgName)).toBe(true);
    expect(rows.every((r) => r["Undangan diterima"] === true)).toBe(true);
    expect(res.rawPayload.toString("latin1")).not.toMatch(/scrypt|argon|password_hash/i);
    expect((await exportEvents("user")).length).toBe(before + 1);
  });

  it("is refused to a role that cannot read people", async () => {
    const res = await viewer.request({ method: "GET", url: "/api/users/export?format=csv" });
    expect(res.statusCode).toBe(403);
  });
});

describe("audit log export", () => {
  it("CSV lists events with WIB times and records its own export", async () => {
    const res = await admin.request({
      method: "GET",
      url: "/api/audit-events/export?format=csv&action=user.export",
    });
    expect(res.statusCode).toBe(200);
    const rows = csvRows(res.body);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.Tindakan === "user.export")).toBe(true);
    expect(rows[0]?.["Waktu (WIB)"]).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+07:00$/);
    const events = await exportEvents("audit_event");
    expect(events.at(-1)?.changed_fields).toEqual(["format:csv", "filter:action"]);
  });
});

describe("named locations export", () => {
  it("XLSX has the locations in scope with aliases and geometry type", async () => {
    const res = await viewer.request({
      method: "GET",
      url: "/api/named-locations/export?format=xlsx",
    });
    const { rows } = await sheetRows(res.rawPayload);
    expect(rows).toEqual([
      {
        "Kode kelurahan": "31.73.01.1004",
        Kelurahan: "Kedaung Kali Angke",
        "Nama lokasi": "Kompleks Permata",
        "Nama lain": "Kampung Ambon",
        RW: "07",
        RT: null,
        Geometri: "Point",
        Catatan: null,
      },
    ]);
  });
});

describe("incidents export", () => {
  it("CSV uses the import columns, typed, in scope only", async () => {
    const res = await viewer.request({ method: "GET", url: "/api/incidents/export?format=csv" });
    const rows = csvRows(res.body);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      external_ref: "EXP/1",
      date: "2025-03-14",
      type: "drug_use",
      kelurahan_code: "31.73.01.1004",
      persons: "3",
      arrests: "2",
      quantity: "1.25",
      unit: "g",
      source: "news",
    });
  });

  it("XLSX has numbers as numbers and the date as a date", async () => {
    const res = await viewer.request({ method: "GET", url: "/api/incidents/export?format=xlsx" });
    const { rows } = await sheetRows(res.rawPayload);
    expect(rows[0]?.persons).toBe(3);
    expect(rows[0]?.quantity).toBe(1.25);
    expect(rows[0]?.date).toEqual(new Date("2025-03-14T00:00:00Z"));
  });
});

describe("risk table export", () => {
  it("lists every kelurahan of the city with the latest published class", async () => {
    const res = await viewer.request({
      method: "GET",
      url: "/api/risk/table/export?city=31.73&format=csv",
    });
    expect(res.statusCode).toBe(200);
    const rows = csvRows(res.body);
    expect(rows).toHaveLength(56);
    expect(rows.find((r) => r["Kode kelurahan"] === "31.73.01.1004")).toEqual({
      "Kode kelurahan": "31.73.01.1004",
      Kelurahan: "Kedaung Kali Angke",
      Kecamatan: "Cengkareng",
      Kelas: "Bahaya",
      Putaran: "Semester I 2025",
      "Akhir periode": "2025-06-30",
      "Indikator pokok": "6",
      "Indikator pendukung": "4",
      "Skor survei": "",
    });
    expect(rows.find((r) => r["Kode kelurahan"] === "31.73.07.1006")?.Kelas).toBe("");
  });
});
