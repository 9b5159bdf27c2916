import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../app";
import { type Client, newOrganisation, newUser, signIn } from "../factories";

let t: TestApp;
let analyst: Client;
let officer: Client;
let viewer: Client;

const HEADER = "external_ref,date,type,source,lon,lat,kelurahan_code,persons,arrests,notes";
// Points: Museum Fatahillah (Pinangsia), Glodok, Terminal Kalideres; one known only by kelurahan.
const ROWS = [
  "LP/001,2025-03-04,possession,police_report,106.81311,-6.13524,,2,1,",
  "LP/002,2025-03-05,dealing,bnn_operation,106.8148,-6.1446,,1,1,",
  "LP/003,2025-04-01,drug_use,police_report,106.70357,-6.15443,,1,0,",
  "LP/004,2025-05-01,community_report,community_report,,,31.73.07.1006,0,0,Laporan warga",
];
const csv = (rows: string[]) => `${[HEADER, ...rows].join("\n")}\n`;

function importFile(
  client: Client,
  body: string,
  format: string,
  dryRun: boolean,
  type = "text/csv",
) {
  return client.request({
    method: "POST",
    url: `/api/incidents/import?format=${format}&dryRun=${dryRun}`,
    headers: { "content-type": type },
    payload: body,
  });
}

beforeAll(async () => {
  t = await createTestApp();
  const org = await newOrganisation(t.database.db, { areaCode: "31.73" });
  analyst = await signIn(
    t.app,
    await newUser(t.database.db, { role: "analyst", scope: "31.73", organisationId: org }),
  );
  officer = await signIn(
    t.app,
    await newUser(t.database.db, {
      role: "kelurahan_officer",
      scope: "31.73.01.1004",
      organisationId: org,
    }),
  );
  viewer = await signIn(
    t.app,
    await newUser(t.database.db, { role: "viewer", scope: "31.73", organisationId: org }),
  );
});
afterAll(async () => {
  await t.close();
});

