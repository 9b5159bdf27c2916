/**
 * The confidential rehabilitation registry end to end (issue 7), on PGlite and PostgreSQL:
 * no identity in clear anywhere in the database, NIK de-duplication across facilities,
 * audited identity views and break-the-glass, facility scope (404), transitions, key
 * rotation, erasure, and figures checked against counts computed here independently.
 */
import { randomBytes, randomUUID } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, prepareDatabase } from "../../src/db/index";
import { clientCodeFrom } from "../../src/domain/rehab/clients";
import { systemContext } from "../../src/server/context";
import { rotateKeys } from "../../src/server/modules/rehab/rehab-keys.service";
import { createTestApp, type TestApp } from "../app";
import { testDatabaseKind } from "../db";
import { type Client, newOrganisation, newUser, signIn } from "../factories";

const keyDir = mkdtempSync(join(tmpdir(), "tanggap-keys-"));
const keyFile = join(keyDir, "tanggap.keys");
let t: TestApp;
let facilityA: string;
let facilityB: string;
let facilityC: string;
let clinicianA: Client;
let clinicianB: Client;
let clinicianC: Client;
let supervisor: Client;
let supervisorFar: Client;
let supervisorFarId: string;

const NAME = "Budi Santoso Wirakusuma";
const NIK = "3173011204950007";

function nik(): string {
  return `3173${Array.from(randomBytes(12), (b) => String(b % 10)).join("")}`;
}

function registration(values: {
  nik?: string;
  name?: string;
  facilityId?: string;
  intakeDate?: string;
}) {
  return {
    identity: {
      fullName: values.name ?? "Klien Uji",
      ...(values.nik ? { nik: values.nik } : {}),
      dateOfBirth: "1995-04-12",
      phone: "+62 812 5555 0101",
      address: "Jl. Kamboja No. 7, RT 03/RW 07",
    },
    sex: "male",
    residenceKelurahanCode: "31.73.01.1004",
    episode: {
      ...(values.facilityId ? { facilityId: values.facilityId } : {}),
      entryRoute: "voluntary",
      intakeDate: values.intakeDate ?? "2025-03-03",
      consentGiven: true,
      consentDate: values.intakeDate ?? "2025-03-03",
      consentBy: "client",
    },
  };
}

beforeAll(async () => {
  t = await createTestApp({ env: { TANGGAP_KEY_FILE: keyFile } });
  const db = t.database.db;
  facilityA = await newOrganisation(db, { areaCode: "31.73.01", type: "puskesmas_ipwl" });
  facilityB = await newOrganisation(db, { areaCode: "31.73.07", type: "rehab_facility" });
  facilityC = await newOrganisation(db, { areaCode: "31.73.02", type: "puskesmas_ipwl" });
  const health = await newOrganisation(db, { areaCode: "31.73", type: "health_office" });
  const farOffice = await newOrganisation(db, { areaCode: "31.71", type: "health_office" });
  const user = (
    role: "rehab_clinician" | "rehab_supervisor",
    scope: string,
    organisationId: string,
  ) => newUser(db, { role, scope, organisationId });
  clinicianA = await signIn(t.app, await user("rehab_clinician", "31.73.01", facilityA));
  clinicianB = await signIn(t.app, await user("rehab_clinician", "31.73.07", facilityB));
  clinicianC = await signIn(t.app, await user("rehab_clinician", "31.73.02", facilityC));
  supervisor = await signIn(t.app, await user("rehab_supervisor", "31.73", health));
  const far = await user("rehab_supervisor", "31.71", farOffice);
  supervisorFarId = far.id;
  supervisorFar = await signIn(t.app, far);
});
afterAll(async () => {
  await t.close();
  rmSync(keyDir, { recursive: true, force: true });
});

async function register(client: Client, body: ReturnType<typeof registration>) {
  const res = await client.request({ method: "POST", url: "/api/rehab/clients", payload: body });
  expect([200, 201], res.body).toContain(res.statusCode);
  return res.json() as {
    client: { id: string; code: string };
    episodeId: string;
    matchedExisting: boolean;
  };
}

