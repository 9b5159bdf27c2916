/**
 * Who does what where, and coverage of risky places ("tepat sasaran"). Both are aggregates
 * over a city and a period, counted city-wide (no personal data): any person who may read
 * programmes or activities and whose scope lies in, or contains, the city sees the same
 * figures. E3's executive dashboard reads {@link coverage} and {@link ProgrammesService}.
 *
 * Coverage rules:
 * - A risky area is a kelurahan whose latest published class is Bahaya or Waspada (the risk
 *   map), or, when incidents were recorded in the period, a significant Gi* hotspot (95% or
 *   99%, queen contiguity, Benjamini-Hochberg FDR 0.05) of incident counts in the period.
 * - An area is covered when at least one activity was held there in the period.
 * - Activity share: activities in risky areas / all activities in the city in the period.
 * - Budget share: each programme whose period overlaps the chosen one and whose area lies in
 *   the city splits its budget equally over its target kelurahan (a named-location target
 *   counts as its kelurahan; a programme placed in one kelurahan without targets targets it);
 *   share = budget on risky kelurahan / all such budgets. A programme without target kelurahan
 *   counts in the total only (untargeted).
 */
import type { Kysely } from "kysely";
import type { Database } from "../../../db/schema";
import { codeDepth, isWithin } from "../../../domain/areas/codes";
import type { Pillar } from "../../../domain/programmes/catalogue";
import { isRawan, type RiskClass } from "../../../domain/risk/classes";
import type { AuthedContext } from "../../context";
import { AppError } from "../../errors";
import { IncidentsAnalysisService } from "../incidents/incidents-analysis.service";
import { RiskViewsService } from "../risk/risk-views.service";
import { withinScope } from "./programmes.repository";

export interface Period {
  city: string;
  from: string;
  to: string;
  pillar?: Pillar | undefined;
}

function assertCityVisible(ctx: AuthedContext, city: string) {
  if (!isWithin(city, ctx.user.scope) && !isWithin(ctx.user.scope, city))
    throw new AppError("AREA_NOT_FOUND", 404, "No such area in your scope.");
}

function activitiesIn(db: Kysely<Database>, p: Period) {
  let q = db
    .selectFrom("activities as a")
    .innerJoin("programmes as p", "p.id", "a.programme_id")
    .where((eb) => withinScope(eb, "a.area_code", p.city))
    .where("a.held_on", ">=", p.from)
    .where("a.held_on", "<=", p.to);
  if (p.pillar) q = q.where("p.pillar", "=", p.pillar);
  return q;
}

/** Organisations x areas x pillars with activity counts in the period. */
export async function whoWhatWhere(db: Kysely<Database>, ctx: AuthedContext, p: Period) {
  assertCityVisible(ctx, p.city);
  const rows = await activitiesIn(db, p)
    .innerJoin("activity_organisations as ao", "ao.activity_id", "a.id")
    .innerJoin("organisations as o", "o.id", "ao.organisation_id")
    .leftJoin("areas as ar", "ar.code", "a.area_code")
    .groupBy(["o.id", "o.name", "a.area_code", "ar.name", "p.pillar"])
    .select((eb) => [
      "o.id as organisation_id",
      "o.name as organisation_name",
      "a.area_code",
      "ar.name as area_name",
      "p.pillar",
      eb.fn.count<string>("a.id").distinct().as("n"),
    ])
    .orderBy("o.name")
    .orderBy("a.area_code")
    .orderBy("p.pillar")
    .execute();
  const perArea = await activitiesIn(db, p)
    .leftJoin("areas as ar", "ar.code", "a.area_code")
    .groupBy(["a.area_code", "ar.name"])
    .select((eb) => ["a.area_code", "ar.name as area_name", eb.fn.countAll<string>().as("n")])
    .orderBy("a.area_code")
    .execute();
  const total = await activitiesIn(db, p)
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .executeTakeFirstOrThrow();
  const orgsByArea = new Map<string, Set<string>>();
  const pillarsByArea = new Map<string, Set<Pillar>>();
  for (const r of rows) {
    if (!orgsByArea.has(r.area_code)) orgsByArea.set(r.area_code, new Set());
    orgsByArea.get(r.area_code)!.add(r.organisation_id);
    if (!pillarsByArea.has(r.area_code)) pillarsByArea.set(r.area_code, new Set());
    pillarsByArea.get(r.area_code)!.add(r.pillar as Pillar);
  }
  return {
    city: p.city,
    from: p.from,
    to: p.to,
    rows: rows.map((r) => ({
      organisationId: r.organisation_id,
      organisationName: r.organisation_name,
      areaCode: r.area_code,
      areaName: r.area_name,
      kecamatanCode: r.area_code.split(".").slice(0, 3).join("."),
      pillar: r.pillar as Pillar,
      activities: Number(r.n),
    })),
    areas: perArea.map((a) => ({
      areaCode: a.area_code,
      areaName: a.area_name,
      activities: Number(a.n),
      organisations: orgsByArea.get(a.area_code)?.size ?? 0,
      pillars: [...(pillarsByArea.get(a.area_code) ?? [])].sort(),
    })),
    totals: {
      activities: Number(total.n),
      organisations: new Set(rows.map((r) => r.organisation_id)).size,
      areas: perArea.length,
    },
  };
}

