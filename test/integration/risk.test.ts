import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../app";
import { type Client, newOrganisation, newUser, signIn } from "../factories";
import { assessmentCsv } from "../risk-fixtures";

const wilayah = parse(readFileSync("data/dki-jakarta/wilayah.csv", "utf8"), {
  columns: true,
}) as Array<{ code: string; level: string }>;
const KELURAHAN_31_73 = wilayah
  .filter((r) => r.level === "kelurahan" && r.code.startsWith("31.73."))
  .map((r) => r.code);
const CLASSES = ["bahaya", "waspada", "siaga", "aman"] as const;
const wantedFor = (i: number) => CLASSES[i % 4]!;

let t: TestApp;
let analyst: Client;
let admin: Client;
let officer: Client;
let viewer: Client;
let roundId: string;

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  const org = await newOrganisation(db, { areaCode: "31.73" });
  analyst = await signIn(
    t.app,
    await newUser(db, { role: "analyst", scope: "31.73", organisationId: org }),
  );
  admin = await signIn(
    t.app,
    await newUser(db, { role: "administrator", scope: "31", organisationId: org }),
  );
  officer = await signIn(
    t.app,
    await newUser(db, { role: "kelurahan_officer", scope: "31.73.01.1004", organisationId: org }),
  );
  viewer = await signIn(
    t.app,
    await newUser(db, { role: "viewer", scope: "31.73", organisationId: org }),
  );
});
afterAll(async () => {
  await t.close();
});

function importCsv(client: Client, csv: string, dryRun: boolean) {
  return client.request({
    method: "POST",
    url: `/api/risk/rounds/${roundId}/import?format=csv&dryRun=${dryRun}`,
    headers: { "content-type": "text/csv" },
    payload: csv,
  });
}

