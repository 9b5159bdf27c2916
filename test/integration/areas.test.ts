import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../app";

const wilayah = parse(readFileSync("data/dki-jakarta/wilayah.csv", "utf8"), {
  columns: true,
}) as Array<{ code: string; level: string; name: string; parent_code: string }>;
const officialKelurahan31_73 = wilayah
  .filter((r) => r.level === "kelurahan" && r.code.startsWith("31.73."))
  .map((r) => r.code)
  .sort();

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

interface Collection {
  type: string;
  bbox?: number[];
  features: Array<{
    id: string;
    bbox?: number[];
    geometry: { type: string; coordinates: unknown[] } | null;
    properties: Record<string, unknown>;
  }>;
}

async function getJson<T>(url: string) {
  const res = await t.app.inject({ method: "GET", url });
  return { status: res.statusCode, body: res.json() as T, headers: res.headers };
}

describe("GET /api/areas", () => {
  it("returns exactly the 56 official kelurahan of Jakarta Barat as GeoJSON", async () => {
    const { status, body } = await getJson<Collection>("/api/areas?level=kelurahan&parent=31.73");
    expect(status).toBe(200);
    expect(body.type).toBe("FeatureCollection");
    expect(body.features).toHaveLength(56);
    expect(body.features.map((f) => f.properties.code).sort()).toEqual(officialKelurahan31_73);
    const kedaung = body.features.find((f) => f.id === "31.73.01.1004");
    expect(kedaung?.properties).toMatchObject({
      code: "31.73.01.1004",
      name: "Kedaung Kali Angke",
      level: "kelurahan",
      parent: "31.73.01",
      parentName: "Cengkareng",
    });
    expect(kedaung?.geometry?.type).toBe("Polygon");
    expect(kedaung?.bbox).toHaveLength(4);
    expect(body.bbox?.[0]).toBeCloseTo(106.68581, 4);
    expect(body.bbox?.[3]).toBeCloseTo(-6.09558, 4);
  });

  it("returns the 8 kecamatan of Jakarta Barat", async () => {
    const { status, body } = await getJson<Collection>("/api/areas?level=kecamatan&parent=31.73");
    expect(status).toBe(200);
    expect(body.features.map((f) => f.properties.name)).toEqual([
      "Cengkareng",
      "Grogol Petamburan",
      "Taman Sari",
      "Tambora",
      "Kebon Jeruk",
      "Kalideres",
      "Pal Merah",
      "Kembangan",
    ]);
  });

  it("lists the six cities and regency of DKI without geometry on request", async () => {
    const { body } = await getJson<Collection>("/api/areas?parent=31&geometry=false");
    expect(body.features.map((f) => f.id)).toEqual([
      "31.01",
      "31.71",
      "31.72",
      "31.73",
      "31.74",
      "31.75",
    ]);
    expect(body.features.every((f) => f.geometry === null)).toBe(true);
    expect(body.features[3]?.properties.level).toBe("kota");
    expect(body.features[0]?.properties.level).toBe("kabupaten");
  });

  it("covers all of DKI: 44 kecamatan and 267 kelurahan", async () => {
    const kec = await getJson<Collection>("/api/areas?level=kecamatan&parent=31&geometry=false");
    const kel = await getJson<Collection>("/api/areas?level=kelurahan&geometry=false");
    expect(kec.body.features).toHaveLength(44);
    expect(kel.body.features).toHaveLength(267);
  });

  it("answers 400 AREA_LEVEL_UNKNOWN for an unknown level", async () => {
    const { status, body } = await getJson<{ error: { code: string; requestId: string } }>(
      "/api/areas?level=desa&parent=31.73",
    );
    expect(status).toBe(400);
    expect(body.error.code).toBe("AREA_LEVEL_UNKNOWN");
    expect(body.error.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it.each(["31.7", "3173", "31.73.1", "31.73.01.100", "abc", "31.73.01.1004.1", "31.73'--"])(
    "answers 400 AREA_CODE_MALFORMED for parent=%s",
    async (parent) => {
      const { status, body } = await getJson<{ error: { code: string } }>(
        `/api/areas?level=kelurahan&parent=${encodeURIComponent(parent)}`,
      );
      expect(status).toBe(400);
      expect(body.error.code).toBe("AREA_CODE_MALFORMED");
    },
  );

  it("answers 404 AREA_NOT_FOUND for a well-formed but unknown parent", async () => {
    const { status, body } = await getJson<{ error: { code: string } }>("/api/areas?parent=31.79");
    expect(status).toBe(404);
    expect(body.error.code).toBe("AREA_NOT_FOUND");
  });

  it("answers 400 VALIDATION_FAILED for a bad geometry flag", async () => {
    const { status, body } = await getJson<{ error: { code: string } }>(
      "/api/areas?geometry=maybe",
    );
    expect(status).toBe(400);
    expect(body.error.code).toBe("VALIDATION_FAILED");
  });
});

describe("GET /api/areas/:code", () => {
  it("returns one kelurahan with its ancestors", async () => {
    const { status, body } = await getJson<{
      properties: { name: string; areaKm2: number };
      ancestors: Array<{ code: string; name: string }>;
      childCount: number;
    }>("/api/areas/31.73.07.1006");
    expect(status).toBe(200);
    expect(body.properties.name).toBe("Kota Bambu Selatan");
    expect(body.ancestors.map((a) => a.code)).toEqual(["31", "31.73", "31.73.07"]);
    expect(body.ancestors[2]?.name).toBe("Pal Merah");
    expect(body.childCount).toBe(0);
    expect(body.properties.areaKm2).toBeGreaterThan(0.1);
    expect(body.properties.areaKm2).toBeLessThan(2);
  });

  it("answers 404 for an unknown code and 400 for a malformed one", async () => {
    expect(
      (await getJson<{ error: { code: string } }>("/api/areas/31.73.01.9999")).body.error.code,
    ).toBe("AREA_NOT_FOUND");
    const bad = await getJson<{ error: { code: string } }>("/api/areas/zz");
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe("AREA_CODE_MALFORMED");
  });
});

describe("platform", () => {
  it("GET /health reports the database up", async () => {
    const { status, body } = await getJson<{ status: string; database: string }>("/health");
    expect(status).toBe(200);
    expect(body).toMatchObject({ status: "ok", database: "up" });
  });

  it("serves an OpenAPI document describing the areas API", async () => {
    const { status, body } = await getJson<{
      openapi: string;
      paths: Record<string, { get?: { parameters?: Array<{ name: string }> } }>;
    }>("/api/openapi.json");
    expect(status).toBe(200);
    expect(body.openapi).toMatch(/^3\./);
    expect(Object.keys(body.paths)).toEqual(
      expect.arrayContaining(["/api/areas", "/api/areas/{code}", "/health"]),
    );
    const names = body.paths["/api/areas"]?.get?.parameters?.map((p) => p.name);
    expect(names).toEqual(expect.arrayContaining(["level", "parent", "geometry"]));
  });

  it("sends security headers with a CSP that lets MapLibre run and nothing external", async () => {
    const { headers } = await getJson("/health");
    const csp = String(headers["content-security-policy"]);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("worker-src 'self' blob:");
    expect(csp).toContain("img-src 'self' data: blob:");
    expect(csp).not.toMatch(/https?:/);
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["x-request-id"]).toBeTruthy();
  });

  it("answers unknown API routes with a JSON NOT_FOUND", async () => {
    const { status, body } = await getJson<{ error: { code: string } }>("/api/nothing-here");
    expect(status).toBe(404);
    expect(body.error.code).toBe("NOT_FOUND");
  });

  it("logs request paths without their query strings", async () => {
    await t.app.inject({
      method: "GET",
      url: "/api/areas?parent=31.73&level=kecamatan&geometry=false",
    });
    const logs = t.logs();
    expect(logs).toContain('"path":"/api/areas"');
    expect(logs).not.toContain("parent=31.73");
  });
});
