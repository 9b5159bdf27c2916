/**
 * Walks the role x action x resource table over every API route. Each route in the app's
 * access catalogue needs a case below; a new route without one fails the first test.
 * For every role: in scope the answer is 2xx when the table allows, 403 when it does not;
 * out of scope it is 404 (the record's existence is not revealed) or the listed code.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { can, ROLES, type Role } from "../../src/domain/access/roles";
import { DEFAULT_INDICATORS } from "../../src/domain/risk/indicators";
import { DEFAULT_INDICATOR_RULES } from "../../src/domain/risk/rules";
import type { AccessCatalogueEntry } from "../../src/server/plugins/auth";
import { ACCESS_MODULES } from "../access/modules";
import type { Case, Fixtures, Req } from "../access/types";
import { createTestApp, type TestApp } from "../app";
import {
  anonymousClient,
  type Client,
  newOrganisation,
  newUser,
  signIn,
  type TestUser,
  unique,
} from "../factories";
import { assessmentCsv } from "../risk-fixtures";

const SCOPE = "31.73"; // Jakarta Barat
const oneRowCsv = (code: string) => assessmentCsv([{ code, wanted: "siaga" }]);

const CORE_CASES: Record<string, Case> = {
  "GET /api/organisations": {
    inScope: () => ({ url: "/api/organisations?pageSize=200" }),
    hiddenId: (f) => f.orgOut,
  },
  "GET /api/organisations/:id": {
    inScope: (f) => ({ url: `/api/organisations/${f.orgIn}` }),
    outOfScope: (f) => ({ url: `/api/organisations/${f.orgOut}` }),
  },
  "POST /api/organisations": {
    inScope: () => ({
      url: "/api/organisations",
      payload: { name: unique("Org"), type: "community_organisation", areaCode: "31.73.01" },
    }),
    outOfScope: () => ({
      url: "/api/organisations",
      payload: { name: unique("Org"), type: "community_organisation", areaCode: "31.71.01" },
    }),
    outStatus: 403,
  },
  "PATCH /api/organisations/:id": {
    inScope: (f) => ({
      url: `/api/organisations/${f.orgIn}`,
      payload: { name: unique("Renamed") },
    }),
    outOfScope: (f) => ({
      url: `/api/organisations/${f.orgOut}`,
      payload: { name: unique("Renamed") },
    }),
  },
  "GET /api/users": {
    inScope: () => ({ url: "/api/users?pageSize=200" }),
    hiddenId: (f) => f.userOut,
  },
  "GET /api/users/:id": {
    inScope: (f) => ({ url: `/api/users/${f.userIn}` }),
    outOfScope: (f) => ({ url: `/api/users/${f.userOut}` }),
  },
  "POST /api/users": {
    inScope: (f) => ({
      url: "/api/users",
      payload: {
        email: `${unique("new")}@example.test`,
        name: "New Person",
        organisationId: f.orgIn,
        role: "viewer",
        scope: "31.73.01",
      },
    }),
    outOfScope: (f) => ({
      url: "/api/users",
      payload: {
        email: `${unique("new")}@example.test`,
        name: "New Person",
        organisationId: f.orgOut,
        role: "viewer",
        scope: "31.71",
      },
    }),
  },
  "POST /api/users/:id/invitation": {
    inScope: (f) => ({ url: `/api/users/${f.userIn}/invitation` }),
    outOfScope: (f) => ({ url: `/api/users/${f.userOut}/invitation` }),
  },
  "PATCH /api/users/:id": {
    inScope: (f) => ({ url: `/api/users/${f.userIn}`, payload: { name: unique("Renamed") } }),
    outOfScope: (f) => ({ url: `/api/users/${f.userOut}`, payload: { name: unique("Renamed") } }),
  },
  "GET /api/audit-events": { inScope: () => ({ url: "/api/audit-events" }) },
  "GET /api/audit-events/verify": { inScope: () => ({ url: "/api/audit-events/verify" }) },
  "GET /api/named-locations": {
    inScope: () => ({ url: "/api/named-locations?pageSize=200" }),
    hiddenId: (f) => f.locOut,
  },
  "GET /api/named-locations/:id": {
    inScope: (f) => ({ url: `/api/named-locations/${f.locIn}` }),
    outOfScope: (f) => ({ url: `/api/named-locations/${f.locOut}` }),
  },
  "POST /api/named-locations": {
    inScope: () => ({
      url: "/api/named-locations",
      payload: { kelurahanCode: "31.73.01.1004", name: unique("Gang") },
    }),
    outOfScope: () => ({
      url: "/api/named-locations",
      payload: { kelurahanCode: "31.71.01.1001", name: unique("Gang") },
    }),
    outStatus: 403,
  },
  "PATCH /api/named-locations/:id": {
    inScope: (f) => ({
      url: `/api/named-locations/${f.locIn}`,
      payload: { notes: unique("note") },
    }),
    outOfScope: (f) => ({
      url: `/api/named-locations/${f.locOut}`,
      payload: { notes: unique("note") },
    }),
  },
  "GET /api/risk/config": { inScope: () => ({ url: "/api/risk/config" }) },
  "POST /api/risk/catalogue": {
    inScope: () => ({
      url: "/api/risk/catalogue",
      payload: { indicators: [...DEFAULT_INDICATORS], note: "same again" },
    }),
  },
  "POST /api/risk/rules": {
    inScope: () => ({ url: "/api/risk/rules", payload: { rules: DEFAULT_INDICATOR_RULES } }),
  },
  "GET /api/risk/rounds": { inScope: () => ({ url: "/api/risk/rounds" }) },
  "POST /api/risk/rounds": {
    inScope: () => ({
      url: "/api/risk/rounds",
      payload: {
        name: unique("Round"),
        method: "indicator",
        areaCode: "31.73",
        periodStart: "2025-01-01",
        periodEnd: "2025-06-30",
      },
    }),
    outOfScope: () => ({
      url: "/api/risk/rounds",
      payload: {
        name: unique("Round"),
        method: "indicator",
        areaCode: "31.71",
        periodStart: "2025-01-01",
        periodEnd: "2025-06-30",
      },
    }),
    outStatus: 403,
  },
  "GET /api/risk/rounds/:id": {
    inScope: (f) => ({ url: `/api/risk/rounds/${f.roundIn}` }),
    outOfScope: (f) => ({ url: `/api/risk/rounds/${f.roundOut}` }),
  },
  "GET /api/risk/rounds/:id/assessments": {
    inScope: (f) => ({ url: `/api/risk/rounds/${f.roundIn}/assessments` }),
    outOfScope: (f) => ({ url: `/api/risk/rounds/${f.roundOut}/assessments` }),
  },
  "PUT /api/risk/rounds/:id/assessments": {
    inScope: (f) => ({
      url: `/api/risk/rounds/${f.roundIn}/assessments`,
      payload: { areaCode: "31.73.01.1004", notes: unique("n") },
    }),
    outOfScope: (f) => ({
      url: `/api/risk/rounds/${f.roundOut}/assessments`,
      payload: { areaCode: "31.71.01.1001" },
    }),
  },
  "POST /api/risk/rounds/:id/verify": {
    inScope: (f) => ({ url: `/api/risk/rounds/${f.roundIn}/verify`, payload: {} }),
    outOfScope: (f) => ({ url: `/api/risk/rounds/${f.roundOut}/verify`, payload: {} }),
  },
  "POST /api/risk/rounds/:id/return": {
    inScope: (f) => ({
      url: `/api/risk/rounds/${f.roundIn}/return`,
      payload: { comment: "again" },
    }),
    outOfScope: (f) => ({ url: `/api/risk/rounds/${f.roundOut}/return`, payload: {} }),
  },
  "POST /api/risk/rounds/:id/publish": {
    inScope: (f) => ({ url: `/api/risk/rounds/${f.roundIn}/publish`, payload: {} }),
    outOfScope: (f) => ({ url: `/api/risk/rounds/${f.roundOut}/publish`, payload: {} }),
  },
  "POST /api/risk/rounds/:id/reclassify": {
    inScope: (f) => ({
      url: `/api/risk/rounds/${f.roundIn}/reclassify`,
      payload: { ruleVersion: 1 },
    }),
    outOfScope: (f) => ({
      url: `/api/risk/rounds/${f.roundOut}/reclassify`,
      payload: { ruleVersion: 1 },
    }),
  },
  "GET /api/risk/rounds/:id/template": {
    inScope: (f) => ({ url: `/api/risk/rounds/${f.roundIn}/template?format=csv` }),
    outOfScope: (f) => ({ url: `/api/risk/rounds/${f.roundOut}/template?format=csv` }),
  },
  "POST /api/risk/rounds/:id/import": {
    inScope: (f) => ({
      url: `/api/risk/rounds/${f.roundIn}/import?format=csv&dryRun=true`,
      headers: { "content-type": "text/csv" },
      payload: oneRowCsv("31.73.01.1004"),
    }),
    outOfScope: (f) => ({
      url: `/api/risk/rounds/${f.roundOut}/import?format=csv&dryRun=true`,
      headers: { "content-type": "text/csv" },
      payload: oneRowCsv("31.71.01.1001"),
    }),
  },
  "GET /api/risk/rounds/:id/export": {
    inScope: (f) => ({ url: `/api/risk/rounds/${f.roundIn}/export?format=csv` }),
    outOfScope: (f) => ({ url: `/api/risk/rounds/${f.roundOut}/export?format=csv` }),
  },
  "GET /api/risk/map": { inScope: () => ({ url: "/api/risk/map?city=31.73" }) },
  "GET /api/risk/changes": {
    inScope: (f) => ({ url: `/api/risk/changes?from=${f.roundIn}&to=${f.roundIn}` }),
    outOfScope: (f) => ({ url: `/api/risk/changes?from=${f.roundOut}&to=${f.roundIn}` }),
  },
  "GET /api/incidents/types": { inScope: () => ({ url: "/api/incidents/types" }) },
  "GET /api/incidents": {
    inScope: () => ({ url: "/api/incidents?pageSize=200" }),
    hiddenId: (f) => f.incOut,
  },
  "GET /api/incidents/:id": {
    inScope: (f) => ({ url: `/api/incidents/${f.incIn}` }),
    outOfScope: (f) => ({ url: `/api/incidents/${f.incOut}` }),
  },
  "POST /api/incidents": {
    inScope: () => ({
      url: "/api/incidents",
      payload: {
        date: "2025-01-02",
        type: "drug_use",
        source: "news",
        kelurahan_code: "31.73.01.1004",
      },
    }),
    outOfScope: () => ({
      url: "/api/incidents",
      payload: {
        date: "2025-01-02",
        type: "drug_use",
        source: "news",
        kelurahan_code: "31.71.01.1001",
      },
    }),
    outStatus: 403,
  },
  "PATCH /api/incidents/:id": {
    inScope: (f) => ({ url: `/api/incidents/${f.incIn}`, payload: { notes: unique("n") } }),
    outOfScope: (f) => ({ url: `/api/incidents/${f.incOut}`, payload: { notes: unique("n") } }),
  },
  "POST /api/incidents/import": {
    inScope: () => ({
      url: "/api/incidents/import?format=csv&dryRun=true",
      headers: { "content-type": "text/csv" },
      payload:
        "external_ref,date,type,source,kelurahan_code\nM/1,2025-01-01,drug_use,news,31.73.01.1004\n",
    }),
  },
  "GET /api/incidents/aggregate": { inScope: () => ({ url: "/api/incidents/aggregate" }) },
  "GET /api/incidents/hotspots": { inScope: () => ({ url: "/api/incidents/hotspots?city=31.73" }) },
  "GET /api/incidents/density": { inScope: () => ({ url: "/api/incidents/density?city=31.73" }) },
  "GET /api/incidents/clusters": {
    inScope: () => ({ url: "/api/incidents/clusters?zoom=17&bbox=106,-7,107.5,-5" }),
  },
  "GET /api/incidents/trends": { inScope: () => ({ url: "/api/incidents/trends?city=31.73" }) },
  "GET /api/risk/areas/:code": {
    inScope: () => ({ url: "/api/risk/areas/31.73.01.1004" }),
    outOfScope: () => ({ url: "/api/risk/areas/31.71.01.1001" }),
  },
  // Exports of the table views (E2): same access as their lists; scope checked in exports.test.ts.
  "GET /api/organisations/export": {
    inScope: () => ({ url: "/api/organisations/export?format=csv" }),
  },
  "GET /api/users/export": { inScope: () => ({ url: "/api/users/export?format=csv" }) },
  "GET /api/audit-events/export": {
    inScope: () => ({ url: "/api/audit-events/export?format=csv" }),
  },
  "GET /api/named-locations/export": {
    inScope: () => ({ url: "/api/named-locations/export?format=xlsx" }),
  },
  "GET /api/risk/table/export": {
    inScope: () => ({ url: "/api/risk/table/export?city=31.73&format=csv" }),
  },
  "GET /api/incidents/export": { inScope: () => ({ url: "/api/incidents/export?format=csv" }) },
};

/** Routes every signed-in person may use, and public ones, with a request that succeeds. */
const CORE_OPEN_CASES: Record<string, Req> = {
  "GET /api/areas": { url: "/api/areas?parent=31&geometry=false" },
  "GET /api/areas/:code": { url: "/api/areas/31.73" },
  "GET /api/openapi.json": { url: "/api/openapi.json" },
  "GET /api/auth/session": { url: "/api/auth/session" },
  "POST /api/auth/login": { url: "/api/auth/login" },
  "POST /api/auth/logout": { url: "/api/auth/logout" },
  "POST /api/auth/password": { url: "/api/auth/password" },
  "POST /api/auth/invitations/accept": { url: "/api/auth/invitations/accept" },
};

