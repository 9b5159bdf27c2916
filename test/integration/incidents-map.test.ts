import { latLngToCell } from "h3-js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../app";
import { type Client, newOrganisation, newUser, signIn } from "../factories";

let t: TestApp;
let analyst: Client;
let officer: Client;

const HEADER = "external_ref,date,type,source,lon,lat,kelurahan_code";
const FATAHILLAH = [106.81311, -6.13524] as const; // Pinangsia, 31.73.03.1008
const GLODOK = [106.8148, -6.1446] as const;
const KALIDERES = [106.70357, -6.15443] as const; // 31.73.06
const KEDAUNG = "31.73.01.1004"; // Kedaung Kali Angke (Kampung Ambon)
const PINANGSIA = "31.73.03.1008";

/** Located points for the cluster tests (types and sources differ to test the filters). */
const POINTS = [
  `M/1,2025-02-01,possession,police_report,${FATAHILLAH},`,
  `M/2,2025-02-02,possession,police_report,${FATAHILLAH},`,
  `M/3,2025-03-03,possession,bnn_operation,${FATAHILLAH},`,
  `M/4,2025-03-04,dealing,police_report,${GLODOK},`,
  `M/5,2025-06-05,seizure,news,${KALIDERES},`,
  `M/6,2025-06-06,seizure,news,,,${KEDAUNG}`,
];

/** Monthly counts per kelurahan for the trend tests, known only by kelurahan. */
function monthly(type: string, code: string, perMonth: number[], start = 1): string[] {
  return perMonth.flatMap((n, m) =>
    Array.from(
      { length: n },
      (_, k) =>
        `T/${type}/${code}/${m}/${k},2024-${String(start + m).padStart(2, "0")}-1${k % 9},${type},community_report,,,${code}`,
    ),
  );
}
const TRENDS = [
  // "new": hot only in the last month. Pinangsia is hot first, not in the last month.
  ...monthly("overdose", KEDAUNG, [0, 0, 0, 10]),
  ...monthly("overdose", PINANGSIA, [1, 1, 1, 1]),
  // "persistent": the same share every month.
  ...monthly("production", KEDAUNG, [5, 5, 5, 5]),
  ...monthly("production", PINANGSIA, [1, 1, 1, 1]),
  // "intensifying": a growing share for six months.
  ...monthly("drug_use", KEDAUNG, [3, 4, 5, 6, 7, 8]),
  ...monthly("drug_use", PINANGSIA, [1, 1, 1, 1, 1, 1]),
];
const csv = (rows: string[]) => `${[HEADER, ...rows].join("\n")}\n`;

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
      scope: KEDAUNG,
      organisationId: org,
    }),
  );
  const res = await analyst.request({
    method: "POST",
    url: "/api/incidents/import?format=csv&dryRun=false",
    headers: { "content-type": "text/csv" },
    payload: csv([...POINTS, ...TRENDS]),
  });
  expect(res.json()).toMatchObject({ committed: true, created: POINTS.length + TRENDS.length });
});
afterAll(async () => {
  await t.close();
});

async function get(client: Client, url: string) {
  const res = await client.request({ method: "GET", url });
  return { status: res.statusCode, body: res.json() };
}

type Feature = {
  geometry: { coordinates: [number, number] };
  properties: { key: string; count: number; type: string | null };
};

