/**
 * The public page: published classes and aggregate counts, with small-cell suppression.
 * Nothing here reads or returns a record: every query groups, and every count table passes
 * through `suppressTable` before it leaves.
 */
import { type Kysely, sql } from "kysely";
import type { Database } from "../../../db/schema";
import { scopePrefix } from "../../../domain/access/roles";
import {
  type SuppressedEntry,
  suppressList,
  suppressTable,
} from "../../../domain/disclosure/suppression";
import { PILLARS } from "../../../domain/programmes/catalogue";
import type { RiskClass } from "../../../domain/risk/classes";
import { AppError } from "../../errors";
import { dateText } from "../../time";
import { type Figure, headlineFigures } from "../figures/figures.service";
import { rehabEntriesPerYear } from "../rehab/rehab-figures.service";

export const SUPPRESSED = "suppressed";

/** A published count as the API gives it: the number, "<5" or "suppressed". */
export function countOf(entry: SuppressedEntry, threshold: number): number | string {
  if (entry.kind === "value") return entry.value;
  return entry.kind === "small" ? `<${threshold}` : SUPPRESSED;
}

function jakartaYear(now = new Date()): number {
  return new Date(now.getTime() + 7 * 3_600_000).getUTCFullYear();
}

/** Rows (areas) by columns of counts, suppressed, in the API's shape. */
export function publicTableOf(
  rows: Array<{ areaCode: string; areaName: string; counts: number[] }>,
  columns: string[],
  threshold: number,
) {
  const t = suppressTable(
    rows.map((r) => r.counts),
    threshold,
  );
  const count = (e: SuppressedEntry) => countOf(e, threshold);
  return {
    threshold,
    small: `<${threshold}`,
    suppressed: SUPPRESSED,
    columns,
    rows: rows.map((r, k) => ({
      areaCode: r.areaCode,
      areaName: r.areaName,
      cells: t.cells[k]!.map(count),
      total: count(t.rowTotals[k]!),
    })),
    columnTotals: rows.length ? t.columnTotals.map(count) : columns.map(() => 0),
    grandTotal: count(t.grandTotal),
    withheld: t.withheld,
  };
}

/** Yearly counts as a suppressed series (a one-row table). */
export function publicSeriesOf(points: Array<{ year: number; count: number }>, threshold: number) {
  const l = suppressList(
    points.map((p) => p.count),
    threshold,
  );
  return {
    threshold,
    small: `<${threshold}`,
    suppressed: SUPPRESSED,
    points: points.map((p, k) => ({ year: p.year, count: countOf(l.cells[k]!, threshold) })),
    total: countOf(l.total, threshold),
  };
}