/** Risky areas of the city: Bahaya/Waspada on the risk map, and Gi* hotspots of the period. */
async function riskyAreas(db: Kysely<Database>, ctx: AuthedContext, p: Period) {
  const map = await new RiskViewsService(db).map(ctx, p.city);
  const risky = new Map<
    string,
    { areaName: string | null; class: RiskClass | null; roundName: string | null; hotspot: boolean }
  >();
  for (const a of map.areas)
    if (isRawan(a.class))
      risky.set(a.areaCode, {
        areaName: a.areaName,
        class: a.class,
        roundName: a.roundName,
        hotspot: false,
      });
  const incidents = await db
    .selectFrom("incidents")
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .where((eb) => withinScope(eb, "kelurahan_code", p.city))
    .where("occurred_on", ">=", p.from)
    .where("occurred_on", "<=", p.to)
    .executeTakeFirstOrThrow();
  let hotspotsUsed = false;
  if (Number(incidents.n) > 0 && codeDepth(p.city) <= 2) {
    try {
      const hot = await new IncidentsAnalysisService(db).hotspots(
        ctx,
        p.city,
        { from: p.from, to: p.to },
        { statistic: "gistar", weights: { kind: "queen" }, fdr: 0.05 },
      );
      hotspotsUsed = true;
      for (const a of hot.areas) {
        if (a.class !== "hot95" && a.class !== "hot99") continue;
        const known = risky.get(a.code);
        if (known) known.hotspot = true;
        else risky.set(a.code, { areaName: a.name, class: null, roundName: null, hotspot: true });
      }
    } catch (error) {
      // Too few areas or no variation: no hotspots to add, the classes still stand.
      if (!(error instanceof AppError)) throw error;
    }
  }
  return { risky, hotspotsUsed };
}

/** Risky areas with their programmes and activities, the uncovered ones, and targeting shares. */
export async function coverage(db: Kysely<Database>, ctx: AuthedContext, p: Period) {
  assertCityVisible(ctx, p.city);
  const { risky, hotspotsUsed } = await riskyAreas(db, ctx, p);
  const perArea = await activitiesIn(db, p)
    .groupBy(["a.area_code", "p.id", "p.name", "p.pillar"])
    .select((eb) => ["a.area_code", "p.id", "p.name", "p.pillar", eb.fn.countAll<string>().as("n")])
    .execute();
  // Programmes overlapping the period, with their target kelurahan.
  let programmesQuery = db
    .selectFrom("programmes as p")
    .leftJoin("programme_areas as pa", "pa.programme_id", "p.id")
    .where((eb) => withinScope(eb, "p.area_code", p.city))
    .where("p.period_start", "<=", p.to)
    .where("p.period_end", ">=", p.from)
    .where("p.status", "<>", "cancelled")
    .select([
      "p.id",
      "p.name",
      "p.pillar",
      "p.area_code",
      "p.budget_amount",
      "pa.area_code as target",
    ]);
  if (p.pillar) programmesQuery = programmesQuery.where("p.pillar", "=", p.pillar);
  const programmeRows = await programmesQuery.execute();
  const programmes = new Map<
    string,
    { name: string; pillar: Pillar; area: string; budget: number; targets: Set<string> }
  >();
  for (const r of programmeRows) {
    if (!programmes.has(r.id))
      programmes.set(r.id, {
        name: r.name,
        pillar: r.pillar as Pillar,
        area: r.area_code,
        budget: Number(r.budget_amount),
        targets: new Set(),
      });
    if (r.target && codeDepth(r.target) === 4) programmes.get(r.id)!.targets.add(r.target);
  }

  const riskyList = [...risky.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([code, info]) => {
      const here = perArea.filter((r) => r.area_code === code);
      const activities = here.reduce((s, r) => s + Number(r.n), 0);
      const progs = new Map<string, { id: string; name: string; pillar: Pillar }>();
      for (const r of here) progs.set(r.id, { id: r.id, name: r.name, pillar: r.pillar as Pillar });
      for (const [id, prog] of programmes)
        if (prog.targets.has(code)) progs.set(id, { id, name: prog.name, pillar: prog.pillar });
      return {
        areaCode: code,
        areaName: info.areaName,
        class: info.class,
        roundName: info.roundName,
        hotspot: info.hotspot,
        activities,
        programmes: [...progs.values()].sort((a, b) => a.name.localeCompare(b.name)),
        covered: activities > 0,
      };
    });

  const activitiesTotal = perArea.reduce((s, r) => s + Number(r.n), 0);
  const activitiesInRisky = perArea
    .filter((r) => risky.has(r.area_code))
    .reduce((s, r) => s + Number(r.n), 0);
  let budgetTotal = 0;
  let budgetInRisky = 0;
  for (const prog of programmes.values()) {
    budgetTotal += prog.budget;
    const targets =
      prog.targets.size > 0
        ? prog.targets
        : codeDepth(prog.area) === 4
          ? new Set([prog.area])
          : new Set<string>();
    if (targets.size === 0) continue;
    const share = prog.budget / targets.size;
    for (const t of targets) if (risky.has(t)) budgetInRisky += share;
  }
  return {
    city: p.city,
    from: p.from,
    to: p.to,
    hotspotsUsed,
    riskyAreas: riskyList,
    uncovered: riskyList
      .filter((a) => !a.covered)
      .map((a) => ({
        areaCode: a.areaCode,
        areaName: a.areaName,
        class: a.class,
        hotspot: a.hotspot,
      })),
    targeting: {
      activitiesTotal,
      activitiesInRisky,
      activityShare: activitiesTotal > 0 ? activitiesInRisky / activitiesTotal : null,
      budgetTotal,
      budgetInRisky: Math.round(budgetInRisky),
      budgetShare: budgetTotal > 0 ? budgetInRisky / budgetTotal : null,
    },
  };
}
