/**
 * Reports: the briefing PDF (rendered to PNG pages with mupdf: the map shows the class
 * colours; the text has the figures and their sources), the BNNK brief and its table, scope
 * and audit. Runs on PGlite and PostgreSQL.
 */
import { writeFileSync } from "node:fs";
import { sql } from "kysely";
import * as mupdf from "mupdf";
import { PNG } from "pngjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { json } from "../../src/db/schema";
import { RISK_COLOURS } from "../../src/domain/risk/colours";
import { MARKER_COLOUR } from "../../src/server/modules/reports/pdf-map";
import { createTestApp, type TestApp } from "../app";
import { type Client, newOrganisation, newUser, signIn } from "../factories";

let t: TestApp;
let analyst: Client;
let viewer: Client;
let kelurahanOfficer: Client;
let clinician: Client;

const CLASSES: Record<string, "bahaya" | "waspada" | "siaga" | "aman"> = {
  "31.73.01.1004": "bahaya", // Kedaung Kali Angke
  "31.73.01.1001": "bahaya",
  "31.73.07.1006": "waspada", // Kota Bambu Selatan
  "31.73.07.1005": "waspada",
  "31.73.02.1001": "siaga",
  "31.73.03.1001": "aman",
  "31.71.01.1001": "bahaya", // Jakarta Pusat, for the BNNK comparison
};

function pdfText(pdf: Buffer): string[] {
  const doc = mupdf.Document.openDocument(pdf, "application/pdf");
  const pages: string[] = [];
  for (let i = 0; i < doc.countPages(); i++)
    pages.push(
      doc.loadPage(i).toStructuredText("preserve-whitespace").asText().replace(/\s+/g, " "),
    );
  return pages;
}

/** Render a page to PNG with mupdf, decode it with pngjs. */
function renderPage(pdf: Buffer, index: number) {
  const doc = mupdf.Document.openDocument(pdf, "application/pdf");
  const page = doc.loadPage(index);
  const pixmap = page.toPixmap(mupdf.Matrix.scale(2, 2), mupdf.ColorSpace.DeviceRGB, false, true);
  const bytes = Buffer.from(pixmap.asPNG());
  // Set REPORT_PNG_DIR to look at the rendered pages.
  if (process.env.REPORT_PNG_DIR)
    writeFileSync(`${process.env.REPORT_PNG_DIR}/page-${index + 1}-${Date.now()}.png`, bytes);
  return PNG.sync.read(bytes);
}

/** The map box of the map page: below the heading, above the legend swatches. */
function mapRegion(png: PNG) {
  return { x0: 0, y0: 180, x1: png.width, y1: Math.round(png.height * 0.72) };
}