export class PublicService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly threshold: number,
  ) {}

  /** The kelurahan of a city, in code order; 404 when the city has none. */
  private async kelurahan(city: string) {
    const areas = await this.db
      .selectFrom("areas")
      .select(["code", "name"])
      .where("level", "=", "kelurahan")
      .where("code", "like", scopePrefix(city))
      .orderBy("code")
      .execute();
    if (areas.length === 0) throw new AppError("AREA_NOT_FOUND", 404, `No kelurahan in ${city}.`);
    return areas;
  }

  /** Each kelurahan's class from the latest published round that assessed it. */
  async classes(city: string) {
    await this.kelurahan(city);
    const rows = await this.db
      .selectFrom("assessments as s")
      .innerJoin("assessment_rounds as r", "r.id", "s.round_id")
      .innerJoin("areas as a", "a.code", "s.area_code")
      .select([
        "s.area_code",
        "a.name as area_name",
        "s.class",
        "r.name as round_name",
        "r.period_end",
      ])
      .where("s.status", "=", "published")
      .where("s.named_location_id", "is", null)
      .where("a.level", "=", "kelurahan")
      .where("s.area_code", "like", scopePrefix(city))
      .orderBy("s.area_code")
      .orderBy("r.period_end", "desc")
      .orderBy("s.published_at", "desc")
      .execute();
    const latest = new Map<string, (typeof rows)[number]>();
    for (const row of rows) if (!latest.has(row.area_code)) latest.set(row.area_code, row);
    return {
      city,
      areas: [...latest.values()].map((r) => ({
        areaCode: r.area_code,
        areaName: r.area_name,
        class: r.class as RiskClass,
        roundName: r.round_name,
        periodEnd: dateText(r.period_end),
      })),
    };
  }

  /** Incidents per kelurahan and month of a year (default: the latest year with any). */
  async incidents(city: string, year?: number) {
    const areas = await this.kelurahan(city);
    const inCity = this.db
      .selectFrom("incidents as i")
      .where("i.kelurahan_code", "like", scopePrefix(city));
    const years = (
      await inCity
        .select(sql<number>`extract(year from i.occurred_on)::int`.as("y"))
        .groupBy(sql`extract(year from i.occurred_on)`)
        .orderBy("y", "desc")
        .execute()
    ).map((r) => Number(r.y));
    const chosen = year ?? years[0] ?? jakartaYear();
    const counts = await inCity
      .select([
        "i.kelurahan_code",
        sql<number>`extract(month from i.occurred_on)::int`.as("month"),
        (eb) => eb.fn.countAll<string>().as("n"),
      ])
      .where("i.occurred_on", ">=", `${chosen}-01-01`)
      .where("i.occurred_on", "<=", `${chosen}-12-31`)
      .groupBy(["i.kelurahan_code", sql`extract(month from i.occurred_on)`])
      .execute();
    const byArea = new Map(areas.map((a) => [a.code, new Array<number>(12).fill(0)]));
    for (const c of counts) {
      const row = byArea.get(c.kelurahan_code);
      if (row) row[Number(c.month) - 1] = Number(c.n);
    }
    const months = Array.from(
      { length: 12 },
      (_, k) => `${chosen}-${String(k + 1).padStart(2, "0")}`,
    );
    return {
      city,
      year: chosen,
      years,
      table: publicTableOf(
        areas.map((a) => ({ areaCode: a.code, areaName: a.name, counts: byArea.get(a.code)! })),
        months,
        this.threshold,
      ),
    };
  }

  /** Activities held per kelurahan and pillar of their programme in a year. */
  async activities(city: string, year?: number) {
    const areas = await this.kelurahan(city);
    const inCity = this.db
      .selectFrom("activities as a")
      .innerJoin("programmes as p", "p.id", "a.programme_id")
      .where("a.area_code", "like", scopePrefix(city));
    const years = (
      await inCity
        .select(sql<number>`extract(year from a.held_on)::int`.as("y"))
        .groupBy(sql`extract(year from a.held_on)`)
        .orderBy("y", "desc")
        .execute()
    ).map((r) => Number(r.y));
    const chosen = year ?? years[0] ?? jakartaYear();
    const counts = await inCity
      .select(["a.area_code", "p.pillar", (eb) => eb.fn.countAll<string>().as("n")])
      .where("a.held_on", ">=", `${chosen}-01-01`)
      .where("a.held_on", "<=", `${chosen}-12-31`)
      .groupBy(["a.area_code", "p.pillar"])
      .execute();
    const column = new Map<string, number>(PILLARS.map((p, k) => [p, k]));
    const byArea = new Map(areas.map((a) => [a.code, new Array<number>(PILLARS.length).fill(0)]));
    for (const c of counts) {
      // An activity placed in a named location or a kelurahan counts for that kelurahan.
      const row = byArea.get(c.area_code.split(".").slice(0, 4).join("."));
      const k = column.get(c.pillar);
      if (row && k !== undefined) row[k] = (row[k] ?? 0) + Number(c.n);
    }
    return {
      city,
      year: chosen,
      years,
      available: true,
      table: publicTableOf(
        areas.map((a) => ({ areaCode: a.code, areaName: a.name, counts: byArea.get(a.code)! })),
        [...PILLARS],
        this.threshold,
      ),
    };
  }

  /**
   * Rehabilitation and custody in DKI: the registered official figures (already public, shown
   * with their source) and the totals of the latest custody counts. Small numbers are shown
   * as "<5" like everywhere on this page.
   */
  async figures() {
    const headline = await headlineFigures(this.db, "31", "31");
    const recorded = (await rehabEntriesPerYear(this.db, { areaScope: "31" })).map((e) => ({
      year: e.year,
      count: e.clients,
    }));
    const official = (f: Figure) => ({
      indicator: f.indicator,
      value: f.value,
      unit: f.unit,
      periodStart: f.periodStart ?? "",
      periodEnd: f.periodEnd ?? "",
      areaCode: f.areaCode,
      source: f.sourceOrganisation,
      citation: f.citation,
      publishedOn: f.publishedOn,
    });
    const small = (v: number | null) =>
      v === null ? SUPPRESSED : v >= 1 && v < this.threshold ? `<${this.threshold}` : v;
    const c = headline.custody;
    const counts = c.fromCounts;
    return {
      rehabilitation: {
        recorded: recorded.length > 0 ? publicSeriesOf(recorded, this.threshold) : null,
        official: headline.rehabClients.flatMap((p) => p.figures.map(official)),
      },
      custody: {
        latest:
          counts.reporting > 0 && counts.latestCount
            ? {
                countedOn: counts.latestCount,
                capacity: small(counts.capacity),
                occupants: small(counts.occupants),
                drugOffences: small(counts.drugOffenders),
                occupancyRatio: counts.occupancyRatio?.percent ?? null,
                overcrowdingExcess: counts.overcrowdingExcess?.percent ?? null,
                drugShare: counts.drugShare?.percent ?? null,
              }
            : null,
        official: [c.fromFigures.capacity, c.fromFigures.occupants, c.fromFigures.drugOffenders]
          .filter((f): f is Figure => f !== null)
          .map(official),
      },
    };
  }
}
