import { spawnSync } from "node:child_process";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, prepareDatabase } from "../../src/db/index";
import { systemContext } from "../../src/server/context";
import { recordAudit, verifyAuditChain } from "../../src/server/modules/audit/audit.service";
import { createAdministrator, seedDemo } from "../../src/server/system/accounts";
import { createTestApp, type TestApp } from "../app";
import { createTestDatabase, freshStorage } from "../db";
import { type Client, newOrganisation, newUser, signIn, unique } from "../factories";

let t: TestApp;
let admin: Client;
let orgId: string;
beforeAll(async () => {
  t = await createTestApp();
  orgId = await newOrganisation(t.database.db, { areaCode: "31.73" });
  admin = await signIn(
    t.app,
    await newUser(t.database.db, { role: "administrator", scope: "31.73", organisationId: orgId }),
  );
});
afterAll(async () => {
  await t.close();
});

async function events(action: string) {
  return t.database.db
    .selectFrom("audit_events")
    .selectAll()
    .where("action", "=", action)
    .orderBy("id")
    .execute();
}

describe("audit log", () => {
  it("records a mutation with who, what, changed field names, request id and address", async () => {
    const res = await admin.request({
      method: "POST",
      url: "/api/organisations",
      payload: {
        name: unique("Karang Taruna"),
        type: "community_organisation",
        areaCode: "31.73.01.1004",
      },
    });
    expect(res.statusCode).toBe(201);
    const [event] = (await events("organisation.create")).filter(
      (e) => e.record_id === res.json().id,
    );
    expect(event).toMatchObject({
      resource: "organisation",
      request_id: res.headers["x-request-id"],
      ip: "127.0.0.1",
      changed_fields: ["name", "type", "areaCode"],
    });
    expect(event?.actor_user_id).toBeTruthy();

    const renamed = await admin.request({
      method: "PATCH",
      url: `/api/organisations/${res.json().id}`,
      payload: { name: unique("Renamed") },
    });
    expect(renamed.statusCode).toBe(200);
    const update = (await events("organisation.update")).find((e) => e.record_id === res.json().id);
    expect(update?.changed_fields).toEqual(["name"]);
  });

  it("writes no event when the change fails, and none survives a rolled-back transaction", async () => {
    const name = unique("Duplicate");
    await admin.request({
      method: "POST",
      url: "/api/organisations",
      payload: { name, type: "police", areaCode: "31.73" },
    });
    const before = (await events("organisation.create")).length;
    const clash = await admin.request({
      method: "POST",
      url: "/api/organisations",
      payload: { name: name.toUpperCase(), type: "police", areaCode: "31.73" },
    });
    expect(clash.statusCode).toBe(409);
    expect(clash.json().error.code).toBe("NAME_TAKEN");
    expect((await events("organisation.create")).length).toBe(before);

    const count = async () =>
      (await t.database.db.selectFrom("audit_events").select("id").execute()).length;
    const total = await count();
    await expect(
      t.database.db.transaction().execute(async (trx) => {
        await recordAudit(trx, systemContext("test"), {
          action: "organisation.create",
          resource: "organisation",
        });
        throw new Error("the change failed after its event was appended");
      }),
    ).rejects.toThrow(/change failed/);
    expect(await count()).toBe(total);
    expect(await verifyAuditChain(t.database.db)).toMatchObject({ ok: true });
  });

  it("audits reads of protected records (a person's record)", async () => {
    const person = await newUser(t.database.db, {
      role: "viewer",
      scope: "31.73.01",
      organisationId: orgId,
    });
    const res = await admin.request({ method: "GET", url: `/api/users/${person.id}` });
    expect(res.statusCode).toBe(200);
    expect(
      (await events("user.read")).some(
        (e) => e.record_id === person.id && e.request_id === res.headers["x-request-id"],
      ),
    ).toBe(true);
  });

  it("lists and filters events for administrators", async () => {
    const res = await admin.request({
      method: "GET",
      url: "/api/audit-events?action=organisation.create&pageSize=5",
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.items.length).toBeGreaterThan(0);
    expect(body.items.every((e: { action: string }) => e.action === "organisation.create")).toBe(
      true,
    );
    const ids = body.items.map((e: { id: string }) => Number(e.id));
    expect([...ids].sort((a, b) => b - a)).toEqual(ids);
    const bad = await admin.request({ method: "GET", url: "/api/audit-events?from=yesterday" });
    expect(bad.statusCode).toBe(400);
  });

  it("the database refuses to update or delete an event", async () => {
    await expect(sql`update audit_events set action = 'x'`.execute(t.database.db)).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`delete from audit_events`.execute(t.database.db)).rejects.toThrow(
      /append-only/,
    );
  });

  it("verifies the chain, and names the exact event a test alters", async () => {
    const intact = await admin.request({ method: "GET", url: "/api/audit-events/verify" });
    expect(intact.json()).toMatchObject({ ok: true });
    const all = await t.database.db.selectFrom("audit_events").select("id").orderBy("id").execute();
    expect(all.length).toBeGreaterThan(5);
    const victim = all[Math.floor(all.length / 2)]!.id;
    await sql`alter table audit_events disable trigger audit_events_no_change`.execute(
      t.database.db,
    );
    try {
      await sql`update audit_events set changed_fields = '{}', ip = '10.0.0.1' where id = ${victim}`.execute(
        t.database.db,
      );
    } finally {
      await sql`alter table audit_events enable trigger audit_events_no_change`.execute(
        t.database.db,
      );
    }
    const verdict = await verifyAuditChain(t.database.db);
    expect(verdict).toMatchObject({ ok: false, brokenAt: String(victim), reason: "hash" });
    const viaApi = await admin.request({ method: "GET", url: "/api/audit-events/verify" });
    expect(viaApi.json()).toMatchObject({ ok: false, brokenAt: String(victim) });
  });
});