function hex(colour: string): [number, number, number] {
  const n = Number.parseInt(colour.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** Pixels of a colour (within 3 per channel) inside a region of the image. */
function countColour(
  png: PNG,
  colour: string,
  region = { x0: 0, y0: 0, x1: png.width, y1: png.height },
): number {
  const [r, g, b] = hex(colour);
  let n = 0;
  for (let y = region.y0; y < region.y1; y++)
    for (let x = region.x0; x < region.x1; x++) {
      const i = (y * png.width + x) * 4;
      if (
        Math.abs(png.data[i]! - r) <= 3 &&
        Math.abs(png.data[i + 1]! - g) <= 3 &&
        Math.abs(png.data[i + 2]! - b) <= 3
      )
        n += 1;
    }
  return n;
}

async function seed() {
  const db = t.database.db;
  const { id: roundId } = await db
    .insertInto("assessment_rounds")
    .values({
      name: "Semester I 2026",
      method: "indicator",
      area_code: "31",
      period_start: "2026-01-01",
      period_end: "2026-06-30",
      catalogue_version: 1,
      rule_version: 1,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await db
    .insertInto("assessments")
    .values(
      Object.entries(CLASSES).map(([code, cls]) => ({
        round_id: roundId,
        area_code: code,
        status: "published",
        indicators: json({}),
        survey_items: json({}),
        pokok: cls === "bahaya" ? 6 : 2,
        pendukung: cls === "bahaya" ? 4 : 1,
        class: cls,
        rule_version: 1,
        published_at: new Date(),
      })),
    )
    .execute();
  await db
    .insertInto("named_locations")
    .values({
      name: "Kompleks Permata",
      aliases: ["Kampung Ambon"],
      kelurahan_code: "31.73.01.1004",
      geometry: json({ type: "Point", coordinates: [106.7225, -6.1405] }),
    })
    .execute();
  const incident = (code: string, on: string) => ({
    occurred_on: on,
    type_code: "drug_use",
    precision: "kelurahan",
    kelurahan_code: code,
    source: "news",
    arrests: 1,
  });
  await db
    .insertInto("incidents")
    .values([
      incident("31.73.01.1004", "2026-03-05"),
      incident("31.73.01.1004", "2026-03-20"),
      incident("31.73.07.1006", "2026-10-02"),
      incident("31.73.07.1006", "2025-06-02"),
      incident("31.71.01.1001", "2025-06-03"),
    ])
    .execute();
  // Section 2 of DOMAIN.md, entered in the official figures register with their sources.
  const figure = (
    indicator: string,
    value: number,
    period: string,
    end: string,
    source: string,
    citation: string,
  ) => sql`insert into official_figures
      (indicator_code, value, unit, period_label, period_end, area_code, source_organisation, citation, published_on)
      values (${indicator}, ${value}, 'orang', ${period}, ${end}, '31', ${source}, ${citation}, '2025-06-12')`;
  for (const q of [
    figure("rehab_clients", 1551, "2023", "2023-12-31", "ANTARA", "Audiensi BNNP DKI 2025"),
    figure("rehab_clients", 7072, "2024", "2024-12-31", "ANTARA", "Audiensi BNNP DKI 2025"),
    figure("rehab_clients", 6718, "2024", "2024-12-31", "Sumber lain", "Laporan tahunan"),
    figure("rehab_clients", 1236, "Januari-Mei 2025", "2025-05-31", "ANTARA", "Audiensi 2025"),
    sql`insert into official_figures (indicator_code, value, unit, period_label, area_code, source_organisation, label)
        values ('other', 2560000, 'orang', '2024', '31.73', 'BPS Kota Jakarta Barat', 'Jumlah penduduk')`,
  ])
    await q.execute(db);
  await sql`insert into custody_facilities (name, type, area_code) values ('Lapas Uji DKI', 'lapas', '31')`.execute(
    db,
  );
  await sql`insert into custody_counts (facility_id, counted_on, capacity, occupants, drug_offenders, source)
      select id, '2025-05-31', 5919, 13347, 8585, 'Ditjenpas DKI (ANTARA)' from custody_facilities where name = 'Lapas Uji DKI'`.execute(
    db,
  );
  // Rehabilitation registry: 6 clients living in Jakarta Barat in 2025, 2 in 2024 (shown "<5").
  const facility = await newOrganisation(db, { areaCode: "31.73.01", type: "rehab_facility" });
  for (let i = 0; i < 8; i++) {
    const id = crypto.randomUUID();
    await sql`insert into rehab_clients (id, code, sex, birth_year, residence_kelurahan_code)
        values (${id}, ${`RPT-${i}`}, 'male', 1995, '31.73.01.1004')`.execute(db);
    await sql`insert into rehab_episodes (client_id, facility_id, status, entry_route, intake_date)
        values (${id}, ${facility}, 'intake', 'voluntary', ${i < 6 ? "2025-04-01" : "2024-04-01"})`.execute(
      db,
    );
  }
}

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  const org = await newOrganisation(db, { areaCode: "31.73" });
  analyst = await signIn(
    t.app,
    await newUser(db, { role: "analyst", scope: "31.73", organisationId: org }),
  );
  viewer = await signIn(
    t.app,
    await newUser(db, { role: "viewer", scope: "31.73.07", organisationId: org }),
  );
  kelurahanOfficer = await signIn(
    t.app,
    await newUser(db, { role: "kelurahan_officer", scope: "31.73", organisationId: org }),
  );
  clinician = await signIn(
    t.app,
    await newUser(db, { role: "rehab_clinician", scope: "31.73", organisationId: org }),
  );
  await seed();
});
afterAll(async () => {
  await t.close();
});

describe("briefing PDF", () => {
  let pdf: Buffer;
  let pages: string[];

  beforeAll(async () => {
    const res = await analyst.request({ method: "GET", url: "/api/reports/briefing?area=31.73" });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    expect(res.headers["content-type"]).toBe("application/pdf");
    expect(res.headers["content-disposition"]).toMatch(
      /^attachment; filename="bahan-rapat-31.73-\d{4}-\d{2}-\d{2}\.pdf"/,
    );
    pdf = res.rawPayload;
    pages = pdfText(pdf);
  });

  it("is a PDF with a title page naming the area and the date, and numbered pages", () => {
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    expect(pages.length).toBeGreaterThanOrEqual(5);
    expect(pages[0]).toContain("Bahan Rapat Koordinasi P4GN");
    expect(pages[0]).toContain("Jakarta Barat");
    expect(pages[0]).toMatch(/Tanggal: \d{1,2} [A-Z][a-z]+ 20\d\d/);
    pages.forEach((text, i) => {
      expect(text).toContain(`Halaman ${i + 1} dari ${pages.length}`);
      expect(text).toContain("Tanpa data pribadi");
      expect(text).toMatch(/Dibuat \d{1,2} [A-Z][a-z]+ 20\d\d \d\d:\d\d WIB/);
    });
  });

  it("draws the map with the class colours, the legend words and the named location", () => {
    const page = pages.findIndex((p) =>
      p.includes("Kelas terbaru yang dipublikasikan untuk setiap"),
    );
    expect(page).toBeGreaterThan(0);
    for (const word of ["Bahaya (2)", "Waspada (2)", "Siaga (1)", "Aman (1)", "Belum dinilai (50)"])
      expect(pages[page]).toContain(word);
    expect(pages[page]).toContain("Kompleks Permata");
    const png = renderPage(pdf, page);
    const region = mapRegion(png);
    const counts = Object.fromEntries(
      (["bahaya", "waspada", "siaga", "aman"] as const).map((c) => [
        c,
        countColour(png, RISK_COLOURS[c], region),
      ]),
    );
    for (const c of ["bahaya", "waspada", "siaga", "aman"] as const)
      expect(counts[c], `${c} pixels on the map`).toBeGreaterThan(200);
    expect(countColour(png, MARKER_COLOUR, region)).toBeGreaterThan(10);
  });

  it("lists the classes per kelurahan", () => {
    const text = pages.join("\n");
    expect(text).toContain("2. Kelas per kelurahan");
    expect(text).toContain("Kedaung Kali Angke Cengkareng Bahaya Semester I 2026");
    expect(text).toContain("Kota Bambu Selatan Pal Merah Waspada");
  });

  it("has the figures with their sources, disagreeing sources side by side", () => {
    const text = pages.join("\n");
    expect(text).toContain("3. Angka resmi dan sumbernya");
    for (const value of ["1.551 orang", "7.072 orang", "6.718 orang", "1.236 orang"])
      expect(text).toContain(value);
    expect(text).toContain("ANTARA; Audiensi BNNP DKI 2025");
    expect(text).toContain("Sumber lain; Laporan tahunan");
    expect(text).toContain("Januari-Mei 2025");
    // Custody: capacity, occupants and the three derived measures, labelled, with the source.
    expect(text).toContain("5.919");
    expect(text).toContain("13.347");
    expect(text).toContain("225,5%");
    expect(text).toContain("125,5%");
    expect(text).toContain("64,3%");
    expect(text).toContain("Ditjenpas DKI (ANTARA)");
    // Registry counts by year of intake: 6 in 2025, 2 in 2024 shown as "<5".
    expect(text).toMatch(/2024\s+<5/);
    expect(text).toMatch(/2025\s+6/);
  });

  it("says what is not recorded yet, and counts incidents per month", () => {
    const text = pages.join("\n");
    expect(text).toContain("4. Program dan tindak lanjut");
    expect(text).toContain("5. Kejadian per bulan");
    expect(text).toContain("Jumlah 24 bulan: 4 kejadian, 4 penangkapan");
  });

  it("records the generation in the audit log", async () => {
    const events = await t.database.db
      .selectFrom("audit_events")
      .select(["action", "record_id"])
      .where("action", "=", "report.briefing")
      .execute();
    expect(events).toContainEqual({ action: "report.briefing", record_id: "31.73" });
  });
});

describe("briefing for a kelurahan", () => {
  it("draws its kecamatan with the kelurahan outlined and tables only its own data", async () => {
    const res = await viewer.request({
      method: "GET",
      url: "/api/reports/briefing?area=31.73.07.1006",
    });
    expect(res.statusCode).toBe(200);
    const pages = pdfText(res.rawPayload);
    const text = pages.join("\n");
    expect(pages[0]).toContain("Kelurahan Kota Bambu Selatan");
    expect(text).toContain("Kota Bambu Selatan bergaris tebal");
    expect(text).toContain("Jumlah 24 bulan: 2 kejadian");
    expect(text).not.toContain("Kedaung Kali Angke Cengkareng");
    const map = pages.findIndex((p) =>
      p.includes("Kelas terbaru yang dipublikasikan untuk setiap"),
    );
    const png = renderPage(res.rawPayload, map);
    expect(countColour(png, RISK_COLOURS.waspada, mapRegion(png))).toBeGreaterThan(200);
    // Only Pal Merah is drawn: no Bahaya kelurahan of Cengkareng on this map.
    expect(countColour(png, RISK_COLOURS.bahaya, mapRegion(png))).toBe(0);
  });
});

describe("briefing access", () => {
  it("answers 404 for an area outside the person's scope or unknown", async () => {
    const outside = await viewer.request({
      method: "GET",
      url: "/api/reports/briefing?area=31.73.01",
    });
    expect(outside.statusCode).toBe(404);
    expect(outside.json().error.code).toBe("AREA_NOT_FOUND");
    const unknown = await analyst.request({
      method: "GET",
      url: "/api/reports/briefing?area=31.73.99",
    });
    expect(unknown.statusCode).toBe(404);
    const malformed = await analyst.request({
      method: "GET",
      url: "/api/reports/briefing?area=abc",
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.code).toBe("AREA_CODE_MALFORMED");
  });

  it("refuses roles without report access", async () => {
    for (const client of [kelurahanOfficer, clinician]) {
      const res = await client.request({ method: "GET", url: "/api/reports/briefing?area=31.73" });
      expect(res.statusCode).toBe(403);
    }
  });
});

describe("BNNK formation brief", () => {
  it("PDF compares the cities of DKI on the indicators held, with sources and the argument", async () => {
    const res = await analyst.request({ method: "GET", url: "/api/reports/bnnk?year=2025" });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("application/pdf");
    const text = pdfText(res.rawPayload).join("\n");
    expect(text).toContain("Kajian Pembentukan BNNK Jakarta Barat");
    expect(text).toContain("tidak memiliki kantor BNN kota (BNNK)");
    expect(text).toContain("Permendagri 12/2019");
    for (const city of [
      "Kepulauan Seribu",
      "Jakarta Pusat",
      "Jakarta Utara",
      "Jakarta Barat",
      "Jakarta Selatan",
      "Jakarta Timur",
    ])
      expect(text).toContain(city);
    expect(text).toContain(
      "Kelurahan rawan (Bahaya dan Waspada): 4 dari 56 kelurahan, peringkat 1 dari 6",
    );
    expect(text).toContain("Penduduk: 2.560.000 (2024; BPS Kota Jakarta Barat)");
    expect(text).toContain("Klien rehabilitasi berdomisili di Jakarta Barat (2025): 6");
    expect(text).toContain("Sumber");
    expect(text).toContain("Registri rehabilitasi Tanggap");
  });

  it("table downloads carry the same numbers", async () => {
    const res = await analyst.request({
      method: "GET",
      url: "/api/reports/bnnk/table?year=2025&format=csv",
    });
    expect(res.statusCode).toBe(200);
    const lines = res.body.replace(/^\uFEFF/, "").split("\r\n");
    expect(lines[0]).toContain("Kejadian 2025");
    const barat = lines.find((l) => l.startsWith("31.73,"));
    expect(barat).toBe(
      "31.73,Kota Administrasi Jakarta Barat,2560000,2024,BPS Kota Jakarta Barat,56,6,2,2,4,1,6,0,0",
    );
    const pusat = lines.find((l) => l.startsWith("31.71,"));
    expect(pusat).toMatch(/^31\.71,Kota Administrasi Jakarta Pusat,,,,\d+,1,1,0,1,1,0,0,0$/);
  });

  it("the table is an export: refused to a viewer, who may read the PDF", async () => {
    const table = await viewer.request({
      method: "GET",
      url: "/api/reports/bnnk/table?format=xlsx",
    });
    expect(table.statusCode).toBe(403);
    const pdf = await viewer.request({ method: "GET", url: "/api/reports/bnnk" });
    expect(pdf.statusCode).toBe(200);
  });
});
