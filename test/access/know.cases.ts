/** Access-matrix cases for Know (issue 8): custody, official figures, dashboards, public page, reports. */
import { unique } from "../factories";
import type { AccessModule, Case, FixtureContext, Fixtures } from "./types";

// custody and figures (E1): facilities and counts in and out of the matrix scope (31.73),
// figures about Jakarta Barat and Jakarta Pusat. Writes need the record inside the scope.
let knowCountDay = 0;
/** A fresh date per request, so that several roles may each create a count. */
function knowCountDate(): string {
  knowCountDay += 1;
  return new Date(Date.UTC(2020, 0, 1) + knowCountDay * 86_400_000).toISOString().slice(0, 10);
}

async function custodyFiguresFixtures({ db }: FixtureContext): Promise<Fixtures> {
  const facility = async (name: string, area: string) =>
    (
      await db
        .insertInto("custody_facilities")
        .values({ name: unique(name), type: "rutan", area_code: area })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;
  const knowFacIn = await facility("Rutan Matrix Barat", "31.73");
  const knowFacOut = await facility("Rutan Matrix Pusat", "31.71");
  const count = async (facilityId: string) =>
    (
      await db
        .insertInto("custody_counts")
        .values({
          facility_id: facilityId,
          counted_on: "2019-12-31",
          capacity: 100,
          occupants: 150,
          source: "matrix",
        })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;
  const figure = async (area: string) =>
    (
      await db
        .insertInto("official_figures")
        .values({
          indicator_code: "rehab_clients",
          value: 10,
          period_end: "2024-12-31",
          area_code: area,
          source_organisation: "matrix",
        })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;
  const knowFacInName = (
    await db
      .selectFrom("custody_facilities")
      .select("name")
      .where("id", "=", knowFacIn)
      .executeTakeFirstOrThrow()
  ).name;
  return {
    knowFacIn,
    knowFacOut,
    knowFacInName,
    knowCountIn: await count(knowFacIn),
    knowCountOut: await count(knowFacOut),
    knowFigIn: await figure("31.73"),
    knowFigOut: await figure("31.71"),
  };
}

const figureBody = (areaCode: string) => ({
  indicator: "rehab_clients",
  value: 12,
  areaCode,
  periodEnd: "2024-12-31",
  sourceOrganisation: unique("Sumber"),
});

const CUSTODY_FIGURES_CASES: Record<string, Case> = {
  "GET /api/custody/facilities": {
    inScope: () => ({ url: "/api/custody/facilities?pageSize=200" }),
    hiddenId: (f) => f.knowFacOut,
  },
  "GET /api/custody/facilities/:id": {
    inScope: (f) => ({ url: `/api/custody/facilities/${f.knowFacIn}` }),
    outOfScope: (f) => ({ url: `/api/custody/facilities/${f.knowFacOut}` }),
  },
  "POST /api/custody/facilities": {
    inScope: () => ({
      url: "/api/custody/facilities",
      payload: { name: unique("Lapas Matrix"), type: "lapas", areaCode: "31.73" },
    }),
    outOfScope: () => ({
      url: "/api/custody/facilities",
      payload: { name: unique("Lapas Matrix"), type: "lapas", areaCode: "31.71" },
    }),
    outStatus: 403,
  },
  "PATCH /api/custody/facilities/:id": {
    inScope: (f) => ({
      url: `/api/custody/facilities/${f.knowFacIn}`,
      payload: { notes: unique("n") },
    }),
    outOfScope: (f) => ({
      url: `/api/custody/facilities/${f.knowFacOut}`,
      payload: { notes: unique("n") },
    }),
  },
  "GET /api/custody/counts": {
    inScope: () => ({ url: "/api/custody/counts?pageSize=200" }),
    hiddenId: (f) => f.knowCountOut,
  },
  "GET /api/custody/counts/:id": {
    inScope: (f) => ({ url: `/api/custody/counts/${f.knowCountIn}` }),
    outOfScope: (f) => ({ url: `/api/custody/counts/${f.knowCountOut}` }),
  },
  "POST /api/custody/counts": {
    inScope: (f) => ({
      url: "/api/custody/counts",
      payload: {
        facilityId: f.knowFacIn,
        date: knowCountDate(),
        capacity: 100,
        occupants: 120,
        source: "matrix",
      },
    }),
    outOfScope: (f) => ({
      url: "/api/custody/counts",
      payload: {
        facilityId: f.knowFacOut,
        date: knowCountDate(),
        capacity: 100,
        occupants: 120,
        source: "matrix",
      },
    }),
  },
  "PATCH /api/custody/counts/:id": {
    inScope: (f) => ({
      url: `/api/custody/counts/${f.knowCountIn}`,
      payload: { notes: unique("n") },
    }),
    outOfScope: (f) => ({
      url: `/api/custody/counts/${f.knowCountOut}`,
      payload: { notes: unique("n") },
    }),
  },
  "POST /api/custody/counts/import": {
    inScope: (f) => ({
      url: "/api/custody/counts/import?format=csv&dryRun=true",
      headers: { "content-type": "text/csv" },
      payload: `facility,date,capacity,occupants,source\n${f.knowFacInName},2019-06-30,100,110,matrix\n`,
    }),
  },
  "GET /api/custody/summary": { inScope: () => ({ url: "/api/custody/summary?area=31" }) },
  "GET /api/custody/trend": {
    inScope: (f) => ({ url: `/api/custody/trend?facility=${f.knowFacIn}` }),
    outOfScope: (f) => ({ url: `/api/custody/trend?facility=${f.knowFacOut}` }),
  },
  "GET /api/figures/indicators": { inScope: () => ({ url: "/api/figures/indicators" }) },
  "PUT /api/figures/indicators/:code": {
    inScope: () => ({
      url: "/api/figures/indicators/matrix_indicator",
      payload: { name: "Indikator matriks", nameEn: "Matrix indicator" },
    }),
  },
  "GET /api/figures": {
    inScope: () => ({ url: "/api/figures?pageSize=200" }),
    hiddenId: (f) => f.knowFigOut,
  },
  "GET /api/figures/disagreements": { inScope: () => ({ url: "/api/figures/disagreements" }) },
  "GET /api/figures/headline": { inScope: () => ({ url: "/api/figures/headline?area=31" }) },
  "GET /api/figures/:id": {
    inScope: (f) => ({ url: `/api/figures/${f.knowFigIn}` }),
    outOfScope: (f) => ({ url: `/api/figures/${f.knowFigOut}` }),
  },
  "POST /api/figures": {
    inScope: () => ({ url: "/api/figures", payload: figureBody("31.73") }),
    outOfScope: () => ({ url: "/api/figures", payload: figureBody("31.71") }),
    outStatus: 403,
  },
  "PATCH /api/figures/:id": {
    inScope: (f) => ({ url: `/api/figures/${f.knowFigIn}`, payload: { notes: unique("n") } }),
    outOfScope: (f) => ({ url: `/api/figures/${f.knowFigOut}`, payload: { notes: unique("n") } }),
  },
};
// end of custody and figures

export const knowAccess: AccessModule = {
  fixtures: async (ctx) => ({ ...(await custodyFiguresFixtures(ctx)) }),
  cases: {
    ...CUSTODY_FIGURES_CASES,
    // dashboard and public (E3): the executive dashboard.
    "GET /api/dashboard": {
      inScope: () => ({ url: "/api/dashboard?city=31.73" }),
      outOfScope: () => ({ url: "/api/dashboard?city=31.71" }),
    },
    // end of dashboard and public (cases)
  },
  openCases: {
    // dashboard and public (E3): the public page's API, open to everyone signed out.
    "GET /api/public/classes": { url: "/api/public/classes?city=31.73" },
    "GET /api/public/incidents": { url: "/api/public/incidents?city=31.73" },
    "GET /api/public/activities": { url: "/api/public/activities?city=31.73" },
    "GET /api/public/figures": { url: "/api/public/figures" },
    // end of dashboard and public (open cases)
  },
};