describe("tanggap audit verify", () => {
  it("passes on a fresh database and on demo data, and names an altered event", async () => {
    const fresh = await createTestDatabase();
    try {
      expect(await verifyAuditChain(fresh.db)).toEqual({ ok: true, checked: 0 });
      await seedDemo(fresh.db, "demo password for tests");
      const demo = await verifyAuditChain(fresh.db);
      expect(demo.ok).toBe(true);
      expect(demo.checked).toBeGreaterThanOrEqual(14 + 8);
    } finally {
      await fresh.close();
    }
  });

  it("the CLI exits 0 when intact and 1 naming the event when not", async () => {
    const storage = await freshStorage();
    const open = () =>
      openDatabase({
        databaseUrl: storage.env.DATABASE_URL,
        dataDir: storage.env.TANGGAP_DATA_DIR,
      });
    try {
      const database = await open();
      await prepareDatabase(database.db);
      await createAdministrator(database.db, {
        email: "admin@example.test",
        name: "Admin",
        password: "a long enough passphrase",
        organisation: "BNNP DKI Jakarta",
        organisationType: "bnn",
        scope: "31",
      });
      await database.close();
      const run = () =>
        spawnSync(process.execPath, ["bin/tanggap.mjs", "audit", "verify"], {
          encoding: "utf8",
          env: { ...process.env, ...storage.env },
        });
      const ok = run();
      expect(ok.status).toBe(0);
      expect(ok.stdout).toContain("Audit chain intact: 2 events checked.");

      const again = await open();
      await sql`alter table audit_events disable trigger audit_events_no_change`.execute(again.db);
      await sql`update audit_events set action = 'user.read' where id = 2`.execute(again.db);
      await again.close();
      const broken = run();
      expect(broken.status).toBe(1);
      expect(broken.stderr).toContain("Audit chain broken at event 2");
    } finally {
      await storage.cleanup();
    }
  });
});
