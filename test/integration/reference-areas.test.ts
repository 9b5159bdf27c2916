import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadReferenceAreas } from "../../src/db/index";
import { createTestDatabase, type TestDatabase } from "../db";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
});

async function snapshot() {
  return database.db
    .selectFrom("areas")
    .select(["code", "name", "updated_at", sql<string>`md5(geometry::text)`.as("geometry_hash")])
    .orderBy("code")
    .execute();
}

describe("reference areas", () => {
  it("loads the province, 6 cities, 44 kecamatan and 267 kelurahan", async () => {
    const rows = await database.db
      .selectFrom("areas")
      .select(["level", (eb) => eb.fn.countAll<string>().as("n")])
      .groupBy("level")
      .execute();
    const counts = Object.fromEntries(rows.map((r) => [r.level, Number(r.n)]));
    expect(counts).toEqual({ provinsi: 1, kabupaten: 1, kota: 5, kecamatan: 44, kelurahan: 267 });
  });

  it("stores bounding box, centroid, label point and area for every area", async () => {
    const missing = await database.db
      .selectFrom("areas")
      .select("code")
      .where((eb) =>
        eb.or([
          eb("geometry", "is", null),
          eb("min_lon", "is", null),
          eb("centroid_lat", "is", null),
          eb("label_lon", "is", null),
          eb("area_km2", "is", null),
        ]),
      )
      .execute();
    expect(missing).toEqual([]);
  });

  it("reloading the same dataset is skipped and writes nothing", async () => {
    const before = await snapshot();
    const result = await loadReferenceAreas(database.db);
    expect(result).toMatchObject({ skipped: true, written: 0, records: 318 });
    expect(await snapshot()).toEqual(before);
  });

  it("a forced reload rewrites no unchanged row and repairs a changed one", async () => {
    await database.db.deleteFrom("reference_datasets").execute();
    const before = await snapshot();
    const first = await loadReferenceAreas(database.db);
    expect(first).toMatchObject({ skipped: false, written: 0 });
    expect(await snapshot()).toEqual(before);

    await database.db
      .updateTable("areas")
      .set({ name: "Tampered" })
      .where("code", "=", "31.73.07.1006")
      .execute();
    await database.db.deleteFrom("reference_datasets").execute();
    const second = await loadReferenceAreas(database.db);
    expect(second.written).toBe(1);
    const row = await database.db
      .selectFrom("areas")
      .select("name")
      .where("code", "=", "31.73.07.1006")
      .executeTakeFirstOrThrow();
    expect(row.name).toBe("Kota Bambu Selatan");
  });
});