describe("incident clusters for the map", () => {
  it("clusters by the stored H3 cell chosen from the zoom, and counts what is not drawn", async () => {
    const { body } = await get(analyst, "/api/incidents/clusters?zoom=10&from=2025-01-01");
    expect(body.resolution).toBe("r7");
    expect(body.total).toBe(5);
    expect(body.unlocated).toBe(1);
    expect(body.truncated).toBe(false);
    const expected = new Map<string, number>();
    for (const p of [FATAHILLAH, FATAHILLAH, FATAHILLAH, GLODOK, KALIDERES]) {
      const cell = latLngToCell(p[1], p[0], 7);
      expected.set(cell, (expected.get(cell) ?? 0) + 1);
    }
    const got = new Map(
      (body.features as Feature[]).map((f) => [f.properties.key, f.properties.count]),
    );
    expect(got).toEqual(expected);
    const kalideres = (body.features as Feature[]).find(
      (f) => f.properties.key === latLngToCell(KALIDERES[1], KALIDERES[0], 7),
    )!;
    expect(kalideres.geometry.coordinates[0]).toBeCloseTo(KALIDERES[0], 9);
    expect(kalideres.geometry.coordinates[1]).toBeCloseTo(KALIDERES[1], 9);

    const r11 = (await get(analyst, "/api/incidents/clusters?zoom=15&from=2025-01-01")).body;
    expect(r11.resolution).toBe("r11");
    expect((r11.features as Feature[]).map((f) => f.properties.count)).toEqual([3, 1, 1]);
    expect(r11.features[0].properties.key).toBe(latLngToCell(FATAHILLAH[1], FATAHILLAH[0], 11));
  });

  it("sends single incidents at zoom 16 and more, filtered by period, type, source and box", async () => {
    const points = (await get(analyst, "/api/incidents/clusters?zoom=17&from=2025-01-01")).body;
    expect(points.resolution).toBe("point");
    expect(points.features).toHaveLength(5);
    expect((points.features as Feature[]).map((f) => f.properties.type)).toEqual([
      "seizure",
      "dealing",
      "possession",
      "possession",
      "possession",
    ]);
    const byType = (await get(analyst, "/api/incidents/clusters?zoom=17&type=possession")).body;
    expect(byType.total).toBe(3);
    const bySource = (
      await get(analyst, "/api/incidents/clusters?zoom=17&type=possession&source=bnn_operation")
    ).body;
    expect(bySource.total).toBe(1);
    const byPeriod = (
      await get(analyst, "/api/incidents/clusters?zoom=17&from=2025-03-01&to=2025-03-31")
    ).body;
    expect(byPeriod.total).toBe(2);
    const box = (
      await get(analyst, "/api/incidents/clusters?zoom=17&bbox=106.69,-6.17,106.72,-6.14")
    ).body;
    expect(box.total).toBe(1);
    expect(box.features[0].geometry.coordinates).toEqual([...KALIDERES]);
  });

  it("answers only within the person's scope and refuses a malformed box", async () => {
    const own = (await get(officer, "/api/incidents/clusters?zoom=10&from=2025-01-01")).body;
    expect(own.total).toBe(0);
    expect(own.unlocated).toBe(1);
    expect(own.features).toEqual([]);
    const bad = await get(analyst, "/api/incidents/clusters?bbox=107,-6,106,-7");
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe("VALIDATION_FAILED");
  });
});

describe("incident trends per kelurahan", () => {
  type Area = { code: string; counts: number[]; z: number[]; label: string; total: number };
  const area = (body: { areas: Area[] }, code: string) => body.areas.find((a) => a.code === code)!;

  it("counts by month and labels a kelurahan hot only in the last month as new", async () => {
    const { status, body } = await get(
      analyst,
      "/api/incidents/trends?city=31.73&from=2024-01-01&to=2024-04-30&type=overdose",
    );
    expect(status).toBe(200);
    expect(body.periods).toEqual(["2024-01", "2024-02", "2024-03", "2024-04"]);
    expect(body.areas).toHaveLength(56);
    expect(area(body, KEDAUNG).counts).toEqual([0, 0, 0, 10]);
    expect(area(body, KEDAUNG).total).toBe(10);
    expect(area(body, KEDAUNG).label).toBe("new");
    expect(area(body, PINANGSIA).counts).toEqual([1, 1, 1, 1]);
    expect(
      area(body, PINANGSIA)
        .z.slice(0, 3)
        .every((z: number) => z > 1.96),
    ).toBe(true);
    expect(area(body, PINANGSIA).label).toBe("none");
  });

  it("labels a steady hotspot persistent and a growing one intensifying", async () => {
    const steady = (
      await get(
        analyst,
        "/api/incidents/trends?city=31.73&from=2024-01-01&to=2024-04-30&type=production",
      )
    ).body;
    expect(area(steady, KEDAUNG).label).toBe("persistent");
    const growing = (
      await get(
        analyst,
        "/api/incidents/trends?city=31.73&from=2024-01-01&to=2024-06-30&type=drug_use",
      )
    ).body;
    expect(area(growing, KEDAUNG).counts).toEqual([3, 4, 5, 6, 7, 8]);
    const z = area(growing, KEDAUNG).z;
    expect(z.every((v: number, i: number) => i === 0 || v > z[i - 1]!)).toBe(true);
    expect(area(growing, KEDAUNG).label).toBe("intensifying");
    // Without a type every incident of the months counts, by source too.
    const all = (
      await get(
        analyst,
        "/api/incidents/trends?city=31.73&from=2024-01-01&to=2024-06-30&source=community_report",
      )
    ).body;
    expect(area(all, KEDAUNG).counts).toEqual([8, 9, 10, 21, 7, 8]);
  });

  it("keeps to the scope and refuses a reversed or too long period", async () => {
    const own = (
      await get(officer, "/api/incidents/trends?city=31.73&from=2024-01-01&to=2024-06-30")
    ).body;
    expect(area(own, PINANGSIA).total).toBe(0);
    expect(area(own, KEDAUNG).total).toBe(63);
    const reversed = await get(analyst, "/api/incidents/trends?from=2025-05-01&to=2025-01-01");
    expect(reversed.status).toBe(400);
    const long = await get(analyst, "/api/incidents/trends?from=2000-01-01&to=2025-01-01");
    expect(long.status).toBe(400);
    expect(long.body.error.code).toBe("VALIDATION_FAILED");
  });
});

