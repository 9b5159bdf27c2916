/**
 * The executive dashboard for the Wali Kota and the head of BNNP: one call, aggregates only.
 * Each section says where its numbers come from (`source`) and which page shows the detail
 * (`link`). Sections read the other modules' services; a section whose module holds no data
 * yet answers `available: false` rather than failing, so the dashboard works at every stage.
 */
import { type Kysely, sql } from "kysely";
import type { Database } from "../../../db/schema";
import { isWithin } from "../../../domain/areas/codes";
import { PROGRAMME_STATUSES } from "../../../domain/programmes/catalogue";
import { RISK_CLASSES, type RiskClass } from "../../../domain/risk/classes";
import type { AuthedContext } from "../../context";
import { AppError } from "../../errors";
import { custodyTrendFor } from "../custody/custody.service";
import { type Figure, type HeadlineFigures, headlineFigures } from "../figures/figures.service";
import { filtered } from "../incidents/incidents.repository";
import { withinScope } from "../programmes/programmes.repository";
import { coverage } from "../programmes/programmes-analysis.service";
import { rehabEntriesPerYear } from "../rehab/rehab-figures.service";
import { RiskViewsService } from "../risk/risk-views.service";
import type { DashboardResponse } from "./dashboard.schema";

/** Pages of the web client the dashboard links to. */
export const DETAIL_PAGES = {
  risk: "/rawan",
  incidents: "/insiden",
  rehab: "/rehab",
  custody: "/lapas",
  figures: "/angka-resmi",
  programmes: "/program",
  coverage: "/cakupan",
} as const;

/** Year and month in Jakarta (UTC+7), as [year, month 1..12]. */
function jakartaMonth(now = new Date()): [number, number] {
  const d = new Date(now.getTime() + 7 * 3_600_000);
  return [d.getUTCFullYear(), d.getUTCMonth() + 1];
}

function monthKey(y: number, m: number): string {
  return `${y}-${String(m).padStart(2, "0")}`;
}

/** The `count` months ending with this one, oldest first. */
export function lastMonths(count: number, now = new Date()): string[] {
  let [y, m] = jakartaMonth(now);
  const out: string[] = [];
  for (let k = 0; k < count; k++) {
    out.unshift(monthKey(y, m));
    m -= 1;
    if (m === 0) {
      m = 12;
      y -= 1;
    }
  }
  return out;
}

function lastDayOf(month: string): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m, 0));
  return d.toISOString().slice(0, 10);
}

function officialOf(f: Figure) {
  return {
    value: f.value,
    unit: f.unit,
    periodStart: f.periodStart,
    periodEnd: f.periodEnd,
    periodLabel: f.periodLabel,
    source: f.sourceOrganisation,
    citation: f.citation,
    url: f.link,
    publishedOn: f.publishedOn,
  };
}

export class DashboardService {
  constructor(private readonly db: Kysely<Database>) {}

  async dashboard(ctx: AuthedContext, city: string): Promise<DashboardResponse> {
    if (!isWithin(city, ctx.user.scope) && !isWithin(ctx.user.scope, city))
      throw new AppError("AREA_NOT_FOUND", 404, "No such area in your scope.");
    const area = await this.db
      .selectFrom("areas")
      .select(["name"])
      .where("code", "=", city)
      .executeTakeFirst();
    if (!area) throw new AppError("AREA_NOT_FOUND", 404, `No area ${city}.`);
    const months = lastMonths(24);
    const from = `${months[0]}-01`;
    const to = lastDayOf(months[months.length - 1]!);
    // Custody and rehabilitation figures are about DKI (the province): BNNP's clients and
    // the DKI lapas and rutan, none of which lies in a city.
    const headline = await headlineFigures(this.db, ctx.user.scope, "31");
    return {
      city,
      cityName: area.name,
      risk: await this.risk(ctx, city),
      incidents: await this.incidents(ctx, city, months, from, to),
      rehabilitation: await this.rehabilitation(headline),
      custody: await this.custody(ctx, headline),
      programmes: await this.programmes(ctx, city),
    };
  }

