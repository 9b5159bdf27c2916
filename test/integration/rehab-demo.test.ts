/** The synthetic demo population: yearly entries equal the published figures; idempotent. */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rehabEntriesPerYear } from "../../src/server/modules/rehab/rehab-figures.service";
import { DEMO_ORGANISATIONS } from "../../src/server/system/accounts";
import { seedDemoRehab } from "../../src/server/system/demo-rehab";
import { createTestDatabase, type TestDatabase } from "../db";
import { newOrganisation, newUser } from "../factories";

const keyDir = mkdtempSync(join(tmpdir(), "tanggap-demo-keys-"));
let database: TestDatabase;
let seed: () => Promise<void>;

beforeAll(async () => {
  process.env.TANGGAP_KEY_FILE = join(keyDir, "tanggap.keys");
  database = await createTestDatabase();
  const organisationIds = new Map<string, string>();
  for (const org of DEMO_ORGANISATIONS)
    organisationIds.set(
      org.name,
      await newOrganisation(database.db, {
        areaCode: org.areaCode,
        name: org.name,
        type: org.type,
      }),
    );
  const clinician = await newUser(database.db, {
    role: "rehab_clinician",
    scope: "31.73.01",
    organisationId: organisationIds.get("Puskesmas Kecamatan Cengkareng (IPWL)")!,
  });
  seed = () =>
    seedDemoRehab(database.db, {
      userIds: new Map([["rehab_clinician", clinician.id]]),
      organisationIds,
    });
  await seed();
}, 600_000);
afterAll(async () => {
  await database.close();
  delete process.env.TANGGAP_KEY_FILE;
  rmSync(keyDir, { recursive: true, force: true });
});

describe("demo rehabilitation population", () => {
  it("has the published yearly entries: 1,551 (2023), 7,072 (2024), 1,236 (January to May 2025)", async () => {
    const years = await rehabEntriesPerYear(database.db, { from: 2023, to: 2025 });
    expect(years).toEqual([
      { year: 2023, clients: 1551 },
      { year: 2024, clients: 7072 },
      { year: 2025, clients: 1236 },
    ]);
    const late2025 = await sql<{ n: number }>`
      select count(*)::int as n from rehab_episodes where intake_date between '2025-06-01' and '2025-12-31'`.execute(
      database.db,
    );
    expect(late2025.rows[0]!.n).toBe(0);
  });

  it("is all synthetic, encrypted, spread over DKI residence areas and facilities", async () => {
    const stats = await sql<{
      clients: number;
      synthetic: number;
      clear: number;
      kelurahan: number;
      cities: number;
      facilities: number;
    }>`
      select count(*)::int as clients, count(*) filter (where synthetic)::int as synthetic,
        count(*) filter (where full_name_enc like '%Sintetis%')::int as clear,
        count(distinct residence_kelurahan_code)::int as kelurahan,
        count(distinct left(residence_kelurahan_code, 5))::int as cities,
        (select count(distinct facility_id)::int from rehab_episodes) as facilities
      from rehab_clients`.execute(database.db);
    const s = stats.rows[0]!;
    expect(s.synthetic).toBe(s.clients);
    expect(s.clear).toBe(0);
    expect(s.kelurahan).toBeGreaterThan(150);
    expect(s.cities).toBeGreaterThanOrEqual(5);
    expect(s.facilities).toBeGreaterThanOrEqual(5);
    const screened = await sql<{
      n: number;
    }>`select count(*)::int as n from rehab_screenings`.execute(database.db);
    expect(screened.rows[0]!.n).toBe(s.clients);
  });

  it("adds nothing when seeded again", async () => {
    const count = async () =>
      Number(
        (
          await sql<{ n: number }>`select count(*)::int as n from rehab_clients`.execute(
            database.db,
          )
        ).rows[0]!.n,
      );
    const before = await count();
    await seed();
    expect(await count()).toBe(before);
  });
});
