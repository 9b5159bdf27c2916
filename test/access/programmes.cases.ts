/** Access-matrix cases for Act (issue 6): programmes, activities, schedules, who-what-where, coverage. */
import { randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database } from "../../src/db/schema";
import { unique } from "../factories";
import type { AccessModule, Fixtures } from "./types";

/** The smallest valid PNG (1 x 1 pixel). */
export const TINY_PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
  "base64",
);

async function programme(db: Kysely<Database>, org: string, area: string) {
  const { id } = await db
    .insertInto("programmes")
    .values({
      name: unique("Programme"),
      pillar: "pencegahan",
      lead_organisation_id: org,
      area_code: area,
      period_start: "2025-01-01",
      period_end: "2025-12-31",
      budget_amount: 1000,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return id;
}

async function activity(db: Kysely<Database>, programmeId: string, area: string) {
  const { id } = await db
    .insertInto("activities")
    .values({
      programme_id: programmeId,
      type_code: "sosialisasi",
      held_on: "2025-03-01",
      area_code: area,
      participants: "{}",
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return id;
}

async function photo(db: Kysely<Database>, activityId: string) {
  const { id } = await db
    .insertInto("activity_photos")
    .values({
      activity_id: activityId,
      content_type: "image/png",
      size_bytes: TINY_PNG.length,
      content: TINY_PNG,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return id;
}

async function schedule(db: Kysely<Database>, programmeId: string, area: string) {
  const { id } = await db
    .insertInto("activity_schedules")
    .values({
      programme_id: programmeId,
      title: "Monthly outreach",
      type_code: "ibm_outreach",
      area_code: area,
      frequency: "monthly",
      start_on: "2025-01-05",
      end_on: "2025-12-31",
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return id;
}

/** Photos deleted one per allowed request: each DELETE takes the next one. */
const DELETABLE = 12;
let nextDeletable = 0;

const activityBody = (programmeId: string, areaCode: string) => ({
  programmeId,
  typeCode: "sosialisasi",
  heldOn: "2025-04-01",
  areaCode,
  participants: { "18-24": { male: 2, female: 3 } },
});

export const programmesAccess: AccessModule = {
  fixtures: async ({ db, orgIn, orgOut }) => {
    const progIn = await programme(db, orgIn, "31.73.01");
    const progOut = await programme(db, orgOut, "31.71.01");
    const actIn = await activity(db, progIn, "31.73.01.1004");
    const actOut = await activity(db, progOut, "31.71.01.1001");
    const f: Fixtures = {
      programmesProgIn: progIn,
      programmesProgOut: progOut,
      programmesActIn: actIn,
      programmesActOut: actOut,
      programmesPhotoIn: await photo(db, actIn),
      programmesPhotoOut: await photo(db, actOut),
      programmesSchedIn: await schedule(db, progIn, "31.73.01.1004"),
      programmesSchedOut: await schedule(db, progOut, "31.71.01.1001"),
    };
    // Photos to delete sit on their own activity, so uploads stay under the per-activity limit.
    const actDel = await activity(db, progIn, "31.73.01.1004");
    f.programmesActDel = actDel;
    for (let k = 0; k < DELETABLE; k++) f[`programmesPhotoDel${k}`] = await photo(db, actDel);
    return f;
  },
  cases: {
    "GET /api/programmes": {
      inScope: () => ({ url: "/api/programmes?pageSize=200" }),
      hiddenId: (f) => f.programmesProgOut,
    },
    "GET /api/programmes/organisations": {
      inScope: () => ({ url: "/api/programmes/organisations" }),
    },
    "GET /api/programmes/dashboard": { inScope: () => ({ url: "/api/programmes/dashboard" }) },
    "GET /api/programmes/:id": {
      inScope: (f) => ({ url: `/api/programmes/${f.programmesProgIn}` }),
      outOfScope: (f) => ({ url: `/api/programmes/${f.programmesProgOut}` }),
    },
    "POST /api/programmes": {
      inScope: (f) => ({
        url: "/api/programmes",
        payload: {
          name: unique("Programme"),
          pillar: "edukasi_diseminasi",
          leadOrganisationId: f.orgIn,
          areaCode: "31.73.01",
          periodStart: "2025-01-01",
          periodEnd: "2025-12-31",
        },
      }),
      outOfScope: (f) => ({
        url: "/api/programmes",
        payload: {
          name: unique("Programme"),
          pillar: "edukasi_diseminasi",
          leadOrganisationId: f.orgOut,
          areaCode: "31.71.01",
          periodStart: "2025-01-01",
          periodEnd: "2025-12-31",
        },
      }),
      outStatus: 403,
    },
    "PATCH /api/programmes/:id": {
      inScope: (f) => ({
        url: `/api/programmes/${f.programmesProgIn}`,
        payload: { description: unique("d") },
      }),
      outOfScope: (f) => ({
        url: `/api/programmes/${f.programmesProgOut}`,
        payload: { description: unique("d") },
      }),
    },
    "POST /api/programmes/:id/schedules": {
      inScope: (f) => ({
        url: `/api/programmes/${f.programmesProgIn}/schedules`,
        payload: {
          title: unique("Schedule"),
          typeCode: "ibm_outreach",
          areaCode: "31.73.01.1004",
          frequency: "monthly",
          startOn: "2025-01-01",
          endOn: "2025-06-30",
        },
      }),
      outOfScope: (f) => ({
        url: `/api/programmes/${f.programmesProgOut}/schedules`,
        payload: {
          title: unique("Schedule"),
          typeCode: "ibm_outreach",
          areaCode: "31.71.01.1001",
          frequency: "monthly",
          startOn: "2025-01-01",
          endOn: "2025-06-30",
        },
      }),
    },
    "PATCH /api/programmes/:id/schedules/:scheduleId": {
      inScope: (f) => ({
        url: `/api/programmes/${f.programmesProgIn}/schedules/${f.programmesSchedIn}`,
        payload: { title: unique("Renamed") },
      }),
      outOfScope: (f) => ({
        url: `/api/programmes/${f.programmesProgOut}/schedules/${f.programmesSchedOut}`,
        payload: { title: unique("Renamed") },
      }),
    },
    "GET /api/programmes/who-what-where": {
      inScope: () => ({
        url: "/api/programmes/who-what-where?city=31.73&from=2025-01-01&to=2025-12-31",
      }),
      outOfScope: () => ({
        url: "/api/programmes/who-what-where?city=31.71&from=2025-01-01&to=2025-12-31",
      }),
    },
    "GET /api/programmes/coverage": {
      inScope: () => ({ url: "/api/programmes/coverage?city=31.73&from=2025-01-01&to=2025-12-31" }),
      outOfScope: () => ({
        url: "/api/programmes/coverage?city=31.71&from=2025-01-01&to=2025-12-31",
      }),
    },
    "GET /api/activity-types": { inScope: () => ({ url: "/api/activity-types?all=true" }) },
    "POST /api/activity-types": {
      inScope: () => ({
        url: "/api/activity-types",
        payload: {
          code: `t_${randomBytes(4).toString("hex")}`,
          name: "Jenis uji",
          nameEn: "Test type",
        },
      }),
    },
    "PATCH /api/activity-types/:code": {
      inScope: () => ({ url: "/api/activity-types/advokasi", payload: { sort: 71 } }),
    },
    "GET /api/activities": {
      inScope: () => ({ url: "/api/activities?pageSize=200" }),
      hiddenId: (f) => f.programmesActOut,
    },
    "GET /api/activities/:id": {
      inScope: (f) => ({ url: `/api/activities/${f.programmesActIn}` }),
      outOfScope: (f) => ({ url: `/api/activities/${f.programmesActOut}` }),
    },
    "POST /api/activities": {
      inScope: (f) => ({
        url: "/api/activities",
        payload: activityBody(f.programmesProgIn!, "31.73.01.1004"),
      }),
      outOfScope: (f) => ({
        url: "/api/activities",
        payload: activityBody(f.programmesProgOut!, "31.71.01.1001"),
      }),
      outStatus: 403,
    },
    "PATCH /api/activities/:id": {
      inScope: (f) => ({
        url: `/api/activities/${f.programmesActIn}`,
        payload: { notes: unique("n") },
      }),
      outOfScope: (f) => ({
        url: `/api/activities/${f.programmesActOut}`,
        payload: { notes: unique("n") },
      }),
    },
    "POST /api/activities/:id/photos": {
      inScope: (f) => ({
        url: `/api/activities/${f.programmesActIn}/photos`,
        headers: { "content-type": "image/png" },
        payload: TINY_PNG,
      }),
      outOfScope: (f) => ({
        url: `/api/activities/${f.programmesActOut}/photos`,
        headers: { "content-type": "image/png" },
        payload: TINY_PNG,
      }),
    },
    "GET /api/activities/:id/photos/:photoId": {
      inScope: (f) => ({
        url: `/api/activities/${f.programmesActIn}/photos/${f.programmesPhotoIn}`,
      }),
      outOfScope: (f) => ({
        url: `/api/activities/${f.programmesActOut}/photos/${f.programmesPhotoOut}`,
      }),
    },
    "DELETE /api/activities/:id/photos/:photoId": {
      inScope: (f) => ({
        url: `/api/activities/${f.programmesActDel}/photos/${f[`programmesPhotoDel${nextDeletable++ % DELETABLE}`]}`,
      }),
      outOfScope: (f) => ({
        url: `/api/activities/${f.programmesActOut}/photos/${f.programmesPhotoOut}`,
      }),
    },
  },
};