  /** Latest published class of each kelurahan (the risk map), counted by class. */
  private async risk(ctx: AuthedContext, city: string) {
    const map = await new RiskViewsService(this.db).map(ctx, city);
    const kelurahan = await this.db
      .selectFrom("areas")
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .where("level", "=", "kelurahan")
      .where((eb) => withinScope(eb, "code", city))
      .executeTakeFirstOrThrow();
    const counts = Object.fromEntries(RISK_CLASSES.map((c) => [c, 0])) as Record<RiskClass, number>;
    for (const a of map.areas) counts[a.class] += 1;
    const latest = [...map.areas].sort((a, b) => b.periodEnd.localeCompare(a.periodEnd))[0];
    const rounds = [...new Set(map.areas.map((a) => a.roundName))];
    return {
      roundName: latest?.roundName ?? null,
      periodEnd: latest?.periodEnd ?? null,
      kelurahan: Number(kelurahan.n),
      counts: { ...counts, unassessed: Number(kelurahan.n) - map.areas.length },
      areas: map.areas.map((a) => ({ areaCode: a.areaCode, areaName: a.areaName, class: a.class })),
      link: DETAIL_PAGES.risk,
      resource: "assessment",
      source:
        rounds.length > 0
          ? `Tanggap: published assessments (${rounds.join(", ")})`
          : "Tanggap: published assessments",
    };
  }

  /** Incidents recorded per month over the last 24 months, in the person's scope. */
  private async incidents(
    ctx: AuthedContext,
    city: string,
    months: string[],
    from: string,
    to: string,
  ) {
    const rows = await filtered(this.db, { scope: ctx.user.scope, area: city, from, to })
      .select([
        sql<string>`to_char(i.occurred_on, 'YYYY-MM')`.as("month"),
        (eb) => eb.fn.countAll<string>().as("n"),
      ])
      .groupBy(sql`to_char(i.occurred_on, 'YYYY-MM')`)
      .execute();
    const byMonth = new Map(rows.map((r) => [r.month, Number(r.n)]));
    const series = months.map((month) => ({ month, count: byMonth.get(month) ?? 0 }));
    return {
      from,
      to,
      months: series,
      total: series.reduce((s, p) => s + p.count, 0),
      link: DETAIL_PAGES.incidents,
      resource: "incident",
      source: "Tanggap: incident registry",
    };
  }

  /**
   * Rehabilitation clients per period: every registered official figure (sources may
   * disagree: all are shown) beside the count of entries from the registry, once it gives them.
   */
  private async rehabilitation(headline: HeadlineFigures) {
    // Clients entering treatment per year at the DKI facilities (BNNP's clinics), no identity.
    const entries = await rehabEntriesPerYear(this.db, { areaScope: "31" });
    const byYear = new Map(entries.map((e) => [e.year, e.clients]));
    const fullYear = (start: string | null, end: string | null) =>
      start && end && start.endsWith("-01-01") && end === `${start.slice(0, 4)}-12-31`
        ? Number(start.slice(0, 4))
        : null;
    const years = headline.rehabClients.map((p) => {
      const year = fullYear(p.periodStart, p.periodEnd);
      return {
        period: p.periodLabel || [p.periodStart, p.periodEnd].filter(Boolean).join(" – "),
        periodStart: p.periodStart,
        periodEnd: p.periodEnd,
        records: year !== null ? (byYear.get(year) ?? 0) : null,
        official: p.figures.map(officialOf),
      };
    });
    const covered = new Set(
      headline.rehabClients
        .map((p) => fullYear(p.periodStart, p.periodEnd))
        .filter((y) => y !== null),
    );
    for (const e of entries)
      if (!covered.has(e.year))
        years.push({
          period: String(e.year),
          periodStart: `${e.year}-01-01`,
          periodEnd: `${e.year}-12-31`,
          records: e.clients,
          official: [],
        });
    years.sort((a, b) => (a.periodEnd ?? "").localeCompare(b.periodEnd ?? ""));
    return {
      recordsAvailable: true,
      years,
      link: DETAIL_PAGES.figures,
      resource: "official_figure",
      source:
        "Official figures register (each figure with its source); Tanggap rehabilitation registry (clients entering treatment per year)",
    };
  }