const CASES: Record<string, Case> = Object.assign(
  {},
  CORE_CASES,
  ...ACCESS_MODULES.map((m) => m.cases),
);
const OPEN_CASES: Record<string, Req> = Object.assign(
  {},
  CORE_OPEN_CASES,
  ...ACCESS_MODULES.map((m) => m.openCases ?? {}),
);

let t: TestApp;
let fixtures: Fixtures;
const clients = new Map<Role, Client>();
const users = new Map<Role, TestUser>();

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  const orgIn = await newOrganisation(db, { areaCode: "31.73.01" });
  const orgOut = await newOrganisation(db, { areaCode: "31.71.01" });
  const round = (name: string, areaCode: string) =>
    db
      .insertInto("assessment_rounds")
      .values({
        name,
        method: "indicator",
        area_code: areaCode,
        period_start: "2025-01-01",
        period_end: "2025-06-30",
        catalogue_version: 1,
        rule_version: 1,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
  const location = (name: string, code: string) =>
    db
      .insertInto("named_locations")
      .values({ name, kelurahan_code: code })
      .returning("id")
      .executeTakeFirstOrThrow();
  const incident = (code: string) =>
    db
      .insertInto("incidents")
      .values({
        occurred_on: "2025-01-01",
        type_code: "drug_use",
        precision: "kelurahan",
        kelurahan_code: code,
        source: "news",
      })
      .returning("id")
      .executeTakeFirstOrThrow();
  fixtures = {
    orgIn,
    orgOut,
    roundIn: (await round("Matrix Barat", "31.73")).id,
    roundOut: (await round("Matrix Pusat", "31.71")).id,
    locIn: (await location("Kompleks Matrix", "31.73.01.1004")).id,
    locOut: (await location("Gang Matrix", "31.71.01.1001")).id,
    incIn: (await incident("31.73.01.1004")).id,
    incOut: (await incident("31.71.01.1001")).id,
    userIn: (await newUser(db, { role: "viewer", scope: "31.73.01", organisationId: orgIn })).id,
    userOut: (await newUser(db, { role: "viewer", scope: "31.71", organisationId: orgOut })).id,
  };
  for (const module of ACCESS_MODULES) {
    Object.assign(fixtures, await module.fixtures({ app: t.app, db, orgIn, orgOut }));
  }
  for (const role of ROLES) {
    const user = await newUser(db, { role, scope: SCOPE, organisationId: orgIn });
    users.set(role, user);
    clients.set(role, await signIn(t.app, user));
  }
});
afterAll(async () => {
  await t.close();
});