describe("incident registry", () => {
  it("locates a new incident in its kelurahan and stores its H3 cells", async () => {
    const res = await analyst.request({
      method: "POST",
      url: "/api/incidents",
      payload: {
        date: "2025-02-01",
        type: "seizure",
        source: "news",
        lon: 106.7598,
        lat: -6.1505,
        substance: "sabu",
        quantity: "12,5",
        unit: "g",
      },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      kelurahanCode: "31.73.01.1004",
      precision: "exact",
      quantity: 12.5,
      unit: "g",
    });
    const row = await t.database.db
      .selectFrom("incidents")
      .select(["h3_r7", "h3_r9", "h3_r11"])
      .where("id", "=", res.json().id)
      .executeTakeFirstOrThrow();
    expect(row.h3_r9).toMatch(/^89/);
    expect(row.h3_r11).toMatch(/^8b/);
  });

  it("refuses points outside DKI, personal data, and places outside one's scope", async () => {
    const outside = await analyst.request({
      method: "POST",
      url: "/api/incidents",
      payload: { date: "2025-02-01", type: "seizure", source: "news", lon: 106.8, lat: -6.6 },
    });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().error.details).toEqual([{ field: "lon", problem: "OUTSIDE_DKI" }]);
    const nik = await analyst.request({
      method: "POST",
      url: "/api/incidents",
      payload: {
        date: "2025-02-01",
        type: "seizure",
        source: "news",
        kelurahan_code: "31.73.01.1004",
        notes: "NIK 3173010101900001",
      },
    });
    expect(nik.json().error.details).toEqual([{ field: "notes", problem: "PERSONAL_DATA" }]);
    const name = await analyst.request({
      method: "POST",
      url: "/api/incidents",
      payload: {
        date: "2025-02-01",
        type: "seizure",
        source: "news",
        kelurahan_code: "31.73.01.1004",
        nama: "Budi",
      },
    });
    expect(name.statusCode).toBe(400);
    const viewerCreate = await viewer.request({
      method: "POST",
      url: "/api/incidents",
      payload: {
        date: "2025-02-01",
        type: "seizure",
        source: "news",
        kelurahan_code: "31.73.01.1004",
      },
    });
    expect(viewerCreate.statusCode).toBe(403);
  });

  it("imports a file after a dry run, idempotently, and names each bad row without writing anything", async () => {
    const bad = csv([
      ...ROWS,
      "LP/005,2025-13-01,possession,police_report,106.81,-6.13,,1,1,",
      "LP/006,2025-03-01,possession,police_report,107.5,-6.13,,1,1,",
    ]);
    const dry = (await importFile(analyst, bad, "csv", true)).json();
    expect(dry.valid).toBe(false);
    expect(dry.problems).toEqual([
      { row: 6, column: "date", code: "BAD_DATE" },
      { row: 7, column: "lon", code: "OUTSIDE_DKI" },
    ]);
    const commitBad = await importFile(analyst, bad, "csv", false);
    expect(commitBad.json().error.code).toBe("IMPORT_INVALID");
    expect(
      (
        await t.database.db
          .selectFrom("incidents")
          .select("id")
          .where("external_ref", "like", "LP/%")
          .execute()
      ).length,
    ).toBe(0);

    expect((await importFile(analyst, csv(ROWS), "csv", true)).json()).toMatchObject({
      valid: true,
      committed: false,
      created: 4,
    });
    expect((await importFile(analyst, csv(ROWS), "csv", false)).json()).toMatchObject({
      committed: true,
      created: 4,
      updated: 0,
      unchanged: 0,
    });
    expect((await importFile(analyst, csv(ROWS), "csv", false)).json()).toMatchObject({
      committed: true,
      created: 0,
      updated: 0,
      unchanged: 4,
    });
    const changed = ROWS.map((r, i) => (i === 0 ? r.replace(",2,1,", ",3,1,") : r));
    expect((await importFile(analyst, csv(changed), "csv", false)).json()).toMatchObject({
      created: 0,
      updated: 1,
      unchanged: 3,
    });
  });

  it("imports GeoJSON points and refuses name columns", async () => {
    const geojson = {
      type: "FeatureCollection",
      features: [
        {
          type: "Feature",
          geometry: { type: "Point", coordinates: [106.7838, -6.2006] },
          properties: {
            external_ref: "GJ/1",
            date: "2025-06-01",
            type: "drug_use",
            source: "news",
          },
        },
      ],
    };
    const ok = (
      await importFile(analyst, JSON.stringify(geojson), "geojson", false, "application/geo+json")
    ).json();
    expect(ok).toMatchObject({ committed: true, created: 1 });
    const withName = {
      ...geojson,
      features: [
        {
          ...geojson.features[0],
          properties: {
            ...geojson.features[0]!.properties,
            external_ref: "GJ/2",
            nama_tersangka: "X",
          },
        },
      ],
    };
    const refused = (
      await importFile(analyst, JSON.stringify(withName), "geojson", true, "application/geo+json")
    ).json();
    expect(refused.problems).toContainEqual({
      row: 1,
      column: "nama_tersangka",
      code: "FORBIDDEN_COLUMN",
    });
  });

  it("lists only incidents in scope and aggregates by kelurahan and H3 cell", async () => {
    const mine = (await officer.request({ method: "GET", url: "/api/incidents" })).json();
    expect(mine.items.map((i: { kelurahanCode: string }) => i.kelurahanCode)).toEqual([
      "31.73.01.1004",
    ]);
    const byKelurahan = (
      await viewer.request({ method: "GET", url: "/api/incidents/aggregate?by=kelurahan" })
    ).json();
    expect(byKelurahan.find((r: { key: string }) => r.key === "31.73.03.1008")).toEqual({
      key: "31.73.03.1008",
      incidents: 1,
      arrests: 1,
    });
    const byCell = (
      await viewer.request({
        method: "GET",
        url: "/api/incidents/aggregate?by=h3&from=2025-03-01&to=2025-03-31",
      })
    ).json();
    expect(byCell.reduce((s: number, r: { incidents: number }) => s + r.incidents, 0)).toBe(2);
  });

  it("finds hotspots over the kelurahan and computes a density surface", async () => {
    const hot = (
      await viewer.request({ method: "GET", url: "/api/incidents/hotspots?city=31.73&fdr=0.1" })
    ).json();
    expect(hot.areas).toHaveLength(56);
    expect(hot.areas.reduce((s: number, a: { count: number }) => s + a.count, 0)).toBe(6);
    expect(
      hot.areas.every((a: { z: number; pFdr: number }) => Number.isFinite(a.z) && a.pFdr >= 0),
    ).toBe(true);
    const density = (
      await viewer.request({
        method: "GET",
        url: "/api/incidents/density?city=31.73&cellMetres=500&bandwidthMetres=1000",
      })
    ).json();
    expect(density.points).toBe(5);
    expect(density.grid.values.length).toBe(density.grid.cols * density.grid.rows);
    const integral = density.grid.values.reduce((s: number, v: number) => s + v, 0) * 500 * 500;
    expect(integral).toBeGreaterThan(3);
    expect(integral).toBeLessThanOrEqual(5.2);
  });
});