  /** Custody in DKI: the registered headline figures, and the totals of the dated counts. */
  private async custody(ctx: AuthedContext, headline: HeadlineFigures) {
    const f = headline.custody.fromFigures;
    const sourceOf = (figure: Figure | null) =>
      figure ? `${figure.sourceOrganisation}${figure.citation ? `: ${figure.citation}` : ""}` : "";
    const figureSource = sourceOf(f.capacity);
    const sourced = (value: number | null, source: string, link: string, resource: string) => ({
      value,
      link,
      resource,
      source,
    });
    const derived = (name: string) =>
      figureSource ? `${name}, computed from ${figureSource}` : name;
    const counts = headline.custody.fromCounts;
    const trend = await custodyTrendFor(this.db, ctx.user.scope, { area: "31", by: "year" });
    return {
      available: f.capacity !== null || counts.reporting > 0,
      area: headline.area,
      capacity: sourced(
        f.capacity?.value ?? null,
        sourceOf(f.capacity),
        DETAIL_PAGES.figures,
        "official_figure",
      ),
      occupants: sourced(
        f.occupants?.value ?? null,
        sourceOf(f.occupants),
        DETAIL_PAGES.figures,
        "official_figure",
      ),
      drugOffenders: sourced(
        f.drugOffenders?.value ?? null,
        sourceOf(f.drugOffenders),
        DETAIL_PAGES.figures,
        "official_figure",
      ),
      occupancyRatio: sourced(
        f.occupancyRatio?.percent ?? null,
        derived("occupants / capacity"),
        DETAIL_PAGES.custody,
        "custody",
      ),
      overcrowdingExcess: sourced(
        f.overcrowdingExcess?.percent ?? null,
        derived("(occupants - capacity) / capacity"),
        DETAIL_PAGES.custody,
        "custody",
      ),
      drugShare: sourced(
        f.drugShare?.percent ?? null,
        derived("held for drug offences / occupants"),
        DETAIL_PAGES.custody,
        "custody",
      ),
      periodEnd: f.capacity?.periodEnd ?? null,
      fromCounts:
        counts.reporting > 0
          ? {
              asOf: counts.asOf,
              facilities: counts.facilities,
              reporting: counts.reporting,
              capacity: counts.capacity,
              occupants: counts.occupants,
              occupancyRatio: counts.occupancyRatio?.percent ?? null,
              drugShare: counts.drugShare?.percent ?? null,
              sources: counts.sources,
            }
          : null,
      trend: trend.points.map((p) => ({
        period: p.period,
        occupancyRatio: p.occupancyRatio?.percent ?? null,
      })),
      link: DETAIL_PAGES.custody,
      resource: "custody",
      source: "Official figures register; custody counts of the DKI facilities",
    };
  }

  /** Programmes by status, and risky kelurahan without any activity this year. */
  private async programmes(ctx: AuthedContext, city: string) {
    const statusRows = await this.db
      .selectFrom("programmes as p")
      .select(["p.status", (eb) => eb.fn.countAll<string>().as("n")])
      .where((eb) => withinScope(eb, "p.area_code", city))
      .where((eb) => withinScope(eb, "p.area_code", ctx.user.scope))
      .groupBy("p.status")
      .execute();
    const byStatus = Object.fromEntries(PROGRAMME_STATUSES.map((s) => [s, 0])) as Record<
      (typeof PROGRAMME_STATUSES)[number],
      number
    >;
    for (const r of statusRows)
      if (r.status in byStatus) byStatus[r.status as keyof typeof byStatus] = Number(r.n);
    const [year] = jakartaMonth();
    const from = `${year}-01-01`;
    const to = `${year}-12-31`;
    const cov = await coverage(this.db, ctx, { city, from, to });
    return {
      byStatus,
      riskyAreas: cov.riskyAreas.length,
      uncoveredAreas: cov.uncovered.map((a) => ({
        areaCode: a.areaCode,
        areaName: a.areaName,
        class: a.class,
      })),
      activityShare: cov.targeting.activityShare,
      from,
      to,
      link: DETAIL_PAGES.programmes,
      resource: "programme",
      source: "Tanggap: programmes and activities; risky areas from the risk map and Gi* hotspots",
    };
  }
}