const key = (e: AccessCatalogueEntry) => `${e.method} ${e.url}`;

describe("access table over every API route", () => {
  it("every route has a case, and every case a route", () => {
    const routes = t.app.accessCatalogue.map(key).sort();
    const cased = [...Object.keys(CASES), ...Object.keys(OPEN_CASES)].sort();
    expect(routes).toEqual(cased);
    for (const entry of t.app.accessCatalogue) {
      if (typeof entry.access === "object") expect(CASES[key(entry)], key(entry)).toBeDefined();
      else expect(OPEN_CASES[key(entry)], key(entry)).toBeDefined();
    }
  });

  it("answers 401 to an unauthenticated request on every non-public route", async () => {
    const anonymous = await anonymousClient(t.app);
    const checked: string[] = [];
    for (const entry of t.app.accessCatalogue) {
      if (entry.access === "public") continue;
      const c = CASES[key(entry)];
      const req = c ? c.inScope(fixtures) : OPEN_CASES[key(entry)]!;
      const res = await anonymous.request({ method: entry.method as "GET", ...req });
      expect(res.statusCode, key(entry)).toBe(401);
      expect(res.json().error.code).toBe("UNAUTHENTICATED");
      checked.push(key(entry));
    }
    expect(checked.length).toBeGreaterThan(10);
  });

  it("answers 403 CSRF_INVALID to a state-changing request without the token", async () => {
    const admin = clients.get("administrator")!;
    for (const entry of t.app.accessCatalogue.filter((e) => e.method !== "GET")) {
      const c = CASES[key(entry)];
      const req = c ? c.inScope(fixtures) : OPEN_CASES[key(entry)]!;
      const res = await admin.request({ method: entry.method as "POST", ...req, csrf: false });
      expect(res.statusCode, key(entry)).toBe(403);
      expect(res.json().error.code).toBe("CSRF_INVALID");
      const wrong = await admin.request({
        method: entry.method as "POST",
        ...req,
        csrf: false,
        headers: {
          ...(req.headers as Record<string, string> | undefined),
          "x-csrf-token": "x".repeat(43),
        },
      });
      expect(wrong.statusCode, key(entry)).toBe(403);
    }
  });

  describe.each(ROLES)("role %s", (role) => {
    it("gets exactly what the table allows, in scope and out of scope", async () => {
      const client = clients.get(role)!;
      for (const entry of t.app.accessCatalogue) {
        if (typeof entry.access !== "object") continue;
        const c = CASES[key(entry)]!;
        const allowed = can(role, entry.access.action, entry.access.resource);
        const method = entry.method as "GET";
        const label = `${role} ${key(entry)}`;

        const inRes = await client.request({ method, ...c.inScope(fixtures) });
        if (allowed) {
          expect(inRes.statusCode, `${label} in scope: ${inRes.body}`).toBeGreaterThanOrEqual(200);
          expect(inRes.statusCode, `${label} in scope: ${inRes.body}`).toBeLessThan(300);
          if (c.hiddenId) {
            const ids = (inRes.json() as { items: Array<{ id: string }> }).items.map((i) => i.id);
            const hidden = c.hiddenId(fixtures);
            expect(hidden, `${label} fixture for the hidden record`).toBeDefined();
            expect(ids, `${label} hides out-of-scope records`).not.toContain(hidden);
            expect(ids.length).toBeGreaterThan(0);
          }
        } else {
          expect(inRes.statusCode, label).toBe(403);
          expect(inRes.json().error.code).toBe("FORBIDDEN");
        }

        if (c.outOfScope) {
          const outRes = await client.request({ method, ...c.outOfScope(fixtures) });
          expect(outRes.statusCode, `${label} out of scope: ${outRes.body}`).toBe(
            allowed ? (c.outStatus ?? 404) : 403,
          );
        }
      }
    });
  });

  it("tells the client which actions each role may take on each record", async () => {
    const admin = await clients
      .get("administrator")!
      .request({ method: "GET", url: `/api/organisations/${fixtures.orgIn}` });
    expect(admin.json().actions).toEqual(["read", "create", "update"]);
    const viewer = await clients
      .get("viewer")!
      .request({ method: "GET", url: `/api/organisations/${fixtures.orgIn}` });
    expect(viewer.json().actions).toEqual(["read"]);
    const session = await clients
      .get("viewer")!
      .request({ method: "GET", url: "/api/auth/session" });
    expect(session.json().permissions).toMatchObject({
      organisation: ["read"],
      user: [],
      audit_event: [],
    });
  });
});