describe("assessment round for Jakarta Barat", () => {
  it("ships BNN's catalogue and rules as version 1", async () => {
    const config = (await analyst.request({ method: "GET", url: "/api/risk/config" })).json();
    expect(config.catalogue.indicators).toHaveLength(13);
    const rules = config.rules.find((r: { method: string }) => r.method === "indicator");
    expect(rules.rules.thresholds.bahaya).toEqual({ pokok: 5, pendukung: 4, provisional: false });
  });

  it("a supervisor creates a round; the template lists the 56 kelurahan", async () => {
    const res = await analyst.request({
      method: "POST",
      url: "/api/risk/rounds",
      payload: {
        name: "2025 semester 1",
        method: "indicator",
        areaCode: "31.73",
        periodStart: "2025-01-01",
        periodEnd: "2025-06-30",
      },
    });
    expect(res.statusCode).toBe(201);
    roundId = res.json().id;
    expect(res.json()).toMatchObject({
      catalogueVersion: 1,
      ruleVersion: 1,
      areaName: "Kota Administrasi Jakarta Barat",
    });
    const template = await analyst.request({
      method: "GET",
      url: `/api/risk/rounds/${roundId}/template?format=csv`,
    });
    expect(template.headers["content-type"]).toContain("text/csv");
    const lines = template.body
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\n");
    expect(lines[0]).toMatch(/^kode_wilayah,lokasi,P1,/);
    expect(lines.slice(1).map((l) => l.split(",")[0])).toEqual(KELURAHAN_31_73);
    const xlsx = await analyst.request({
      method: "GET",
      url: `/api/risk/rounds/${roundId}/template?format=xlsx`,
    });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets[0]?.rowCount).toBe(57);
  });

  it("a malformed file commits nothing and reports each bad row", async () => {
    const good = assessmentCsv(KELURAHAN_31_73.map((code, i) => ({ code, wanted: wantedFor(i) })));
    const lines = good.trim().split("\n");
    lines[3] = lines[3]!.replace(/,ya,|,tidak,/, ",mungkin,");
    lines[5] = lines[5]!.replace(/^31\.73\.\d\d\.\d{4}/, "31.71.01.1001");
    lines.push(lines[1]!);
    const bad = `${lines.join("\n")}\n`;
    const dry = await importCsv(analyst, bad, true);
    expect(dry.statusCode).toBe(200);
    expect(dry.json()).toMatchObject({ valid: false, committed: false });
    expect(dry.json().problems).toEqual([
      { row: 4, column: "P1", code: "BAD_VALUE" },
      { row: 6, column: "kode_wilayah", code: "UNKNOWN_AREA" },
      { row: 58, column: "kode_wilayah", code: "DUPLICATE_ROW" },
    ]);
    const commit = await importCsv(analyst, bad, false);
    expect(commit.statusCode).toBe(400);
    expect(commit.json().error.code).toBe("IMPORT_INVALID");
    expect(
      (
        await analyst.request({ method: "GET", url: `/api/risk/rounds/${roundId}/assessments` })
      ).json(),
    ).toEqual([]);
    const garbage = await analyst.request({
      method: "POST",
      url: `/api/risk/rounds/${roundId}/import?format=xlsx&dryRun=false`,
      headers: { "content-type": "application/octet-stream" },
      payload: Buffer.from("not a workbook"),
    });
    expect(garbage.json().error.code).toBe("UNSUPPORTED_FILE");
  });

  it("imports a full round, idempotently, after a dry run that counts what it would do", async () => {
    const csv = assessmentCsv(KELURAHAN_31_73.map((code, i) => ({ code, wanted: wantedFor(i) })));
    const dry = (await importCsv(analyst, csv, true)).json();
    expect(dry).toMatchObject({ valid: true, committed: false, rows: 56, created: 56 });
    expect(
      (
        await analyst.request({ method: "GET", url: `/api/risk/rounds/${roundId}/assessments` })
      ).json(),
    ).toEqual([]);
    const commit = (await importCsv(analyst, csv, false)).json();
    expect(commit).toMatchObject({ valid: true, committed: true, created: 56, updated: 0 });
    const again = (await importCsv(analyst, csv, false)).json();
    expect(again).toMatchObject({ committed: true, created: 0, updated: 0, unchanged: 56 });
    const list = (
      await analyst.request({ method: "GET", url: `/api/risk/rounds/${roundId}/assessments` })
    ).json();
    expect(list).toHaveLength(56);
    expect(list.filter((a: { class: string }) => a.class === "bahaya")).toHaveLength(14);
    expect(list.every((a: { status: string }) => a.status === "draft")).toBe(true);
  });

  it("a kelurahan officer drafts only in their kelurahan and cannot verify", async () => {
    const own = await officer.request({
      method: "PUT",
      url: `/api/risk/rounds/${roundId}/assessments`,
      payload: {
        areaCode: "31.73.01.1004",
        indicators: { P1: { present: true, evidence: "" } },
        source: "FGD",
      },
    });
    expect(own.statusCode).toBe(200);
    expect(own.json().class).toBe("siaga");
    const other = await officer.request({
      method: "PUT",
      url: `/api/risk/rounds/${roundId}/assessments`,
      payload: { areaCode: "31.73.07.1006", indicators: {} },
    });
    expect(other.statusCode).toBe(403);
    expect(other.json().error.code).toBe("SCOPE_VIOLATION");
    const visible = (
      await officer.request({ method: "GET", url: `/api/risk/rounds/${roundId}/assessments` })
    ).json();
    expect(visible.map((a: { areaCode: string }) => a.areaCode)).toEqual(["31.73.01.1004"]);
    const verify = await officer.request({
      method: "POST",
      url: `/api/risk/rounds/${roundId}/verify`,
      payload: { comment: "ok" },
    });
    expect(verify.statusCode).toBe(403);
  });

  it("viewers see nothing until a supervisor verifies and publishes", async () => {
    expect(
      (
        await viewer.request({ method: "GET", url: `/api/risk/rounds/${roundId}/assessments` })
      ).json(),
    ).toEqual([]);
    expect(
      (await viewer.request({ method: "GET", url: "/api/risk/map?city=31.73" })).json().areas,
    ).toEqual([]);
    const publishEarly = await analyst.request({
      method: "POST",
      url: `/api/risk/rounds/${roundId}/publish`,
      payload: {},
    });
    expect(publishEarly.json().changed).toBe(0);
    const verified = await analyst.request({
      method: "POST",
      url: `/api/risk/rounds/${roundId}/verify`,
      payload: { comment: "Checked at the FGD" },
    });
    expect(verified.json().changed).toBe(56);
    expect(
      (
        await viewer.request({ method: "GET", url: `/api/risk/rounds/${roundId}/assessments` })
      ).json(),
    ).toEqual([]);
    const published = await analyst.request({
      method: "POST",
      url: `/api/risk/rounds/${roundId}/publish`,
      payload: {},
    });
    expect(published.json().changed).toBe(56);
    const map = (await viewer.request({ method: "GET", url: "/api/risk/map?city=31.73" })).json();
    expect(map.areas).toHaveLength(56);
    expect(map.areas.find((a: { areaCode: string }) => a.areaCode === "31.73.01.1004").class).toBe(
      "siaga",
    );
    const edit = await officer.request({
      method: "PUT",
      url: `/api/risk/rounds/${roundId}/assessments`,
      payload: { areaCode: "31.73.01.1004", indicators: {} },
    });
    expect(edit.json().error.code).toBe("INVALID_TRANSITION");
    const events = await t.database.db
      .selectFrom("audit_events")
      .select("action")
      .where("action", "like", "assessment.%")
      .execute();
    expect(events.filter((e) => e.action === "assessment.verify")).toHaveLength(56);
    expect(events.filter((e) => e.action === "assessment.publish")).toHaveLength(56);
  });

  it("exports the round as CSV, XLSX and GeoJSON", async () => {
    const csv = await viewer.request({
      method: "GET",
      url: `/api/risk/rounds/${roundId}/export?format=csv`,
    });
    expect(csv.body.trim().split("\n")).toHaveLength(57);
    const geo = (
      await viewer.request({
        method: "GET",
        url: `/api/risk/rounds/${roundId}/export?format=geojson`,
      })
    ).json();
    expect(geo.features).toHaveLength(56);
    expect(geo.features[0].geometry.type).toMatch(/Polygon/);
    const xlsx = await viewer.request({
      method: "GET",
      url: `/api/risk/rounds/${roundId}/export?format=xlsx`,
    });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets[0]?.getRow(1).getCell(6).text).toBe("kelas");
  });

  it("shows movement between two rounds and an area's history", async () => {
    const second = (
      await analyst.request({
        method: "POST",
        url: "/api/risk/rounds",
        payload: {
          name: "2025 semester 2",
          method: "indicator",
          areaCode: "31.73",
          periodStart: "2025-07-01",
          periodEnd: "2025-12-31",
        },
      })
    ).json();
    const previous = roundId;
    roundId = second.id;
    const csv = assessmentCsv(
      KELURAHAN_31_73.map((code, i) => ({
        code,
        wanted: i === 0 ? "aman" : i === 1 ? "bahaya" : wantedFor(i),
      })),
    );
    expect((await importCsv(analyst, csv, false)).json().committed).toBe(true);
    await analyst.request({
      method: "POST",
      url: `/api/risk/rounds/${roundId}/verify`,
      payload: {},
    });
    await analyst.request({
      method: "POST",
      url: `/api/risk/rounds/${roundId}/publish`,
      payload: {},
    });
    const changes = (
      await viewer.request({
        method: "GET",
        url: `/api/risk/changes?from=${previous}&to=${roundId}`,
      })
    ).json();
    // Up: the second kelurahan. Down: the first, and Kedaung Kali Angke (its officer drafted Siaga).
    expect(changes.summary).toMatchObject({ up: 1, down: 2, same: 53 });
    const first = changes.areas.find(
      (a: { areaCode: string }) => a.areaCode === KELURAHAN_31_73[0],
    );
    expect(first).toMatchObject({ before: "bahaya", after: "aman", change: "down" });
    const profile = (
      await viewer.request({ method: "GET", url: `/api/risk/areas/${KELURAHAN_31_73[1]}` })
    ).json();
    expect(profile.history.map((h: { class: string }) => h.class)).toEqual(["bahaya", "waspada"]);
    expect(profile.history[0].indicators.P1).toEqual({ present: true, evidence: "LP/2025/001" });
    const latest = (
      await viewer.request({ method: "GET", url: "/api/risk/map?city=31.73" })
    ).json();
    expect(
      latest.areas.find((a: { areaCode: string }) => a.areaCode === KELURAHAN_31_73[0]).class,
    ).toBe("aman");
  });

  it("changing the rules never rewrites a past round; reclassifying is explicit and kept in history", async () => {
    const rules = await admin.request({
      method: "POST",
      url: "/api/risk/rules",
      payload: {
        rules: {
          method: "indicator",
          thresholds: {
            bahaya: { pokok: 5, pendukung: 4, provisional: false },
            waspada: { pokok: 3, pendukung: 3, provisional: true },
            siaga: { pokok: 1, pendukung: 0, provisional: true },
          },
        },
        note: "stricter waspada",
      },
    });
    expect(rules.statusCode).toBe(201);
    const version = rules.json().version as number;
    const before = (
      await viewer.request({ method: "GET", url: `/api/risk/rounds/${roundId}/assessments` })
    ).json();
    expect(before.every((a: { ruleVersion: number }) => a.ruleVersion === 1)).toBe(true);
    const bad = await admin.request({
      method: "POST",
      url: "/api/risk/rules",
      payload: {
        rules: {
          method: "indicator",
          thresholds: {
            bahaya: { pokok: 2, pendukung: 0, provisional: false },
            waspada: { pokok: 3, pendukung: 3, provisional: true },
            siaga: { pokok: 1, pendukung: 0, provisional: true },
          },
        },
      },
    });
    expect(bad.json().error.code).toBe("RULES_INVALID");
    const re = await analyst.request({
      method: "POST",
      url: `/api/risk/rounds/${roundId}/reclassify`,
      payload: { ruleVersion: version },
    });
    expect(re.json().changed).toBe(56);
    const after = (
      await viewer.request({ method: "GET", url: `/api/risk/rounds/${roundId}/assessments` })
    ).json();
    expect(after.filter((a: { class: string }) => a.class === "waspada")).toHaveLength(0);
    const history = await t.database.db
      .selectFrom("assessment_classifications")
      .select("rule_version")
      .distinct()
      .execute();
    expect(history.map((h) => h.rule_version).sort()).toEqual([1, version]);
  });
});

describe("named locations", () => {
  it("a change touches only the fields sent, and every location shows on a round's map", async () => {
    const created = await analyst.request({
      method: "POST",
      url: "/api/named-locations",
      payload: {
        kelurahanCode: "31.73.01.1004",
        name: "Kompleks Uji",
        aliases: ["Kampung Uji"],
        rw: "07",
        notes: "catatan",
      },
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    const patched = await analyst.request({
      method: "PATCH",
      url: `/api/named-locations/${id}`,
      payload: { rt: "01" },
    });
    expect(patched.json()).toMatchObject({
      rt: "01",
      rw: "07",
      aliases: ["Kampung Uji"],
      notes: "catatan",
    });
    const map = (
      await viewer.request({ method: "GET", url: `/api/risk/map?city=31.73&round=${roundId}` })
    ).json();
    expect(map.locations.find((l: { id: string }) => l.id === id)).toMatchObject({
      name: "Kompleks Uji",
      class: null,
    });
  });
});