/** Every row of every table in the public schema, as text. */
async function everyRowAsText(): Promise<string> {
  const tables = await sql<{ table_name: string }>`
    select table_name from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE'`.execute(t.database.db);
  const parts: string[] = [];
  for (const { table_name } of tables.rows) {
    const rows = await sql<{
      row: string;
    }>`select t::text as row from ${sql.table(table_name)} t`.execute(t.database.db);
    parts.push(...rows.rows.map((r) => r.row));
  }
  return parts.join("\n");
}

describe("identity protection", () => {
  it("never stores a name or NIK in clear; the key file is 0600", async () => {
    const { client } = await register(clinicianA, registration({ nik: NIK, name: NAME }));
    expect(client.code).toMatch(/^RH-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    const text = await everyRowAsText();
    expect(text).toContain(client.code); // the scan sees the client's row
    expect(text).not.toContain(NAME);
    expect(text).not.toContain("Santoso");
    expect(text).not.toContain(NIK);
    expect(text).not.toContain("Kamboja");
    expect(text).not.toContain("5555 0101");
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(t.logs()).not.toContain(NIK);
    expect(t.logs()).not.toContain("Santoso");
  });

  it.runIf(testDatabaseKind() === "pglite")(
    "leaves no name or NIK in the PGlite data directory files",
    async () => {
      const dir = mkdtempSync(join(tmpdir(), "tanggap-rehab-pglite-"));
      try {
        const opened = await openDatabase({ dataDir: dir });
        await prepareDatabase(opened.db);
        const app = await createTestApp({
          database: { ...opened, url: undefined },
          env: { TANGGAP_KEY_FILE: keyFile },
        });
        const org = await newOrganisation(opened.db, {
          areaCode: "31.73.01",
          type: "puskesmas_ipwl",
        });
        const u = await newUser(opened.db, {
          role: "rehab_clinician",
          scope: "31.73.01",
          organisationId: org,
        });
        const c = await signIn(app.app, u);
        const res = await c.request({
          method: "POST",
          url: "/api/rehab/clients",
          payload: registration({ nik: NIK, name: NAME }),
        });
        expect(res.statusCode).toBe(201);
        const code = res.json().client.code as string;
        await app.close();
        await opened.close();
        const files: string[] = [];
        const walk = (d: string) => {
          for (const e of readdirSync(d, { withFileTypes: true })) {
            const p = join(d, e.name);
            if (e.isDirectory()) walk(p);
            else files.push(p);
          }
        };
        walk(dir);
        const needles = [NAME, NIK, "Kamboja"].map((s) => Buffer.from(s, "utf8"));
        let sawCode = false;
        for (const f of files) {
          const bytes = readFileSync(f);
          for (const n of needles) expect(bytes.includes(n), `${n} in ${f}`).toBe(false);
          if (bytes.includes(Buffer.from(code))) sawCode = true;
        }
        expect(sawCode, "the scan reads the files the client was written to").toBe(true);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );

  it("finds the existing client when the same NIK registers at a second facility", async () => {
    const same = nik();
    const first = await register(clinicianA, registration({ nik: same, name: "Klien Ganda" }));
    expect(first.matchedExisting).toBe(false);
    const res = await clinicianB.request({
      method: "POST",
      url: "/api/rehab/clients",
      payload: registration({ nik: same, name: "Klien Ganda Lain", intakeDate: "2025-04-01" }),
    });
    expect(res.statusCode).toBe(200);
    const second = res.json();
    expect(second.matchedExisting).toBe(true);
    expect(second.client.id).toBe(first.client.id);
    expect(second.client.episodes).toHaveLength(2);
    const lookup = await clinicianB.request({
      method: "POST",
      url: "/api/rehab/clients/lookup",
      payload: { nik: same },
    });
    expect(lookup.json().client.id).toBe(first.client.id);
    const n = await t.database.db
      .selectFrom("rehab_clients")
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .where("id", "=", first.client.id)
      .executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(1);
    // The name given the second time did not overwrite the first.
    const shown = await clinicianB.request({
      method: "POST",
      url: `/api/rehab/clients/${first.client.id}/identity`,
      payload: { reasonCode: "treatment", reason: "Confirm identity at intake" },
    });
    expect(shown.json().identity.fullName).toBe("Klien Ganda");
  });

  it("answers 404 to a clinician of another facility, and to a supervisor out of scope", async () => {
    const { client, episodeId } = await register(clinicianA, registration({ nik: nik() }));
    for (const url of [`/api/rehab/clients/${client.id}`, `/api/rehab/episodes/${episodeId}`]) {
      const res = await clinicianC.request({ method: "GET", url });
      expect(res.statusCode).toBe(404);
      expect((await supervisorFar.request({ method: "GET", url })).statusCode).toBe(404);
      expect((await supervisor.request({ method: "GET", url })).statusCode).toBe(200);
    }
    const identity = await clinicianC.request({
      method: "POST",
      url: `/api/rehab/clients/${client.id}/identity`,
      payload: { reasonCode: "treatment", reason: "Trying another facility" },
    });
    expect(identity.statusCode).toBe(404);
    const list = await clinicianC.request({
      method: "GET",
      url: "/api/rehab/clients?pageSize=200",
    });
    expect(list.json().items.map((i: { id: string }) => i.id)).not.toContain(client.id);
  });

  it("audits every identity view with its reason, never the values", async () => {
    const { client } = await register(
      clinicianA,
      registration({ nik: nik(), name: "Siti Aminah Rahayu" }),
    );
    const res = await clinicianA.request({
      method: "POST",
      url: `/api/rehab/clients/${client.id}/identity`,
      payload: { reasonCode: "contact_client", reason: "Missed appointment: phone the client" },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers["cache-control"]).toBe("no-store");
    expect(res.json().identity).toMatchObject({
      fullName: "Siti Aminah Rahayu",
      dateOfBirth: "1995-04-12",
    });
    const events = await t.database.db
      .selectFrom("audit_events")
      .select(["action", "changed_fields"])
      .where("record_id", "=", client.id)
      .where("resource", "=", "rehab_identity")
      .execute();
    expect(events).toHaveLength(1);
    expect(events[0]!.action).toBe("rehab_identity.read");
    expect(events[0]!.changed_fields).toContain("reason:contact_client");
    expect(events[0]!.changed_fields).toContain("fullName");
    expect(JSON.stringify(events)).not.toContain("Siti");
    const views = await clinicianA.request({
      method: "GET",
      url: `/api/rehab/clients/${client.id}/identity-views`,
    });
    expect(views.json().items[0]).toMatchObject({
      reasonCode: "contact_client",
      breakGlass: false,
    });
    const bad = await clinicianA.request({
      method: "POST",
      url: `/api/rehab/clients/${client.id}/identity`,
      payload: { reasonCode: "treatment" },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe("VALIDATION_FAILED");
  });

  it("breaks the glass for a limited time, audited and reviewable by another supervisor", async () => {
    const { client } = await register(
      clinicianA,
      registration({ nik: nik(), name: "Klien Darurat" }),
    );
    const url = `/api/rehab/clients/${client.id}`;
    expect((await supervisorFar.request({ method: "GET", url })).statusCode).toBe(404);
    const denied = await clinicianA.request({
      method: "POST",
      url: "/api/rehab/break-glass",
      payload: { clientCode: client.code, reason: "Client unconscious at the emergency room" },
    });
    expect(denied.statusCode).toBe(403);
    const opened = await supervisorFar.request({
      method: "POST",
      url: "/api/rehab/break-glass",
      payload: {
        clientCode: client.code.toLowerCase(),
        reason: "Client unconscious at the emergency room",
      },
    });
    expect(opened.statusCode).toBe(201);
    const grant = opened.json();
    const hours = (Date.parse(grant.expiresAt) - Date.parse(grant.createdAt)) / 3_600_000;
    expect(hours).toBeCloseTo(4, 5);
    expect((await supervisorFar.request({ method: "GET", url })).statusCode).toBe(200);
    const shown = await supervisorFar.request({
      method: "POST",
      url: `${url}/identity`,
      payload: { reasonCode: "emergency", reason: "Emergency: identify the patient" },
    });
    expect(shown.json().identity.fullName).toBe("Klien Darurat");
    // Reading only: no writes under a grant.
    const write = await supervisorFar.request({
      method: "PATCH",
      url,
      payload: { birthYear: 1990 },
    });
    expect(write.statusCode).toBe(403);
    const actions = await t.database.db
      .selectFrom("audit_events")
      .select(["action", "record_id"])
      .where("actor_user_id", "=", supervisorFarId)
      .execute();
    expect(actions.map((a) => a.action)).toEqual(
      expect.arrayContaining(["rehab_break_glass.create", "rehab_identity.read_break_glass"]),
    );
    // Review: not by oneself; by the supervisor of the client's facilities.
    const self = await supervisorFar.request({
      method: "POST",
      url: `/api/rehab/break-glass/${grant.id}/review`,
      payload: { note: "Mine" },
    });
    expect(self.statusCode).toBe(403);
    const list = await supervisor.request({ method: "GET", url: "/api/rehab/break-glass" });
    expect(list.json().items.map((g: { id: string }) => g.id)).toContain(grant.id);
    const review = await supervisor.request({
      method: "POST",
      url: `/api/rehab/break-glass/${grant.id}/review`,
      payload: { note: "Justified: ER admission confirmed." },
    });
    expect(review.statusCode).toBe(200);
    expect(review.json().reviewedAt).not.toBeNull();
    // When the grant expires the client is out of reach again.
    await t.database.db
      .updateTable("rehab_break_glass")
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where("id", "=", grant.id)
      .execute();
    expect((await supervisorFar.request({ method: "GET", url })).statusCode).toBe(404);
  });
});

describe("episodes", () => {
  it("scores ASSIST and follows the transition table", async () => {
    const { episodeId } = await register(clinicianA, registration({ nik: nik() }));
    const url = `/api/rehab/episodes/${episodeId}`;
    const early = await clinicianA.request({
      method: "POST",
      url: `${url}/discharge`,
      payload: { date: "2025-03-04", outcome: "completed" },
    });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe("EPISODE_INVALID_TRANSITION");
    const screened = await clinicianA.request({
      method: "POST",
      url: `${url}/screenings`,
      payload: {
        screenedOn: "2025-03-03",
        answers: {
          q8: "no",
          substances: [
            // alcohol: 3 + 4 + 4 + 0 + 0 + 0 = 11 -> moderate (alcohol's low band ends at 10)
            {
              substance: "alcohol",
              q1: "yes",
              q2: "monthly",
              q3: "monthly",
              q4: "once_or_twice",
              q5: "never",
              q6: "no",
              q7: "no",
            },
            // meth: 2 + 0 + 0 + 0 + 0 + 0 = 2 -> low; tobacco never used
            {
              substance: "amphetamine_type_stimulants",
              q1: "yes",
              q2: "once_or_twice",
              q3: "never",
              q4: "never",
              q5: "never",
              q6: "no",
              q7: "no",
            },
            { substance: "tobacco", q1: "no" },
          ],
        },
      },
    });
    expect(screened.statusCode, screened.body).toBe(200);
    const ep = screened.json();
    expect(ep.status).toBe("assessment");
    expect(ep.screenings[0].scores).toEqual([
      { substance: "alcohol", everUsed: true, score: 11, band: "moderate" },
      { substance: "amphetamine_type_stimulants", everUsed: true, score: 2, band: "low" },
      { substance: "tobacco", everUsed: false, score: 0, band: "low" },
    ]);
    const skip = await clinicianA.request({
      method: "POST",
      url: `${url}/screenings`,
      payload: {
        screenedOn: "2025-03-03",
        answers: { q8: "no", substances: [{ substance: "cannabis", q1: "no", q2: "daily" }] },
      },
    });
    expect(skip.statusCode).toBe(400);
    expect(JSON.stringify(skip.json().error.details)).toContain("ASSIST_NOT_ASKED_NEVER_USED");
    const before = await clinicianA.request({
      method: "POST",
      url: `${url}/start`,
      payload: { date: "2025-03-01", serviceType: "rawat_jalan" },
    });
    expect(before.json().error.code).toBe("EPISODE_DATE_BEFORE_INTAKE");
    const started = await clinicianA.request({
      method: "POST",
      url: `${url}/start`,
      payload: {
        date: "2025-03-05",
        serviceType: "rawat_inap",
        treatmentPlan: "Detoksifikasi lalu konseling",
      },
    });
    expect(started.json().status).toBe("in_care");
    const visit = await clinicianA.request({
      method: "POST",
      url: `${url}/visits`,
      payload: { date: "2025-03-10", kind: "urine_test", urineResult: "negative" },
    });
    expect(visit.json().visits).toHaveLength(1);
    const dropped = await clinicianA.request({
      method: "POST",
      url: `${url}/discharge`,
      payload: { date: "2025-04-10", outcome: "dropped_out" },
    });
    expect(dropped.json().status).toBe("discharged");
    const aftercare = await clinicianA.request({
      method: "POST",
      url: `${url}/aftercare`,
      payload: { date: "2025-04-11" },
    });
    expect(aftercare.statusCode).toBe(409);
    expect(aftercare.json().error.code).toBe("EPISODE_AFTERCARE_NEEDS_COMPLETION");
    const closed = await clinicianA.request({
      method: "POST",
      url: `${url}/close`,
      payload: { date: "2025-04-12" },
    });
    expect(closed.json().status).toBe("closed");
  });

  it("flags a child and requires a guardian's consent", async () => {
    const body = registration({ nik: nik() });
    body.identity.dateOfBirth = "2009-06-01";
    const refused = await clinicianA.request({
      method: "POST",
      url: "/api/rehab/clients",
      payload: body,
    });
    expect(refused.statusCode).toBe(400);
    expect(JSON.stringify(refused.json().error.details)).toContain(
      "REHAB_GUARDIAN_CONSENT_REQUIRED",
    );
    body.episode.consentBy = "guardian";
    const ok = await register(clinicianA, body);
    expect(ok.client).toMatchObject({ child: true, birthYear: 2009 });
  });
});

describe("keys and data-subject requests", () => {
  it("rotates the key: every field stays readable, ciphertexts change, NIK lookup still works", async () => {
    const known = nik();
    const { client } = await register(
      clinicianA,
      registration({ nik: known, name: "Klien Rotasi" }),
    );
    const before = await t.database.db.selectFrom("rehab_clients").selectAll().execute();
    const result = await rotateKeys(t.database.db, { keyFile }, systemContext("test"));
    expect(result.toKeyId).toBe(result.fromKeyId + 1);
    expect(result.clients).toBe(before.filter((r) => r.erased_at === null).length);
    const after = await t.database.db.selectFrom("rehab_clients").selectAll().execute();
    for (const row of after) {
      const old = before.find((b) => b.id === row.id)!;
      if (old.full_name_enc) {
        expect(row.full_name_enc).not.toBe(old.full_name_enc);
        expect(row.full_name_enc!.startsWith(`v1.${result.toKeyId}.`)).toBe(true);
      }
      if (old.nik_index) expect(row.nik_index).not.toBe(old.nik_index);
    }
    const shown = await clinicianA.request({
      method: "POST",
      url: `/api/rehab/clients/${client.id}/identity`,
      payload: { reasonCode: "treatment", reason: "After the key rotation" },
    });
    expect(shown.json().identity).toMatchObject({
      fullName: "Klien Rotasi",
      nik: known,
      address: "Jl. Kamboja No. 7, RT 03/RW 07",
    });
    const lookup = await clinicianA.request({
      method: "POST",
      url: "/api/rehab/clients/lookup",
      payload: { nik: known },
    });
    expect(lookup.json().client.id).toBe(client.id);
    const again = await register(clinicianB, registration({ nik: known }));
    expect(again.matchedExisting).toBe(true);
    const audit = await t.database.db
      .selectFrom("audit_events")
      .select("changed_fields")
      .where("action", "=", "rehab_keys.rotate")
      .execute();
    expect(audit).toHaveLength(1);
  });

  it("exports everything about a client, and erases identity while statistics keep the client", async () => {
    const { client } = await register(
      clinicianA,
      registration({ nik: nik(), name: "Klien Hapus", intakeDate: "2024-02-02" }),
    );
    const exported = await supervisor.request({
      method: "POST",
      url: `/api/rehab/clients/${client.id}/export`,
      payload: { reason: "Data-subject access request 7/2025" },
    });
    expect(exported.statusCode).toBe(200);
    expect(exported.json().client.identity.fullName).toBe("Klien Hapus");
    expect(exported.json().episodes).toHaveLength(1);
    const views = await supervisor.request({
      method: "GET",
      url: `/api/rehab/clients/${client.id}/identity-views`,
    });
    expect(views.json().items[0]).toMatchObject({
      reasonCode: "data_subject_request",
      reason: "Data-subject access request 7/2025",
    });
    const countFeb = async () =>
      (
        await supervisor.request({
          method: "GET",
          url: "/api/rehab/figures/entries?period=month&from=2024-02-01&to=2024-02-29",
        })
      ).json().buckets[0].total as number;
    const before = await countFeb();
    const erased = await supervisor.request({
      method: "POST",
      url: `/api/rehab/clients/${client.id}/erase`,
      payload: { basis: "data_subject_request", reference: "DSR-2025-07" },
    });
    expect(erased.statusCode).toBe(200);
    expect(erased.json().erased).toBe(true);
    const row = await t.database.db
      .selectFrom("rehab_clients")
      .selectAll()
      .where("id", "=", client.id)
      .executeTakeFirstOrThrow();
    expect([
      row.full_name_enc,
      row.nik_enc,
      row.date_of_birth_enc,
      row.phone_enc,
      row.address_enc,
      row.nik_index,
    ]).toEqual([null, null, null, null, null, null]);
    const shown = await supervisor.request({
      method: "POST",
      url: `/api/rehab/clients/${client.id}/identity`,
      payload: { reasonCode: "treatment", reason: "After the erasure" },
    });
    expect(shown.statusCode).toBe(409);
    expect(await countFeb()).toBe(before);
    const events = await t.database.db
      .selectFrom("audit_events")
      .select("action")
      .where("record_id", "=", client.id)
      .execute();
    expect(events.map((e) => e.action)).toEqual(
      expect.arrayContaining(["rehab_client.export", "rehab_client.erase"]),
    );
  });
});

describe("figures", () => {
  it("match counts computed independently on a generated population", async () => {
    const db = t.database.db;
    // A separate facility so earlier tests' clients do not count.
    const facility = await newOrganisation(db, { areaCode: "31.73.05", type: "puskesmas_ipwl" });
    const analyst = await signIn(
      t.app,
      await newUser(db, { role: "rehab_clinician", scope: "31.73.05", organisationId: facility }),
    );
    let seed = 7;
    const rand = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const people: Array<{
      sex: string;
      birthYear: number;
      episodes: Array<{ intake: string; end: string | null }>;
    }> = [];
    const day = (n: number) =>
      new Date(Date.UTC(2023, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);
    for (let i = 0; i < 300; i++) {
      const sex = rand() < 0.85 ? "male" : "female";
      const birthYear = 1960 + Math.floor(rand() * 50);
      const episodes: Array<{ intake: string; end: string | null }> = [];
      const n = rand() < 0.2 ? 2 : 1;
      let start = Math.floor(rand() * 900);
      for (let k = 0; k < n; k++) {
        const length = 10 + Math.floor(rand() * 120);
        episodes.push({ intake: day(start), end: rand() < 0.8 ? day(start + length) : null });
        start += length + 1 + Math.floor(rand() * 60);
      }
      people.push({ sex, birthYear, episodes });
    }
    for (const p of people) {
      const id = randomUUID();
      await db
        .insertInto("rehab_clients")
        .values({
          id,
          code: clientCodeFrom(randomBytes(8)),
          sex: p.sex,
          birth_year: p.birthYear,
          synthetic: true,
        })
        .execute();
      for (const e of p.episodes)
        await db
          .insertInto("rehab_episodes")
          .values({
            client_id: id,
            facility_id: facility,
            status: e.end ? "discharged" : "in_care",
            entry_route: "voluntary",
            intake_date: e.intake,
            consent_given: true,
            service_type: "rawat_jalan",
            start_date: e.intake,
            discharge_date: e.end,
            discharge_outcome: e.end ? "completed" : null,
          })
          .execute();
    }
    const get = async (q: string) => {
      const res = await analyst.request({ method: "GET", url: `/api/rehab/figures/entries?${q}` });
      expect(res.statusCode, res.body).toBe(200);
      return res.json();
    };
    // Entries per month by sex: a person counts once per month with an intake in it.
    const monthly = await get("measure=entries&period=month&from=2023-01-01&to=2025-12-31&by=sex");
    const expected = new Map<string, number>();
    for (const p of people) {
      const months = new Set(p.episodes.map((e) => e.intake.slice(0, 7)));
      for (const m of months)
        expected.set(`${m}|${p.sex}`, (expected.get(`${m}|${p.sex}`) ?? 0) + 1);
    }
    const got = new Map(
      monthly.rows.map((r: { period: string; key: string; count: number }) => [
        `${r.period}|${r.key}`,
        r.count,
      ]),
    );
    expect(got).toEqual(expected);
    // Entries per year (no dimension): once per person per year.
    const yearly = await get("measure=entries&period=year&from=2023-01-01&to=2025-12-31");
    for (const year of ["2023", "2024", "2025"]) {
      const want = people.filter((p) => p.episodes.some((e) => e.intake.startsWith(year))).length;
      expect(yearly.buckets.find((b: { period: string }) => b.period === year).total, year).toBe(
        want,
      );
    }
    // In care per quarter: an episode overlapping the quarter, once per person.
    const inCare = await get("measure=in_care&period=quarter&from=2023-01-01&to=2025-12-31");
    for (const b of inCare.buckets as Array<{
      period: string;
      start: string;
      end: string;
      total: number;
    }>) {
      const want = people.filter((p) =>
        p.episodes.some((e) => e.intake <= b.end && (e.end === null || e.end >= b.start)),
      ).length;
      expect(b.total, b.period).toBe(want);
    }
    // Age bands sum to the yearly totals.
    const ages = await get("measure=entries&period=year&from=2024-01-01&to=2024-12-31&by=age_band");
    expect(ages.rows.reduce((s: number, r: { count: number }) => s + r.count, 0)).toBe(
      yearly.buckets.find((b: { period: string }) => b.period === "2024").total,
    );
    // Exports carry the same numbers and never identity.
    const csv = await analyst.request({
      method: "GET",
      url: "/api/rehab/figures/entries/export?measure=entries&period=year&from=2023-01-01&to=2025-12-31&format=csv",
    });
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain(`2024,all,all,${yearly.buckets[1].total}`);
  });
});