describe("import with progress for the browser", () => {
  function ndjson(body: string, dryRun: boolean) {
    return analyst.request({
      method: "POST",
      url: `/api/incidents/import?format=csv&dryRun=${dryRun}`,
      headers: { "content-type": "text/csv", accept: "application/x-ndjson" },
      payload: body,
    });
  }
  const lines = (text: string) =>
    text
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));

  it("streams progress lines, then the report", async () => {
    const rows = Array.from(
      { length: 4500 },
      (_, i) => `P/${i},2025-07-0${(i % 9) + 1},drug_use,news,,,${KEDAUNG}`,
    );
    const dry = await ndjson(csv(rows), true);
    expect(dry.statusCode).toBe(200);
    expect(dry.headers["content-type"]).toContain("application/x-ndjson");
    const dryLines = lines(dry.body);
    expect(dryLines[0]).toEqual({ type: "progress", phase: "checking", done: 0, total: 0 });
    expect(dryLines.filter((l) => l.phase === "writing").map((l) => l.done)).toEqual([
      2000, 4000, 4500,
    ]);
    expect(dryLines.at(-1)).toMatchObject({
      type: "result",
      report: { valid: true, committed: false, created: 4500 },
    });
    const commit = lines((await ndjson(csv(rows), false)).body);
    expect(commit.at(-1)).toMatchObject({
      type: "result",
      report: { committed: true, created: 4500 },
    });
    const stored = await t.database.db
      .selectFrom("incidents")
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .where("external_ref", "like", "P/%")
      .executeTakeFirstOrThrow();
    expect(Number(stored.n)).toBe(4500);
  });

  it("ends with the error naming the bad row, and writes nothing", async () => {
    const rows = [
      `Q/1,2025-07-01,drug_use,news,,,${KEDAUNG}`,
      `Q/2,2025-07-02,drug_use,news,107.9,-6.1,`,
      `Q/3,2025-07-03,drug_use,news,,,${KEDAUNG}`,
    ];
    const result = lines((await ndjson(csv(rows), false)).body);
    expect(result.at(-1)).toEqual({
      type: "error",
      error: {
        code: "IMPORT_INVALID",
        message: "The file has problems; nothing was imported.",
        details: { problems: [{ row: 3, column: "lon", code: "OUTSIDE_DKI" }] },
      },
    });
    const stored = await t.database.db
      .selectFrom("incidents")
      .select("id")
      .where("external_ref", "like", "Q/%")
      .execute();
    expect(stored).toHaveLength(0);
    // Without the header the answer is the usual JSON error.
    const plain = await analyst.request({
      method: "POST",
      url: "/api/incidents/import?format=csv&dryRun=false",
      headers: { "content-type": "text/csv" },
      payload: csv(rows),
    });
    expect(plain.statusCode).toBe(400);
    expect(plain.json().error.code).toBe("IMPORT_INVALID");
  });
});
