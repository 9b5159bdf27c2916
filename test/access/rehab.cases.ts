/**
 * Access-matrix cases for Treat (issue 7): the rehabilitation registry. orgIn is the in-scope
 * facility (every matrix user belongs to it); orgOut (Jakarta Pusat) is outside every scope.
 * Transitions can succeed once per episode, so those cases take the next episode of a pool
 * prepared in the needed state (two roles may succeed: clinician and supervisor).
 */
import { randomBytes, randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database } from "../../src/db/schema";
import { clientCodeFrom } from "../../src/domain/rehab/clients";
import { newUser } from "../factories";
import type { AccessModule, Fixtures } from "./types";

const POOL = 12;

function randomNik(): string {
  return `3173${Array.from(randomBytes(12), (b) => String(b % 10)).join("")}`;
}

async function client(db: Kysely<Database>, code: string) {
  const id = randomUUID();
  await db
    .insertInto("rehab_clients")
    .values({ id, code, sex: "male", birth_year: 1995, residence_kelurahan_code: "31.73.01.1004" })
    .execute();
  return id;
}

async function episode(
  db: Kysely<Database>,
  clientId: string,
  facilityId: string,
  status: string,
): Promise<string> {
  const started = ["in_care", "discharged", "aftercare", "closed"].includes(status);
  const discharged = ["discharged", "aftercare", "closed"].includes(status);
  const { id } = await db
    .insertInto("rehab_episodes")
    .values({
      client_id: clientId,
      facility_id: facilityId,
      status,
      entry_route: "voluntary",
      intake_date: "2025-01-06",
      consent_given: true,
      consent_date: "2025-01-06",
      consent_by: "client",
      service_type: started ? "rawat_jalan" : null,
      start_date: started ? "2025-01-07" : null,
      discharge_date: discharged ? "2025-03-31" : null,
      discharge_outcome: discharged ? "completed" : null,
      aftercare_start: status === "aftercare" ? "2025-04-01" : null,
      closed_date: status === "closed" ? "2025-04-01" : null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return id;
}

function code(): string {
  return clientCodeFrom(randomBytes(8));
}

/** The next fixture of a pool, cycling. */
function pool(prefix: string) {
  let next = 0;
  return (f: Fixtures) => {
    const id = f[`${prefix}${next % POOL}`]!;
    next += 1;
    return id;
  };
}

const startPool = pool("rehabStart");
const dischargePool = pool("rehabDischarge");
const aftercarePool = pool("rehabAftercare");
const closePool = pool("rehabClose");
const erasePool = pool("rehabErase");
const newEpisodePool = pool("rehabReturn");
const reviewPool = pool("rehabGrant");

const assist = {
  screenedOn: "2025-01-06",
  answers: {
    q8: "no",
    substances: [
      {
        substance: "amphetamine_type_stimulants",
        q1: "yes",
        q2: "weekly",
        q3: "weekly",
        q4: "monthly",
        q5: "once_or_twice",
        q6: "yes_past_3_months",
        q7: "no",
      },
    ],
  },
};

const episodeBody = (facilityId?: string) => ({
  ...(facilityId ? { facilityId } : {}),
  entryRoute: "voluntary",
  intakeDate: "2025-05-02",
  consentGiven: true,
  consentDate: "2025-05-02",
  consentBy: "client",
});

export const rehabAccess: AccessModule = {
  fixtures: async ({ db, orgIn, orgOut }) => {
    const f: Fixtures = {};
    f.rehabClientIn = await client(db, code());
    f.rehabEpisodeIn = await episode(db, f.rehabClientIn, orgIn, "in_care");
    f.rehabClientOut = await client(db, code());
    f.rehabEpisodeOut = await episode(db, f.rehabClientOut, orgOut, "in_care");
    f.rehabAftercareIn = await episode(db, f.rehabClientIn, orgIn, "aftercare");
    f.rehabAftercareOut = await episode(db, f.rehabClientOut, orgOut, "aftercare");
    const farCode = code();
    f.rehabClientFar = await client(db, farCode);
    f.rehabClientFarCode = farCode;
    await episode(db, f.rehabClientFar, orgOut, "intake");
    const other = await newUser(db, {
      role: "rehab_supervisor",
      scope: "31.71",
      organisationId: orgOut,
    });
    for (let i = 0; i < POOL; i++) {
      const c = await client(db, code());
      f[`rehabStart${i}`] = await episode(db, c, orgIn, "assessment");
      f[`rehabDischarge${i}`] = await episode(db, await client(db, code()), orgIn, "in_care");
      f[`rehabAftercare${i}`] = await episode(db, await client(db, code()), orgIn, "discharged");
      f[`rehabClose${i}`] = await episode(db, await client(db, code()), orgIn, "discharged");
      const erasable = await client(db, code());
      await episode(db, erasable, orgIn, "closed");
      f[`rehabErase${i}`] = erasable;
      const returning = await client(db, code());
      await episode(db, returning, orgIn, "closed");
      f[`rehabReturn${i}`] = returning;
      const { id } = await db
        .insertInto("rehab_break_glass")
        .values({
          user_id: other.id,
          client_id: c,
          reason: "Matrix emergency access",
          expires_at: new Date(Date.now() + 3_600_000),
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      f[`rehabGrant${i}`] = id;
    }
    return f;
  },
  cases: {
    "GET /api/rehab/facilities": { inScope: () => ({ url: "/api/rehab/facilities" }) },
    "GET /api/rehab/clients": {
      inScope: () => ({ url: "/api/rehab/clients?pageSize=200" }),
      hiddenId: (f) => f.rehabClientOut,
    },
    "POST /api/rehab/clients": {
      inScope: () => ({
        url: "/api/rehab/clients",
        payload: {
          identity: { fullName: "Klien Matriks", nik: randomNik() },
          sex: "female",
          birthYear: 1990,
          residenceKelurahanCode: "31.73.01.1004",
          episode: episodeBody(),
        },
      }),
      outOfScope: (f) => ({
        url: "/api/rehab/clients",
        payload: {
          identity: { fullName: "Klien Matriks", nik: randomNik() },
          sex: "female",
          birthYear: 1990,
          episode: episodeBody(f.orgOut),
        },
      }),
      outStatus: 403,
    },
    "POST /api/rehab/clients/lookup": {
      inScope: () => ({ url: "/api/rehab/clients/lookup", payload: { nik: randomNik() } }),
    },
    "GET /api/rehab/clients/:id": {
      inScope: (f) => ({ url: `/api/rehab/clients/${f.rehabClientIn}` }),
      outOfScope: (f) => ({ url: `/api/rehab/clients/${f.rehabClientOut}` }),
    },
    "PATCH /api/rehab/clients/:id": {
      inScope: (f) => ({
        url: `/api/rehab/clients/${f.rehabClientIn}`,
        payload: { birthYear: 1996 },
      }),
      outOfScope: (f) => ({
        url: `/api/rehab/clients/${f.rehabClientOut}`,
        payload: { birthYear: 1996 },
      }),
    },
    "POST /api/rehab/clients/:id/identity": {
      inScope: (f) => ({
        url: `/api/rehab/clients/${f.rehabClientIn}/identity`,
        payload: { reasonCode: "treatment", reason: "Matrix: confirm identity at visit" },
      }),
      outOfScope: (f) => ({
        url: `/api/rehab/clients/${f.rehabClientOut}/identity`,
        payload: { reasonCode: "treatment", reason: "Matrix: confirm identity at visit" },
      }),
    },
    "GET /api/rehab/clients/:id/identity-views": {
      inScope: (f) => ({ url: `/api/rehab/clients/${f.rehabClientIn}/identity-views` }),
      outOfScope: (f) => ({ url: `/api/rehab/clients/${f.rehabClientOut}/identity-views` }),
    },
    "POST /api/rehab/clients/:id/export": {
      inScope: (f) => ({
        url: `/api/rehab/clients/${f.rehabClientIn}/export`,
        payload: { reason: "Data-subject access request 12/2025" },
      }),
      outOfScope: (f) => ({
        url: `/api/rehab/clients/${f.rehabClientOut}/export`,
        payload: { reason: "Data-subject access request 12/2025" },
      }),
    },
    "POST /api/rehab/clients/:id/erase": {
      inScope: (f) => ({
        url: `/api/rehab/clients/${erasePool(f)}/erase`,
        payload: { basis: "data_subject_request", reference: "DSR-2025-001" },
      }),
      outOfScope: (f) => ({
        url: `/api/rehab/clients/${f.rehabClientOut}/erase`,
        payload: { basis: "data_subject_request", reference: "DSR-2025-001" },
      }),
    },
    "POST /api/rehab/clients/:id/episodes": {
      inScope: (f) => ({
        url: `/api/rehab/clients/${newEpisodePool(f)}/episodes`,
        payload: episodeBody(),
      }),
      outOfScope: (f) => ({
        url: `/api/rehab/clients/${f.rehabClientOut}/episodes`,
        payload: episodeBody(),
      }),
    },
    "GET /api/rehab/episodes/:id": {
      inScope: (f) => ({ url: `/api/rehab/episodes/${f.rehabEpisodeIn}` }),
      outOfScope: (f) => ({ url: `/api/rehab/episodes/${f.rehabEpisodeOut}` }),
    },
    "PATCH /api/rehab/episodes/:id": {
      inScope: (f) => ({
        url: `/api/rehab/episodes/${f.rehabEpisodeIn}`,
        payload: { treatmentPlan: "Konseling mingguan" },
      }),
      outOfScope: (f) => ({
        url: `/api/rehab/episodes/${f.rehabEpisodeOut}`,
        payload: { treatmentPlan: "x" },
      }),
    },
    "POST /api/rehab/episodes/:id/screenings": {
      inScope: (f) => ({
        url: `/api/rehab/episodes/${f.rehabEpisodeIn}/screenings`,
        payload: assist,
      }),
      outOfScope: (f) => ({
        url: `/api/rehab/episodes/${f.rehabEpisodeOut}/screenings`,
        payload: assist,
      }),
    },
    "POST /api/rehab/episodes/:id/start": {
      inScope: (f) => ({
        url: `/api/rehab/episodes/${startPool(f)}/start`,
        payload: { date: "2025-01-08", serviceType: "rawat_jalan" },
      }),
      outOfScope: (f) => ({
        url: `/api/rehab/episodes/${f.rehabEpisodeOut}/start`,
        payload: { date: "2025-01-08", serviceType: "rawat_jalan" },
      }),
    },
    "POST /api/rehab/episodes/:id/visits": {
      inScope: (f) => ({
        url: `/api/rehab/episodes/${f.rehabEpisodeIn}/visits`,
        payload: { date: "2025-01-10", kind: "counselling" },
      }),
      outOfScope: (f) => ({
        url: `/api/rehab/episodes/${f.rehabEpisodeOut}/visits`,
        payload: { date: "2025-01-10", kind: "counselling" },
      }),
    },
    "POST /api/rehab/episodes/:id/discharge": {
      inScope: (f) => ({
        url: `/api/rehab/episodes/${dischargePool(f)}/discharge`,
        payload: { date: "2025-03-01", outcome: "completed" },
      }),
      outOfScope: (f) => ({
        url: `/api/rehab/episodes/${f.rehabEpisodeOut}/discharge`,
        payload: { date: "2025-03-01", outcome: "completed" },
      }),
    },
    "POST /api/rehab/episodes/:id/aftercare": {
      inScope: (f) => ({
        url: `/api/rehab/episodes/${aftercarePool(f)}/aftercare`,
        payload: { date: "2025-04-01" },
      }),
      outOfScope: (f) => ({
        url: `/api/rehab/episodes/${f.rehabAftercareOut}/aftercare`,
        payload: { date: "2025-04-01" },
      }),
    },
    "POST /api/rehab/episodes/:id/follow-ups": {
      inScope: (f) => ({
        url: `/api/rehab/episodes/${f.rehabAftercareIn}/follow-ups`,
        payload: { date: "2025-05-01", relapseStatus: "not_relapsed" },
      }),
      outOfScope: (f) => ({
        url: `/api/rehab/episodes/${f.rehabAftercareOut}/follow-ups`,
        payload: { date: "2025-05-01", relapseStatus: "not_relapsed" },
      }),
    },
    "POST /api/rehab/episodes/:id/close": {
      inScope: (f) => ({
        url: `/api/rehab/episodes/${closePool(f)}/close`,
        payload: { date: "2025-04-02" },
      }),
      outOfScope: (f) => ({
        url: `/api/rehab/episodes/${f.rehabAftercareOut}/close`,
        payload: { date: "2025-07-01" },
      }),
    },
    "GET /api/rehab/figures/entries": {
      inScope: () => ({ url: "/api/rehab/figures/entries?from=2025-01-01&to=2025-12-31&by=sex" }),
    },
    "GET /api/rehab/figures/entries/export": {
      inScope: () => ({
        url: "/api/rehab/figures/entries/export?from=2025-01-01&to=2025-12-31&format=csv",
      }),
    },
    "GET /api/rehab/figures/yearly": { inScope: () => ({ url: "/api/rehab/figures/yearly" }) },
    "GET /api/rehab/figures/aftercare": {
      inScope: () => ({ url: "/api/rehab/figures/aftercare?from=2025-01-01&to=2025-12-31" }),
    },
    "GET /api/rehab/figures/tdi": { inScope: () => ({ url: "/api/rehab/figures/tdi?year=2025" }) },
    "GET /api/rehab/figures/tdi/export": {
      inScope: () => ({ url: "/api/rehab/figures/tdi/export?year=2025&format=xlsx" }),
    },
    "GET /api/rehab/recap": {
      inScope: () => ({ url: "/api/rehab/recap?kind=monthly&date=2025-01-15" }),
    },
    "GET /api/rehab/recap/export": {
      inScope: () => ({ url: "/api/rehab/recap/export?kind=weekly&date=2025-01-08&format=csv" }),
    },
    "POST /api/rehab/break-glass": {
      inScope: (f) => ({
        url: "/api/rehab/break-glass",
        payload: { clientCode: f.rehabClientFarCode, reason: "Matrix: emergency at the puskesmas" },
      }),
    },
    "GET /api/rehab/break-glass": { inScope: () => ({ url: "/api/rehab/break-glass?state=all" }) },
    "POST /api/rehab/break-glass/:id/review": {
      inScope: (f) => ({
        url: `/api/rehab/break-glass/${reviewPool(f)}/review`,
        payload: { note: "Justified." },
      }),
    },
  },
};
