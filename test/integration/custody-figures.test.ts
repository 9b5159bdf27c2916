import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { custodySummary } from "../../src/server/modules/custody/custody.service";
import { headlineFigures } from "../../src/server/modules/figures/figures.service";
import { createTestDatabase, type TestDatabase } from "../db";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
});

describe("custody and figures schema", () => {
  it("migrates, seeds the indicator list, and answers empty summaries", async () => {
    const indicators = await database.db
      .selectFrom("official_figure_indicators")
      .select("code")
      .execute();
    expect(indicators.map((i) => i.code)).toContain("rehab_clients");
    const s = await custodySummary(database.db, "31");
    expect(s.reporting).toBe(0);
    const h = await headlineFigures(database.db, "31.73");
    expect(h.rehabClients).toEqual([]);
  });
});
