/**
 * Derived answers are cached per dataset version: computed once per version and query, and
 * recomputed after any committed write (which raises the version in the same transaction);
 * a dry run or a failed computation leaves nothing stale behind.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cachedDerived, dataVersion } from "../../src/server/modules/derived-cache";
import { createTestApp, type TestApp } from "../app";
import { type Client, newOrganisation, newUser, signIn } from "../factories";

let t: TestApp;
let analyst: Client;
beforeAll(async () => {
  t = await createTestApp();
  const org = await newOrganisation(t.database.db, { areaCode: "31.73" });
  analyst = await signIn(
    t.app,
    await newUser(t.database.db, { role: "analyst", scope: "31.73", organisationId: org }),
  );
});
afterAll(async () => {
  await t.close();
});

const csv = (ref: string) =>
  `external_ref,date,type,source,kelurahan_code\n${ref},2025-03-01,drug_use,news,31.73.01.1004\n`;
const importFile = (ref: string, dryRun: boolean) =>
  analyst.request({
    method: "POST",
    url: `/api/incidents/import?format=csv&dryRun=${dryRun}`,
    headers: { "content-type": "text/csv" },
    payload: csv(ref),
  });

describe("derived-answer cache", () => {
  it("computes once per version and again after each committed incident write", async () => {
    const db = t.database.db;
    let computed = 0;
    const answer = () =>
      cachedDerived(db, "incidents", "count", async () => {
        computed += 1;
        return computed;
      });
    const v0 = await dataVersion(db, "incidents");
    expect(await answer()).toBe(1);
    expect(await answer()).toBe(1);
    expect(computed).toBe(1);

    // A dry run writes nothing, so the version and the cached answer stay.
    expect((await importFile("CACHE/1", true)).statusCode).toBe(200);
    expect(await dataVersion(db, "incidents")).toBe(v0);
    expect(await answer()).toBe(1);

    expect((await importFile("CACHE/1", false)).statusCode).toBe(200);
    const v1 = await dataVersion(db, "incidents");
    expect(Number(v1)).toBe(Number(v0) + 1);
    expect(await answer()).toBe(2);

    const created = await analyst.request({
      method: "POST",
      url: "/api/incidents",
      payload: {
        date: "2025-03-02",
        type: "drug_use",
        source: "news",
        kelurahan_code: "31.73.01.1004",
      },
    });
    expect(created.statusCode).toBe(201);
    expect(Number(await dataVersion(db, "incidents"))).toBe(Number(v1) + 1);
    expect(await answer()).toBe(3);
    expect(await answer()).toBe(3);
  });

  it("does not keep a failed computation", async () => {
    const db = t.database.db;
    let attempts = 0;
    const flaky = () =>
      cachedDerived(db, "incidents", "flaky", async () => {
        attempts += 1;
        if (attempts === 1) throw new Error("first attempt fails");
        return "ok";
      });
    await expect(flaky()).rejects.toThrow("first attempt fails");
    expect(await flaky()).toBe("ok");
    expect(attempts).toBe(2);
  });
});
