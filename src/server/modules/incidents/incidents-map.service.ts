/**
 * The incident map's data: clusters by the stored H3 cells (coarser when zoomed out, single
 * incidents only when zoomed far in, always capped so a million incidents stay fluid), and
 * the trend per kelurahan (monthly counts, Gi* per month, emerging-hotspot label).
 */
import type { Kysely } from "kysely";
import type { Database } from "../../../db/schema";
import { scopePrefix } from "../../../domain/access/roles";
import { giStar } from "../../../domain/hotspots/statistics";
import { emergingLabel, mannKendall } from "../../../domain/hotspots/trends";
import { contiguityWeights, type Weights } from "../../../domain/hotspots/weights";
import type { AreaGeometry } from "../../../domain/spatial/geometry";
import type { AuthedContext } from "../../context";
import { AppError } from "../../errors";
import { dateText, todayInJakarta } from "../../time";
import { cachedDerived } from "../derived-cache";
import type { IncidentFilter } from "./incidents.repository";
import {
  type Bbox,
  type ClusterColumn,
  clusterRows,
  countLocated,
  monthlyCounts,
  pointRows,
} from "./incidents-map.repository";

/** At most this many clusters or points in one answer: the largest clusters are kept. */
export const CLUSTER_CAP = 4000;
export const POINT_CAP = 2000;
/** Longest trend the API computes, in months. */
export const MAX_MONTHS = 120;

const RESOLUTION = { h3_r7: "r7", h3_r9: "r9", h3_r11: "r11" } as const;

export type MapFilter = Omit<IncidentFilter, "scope">;

/** The H3 column clusters use at a zoom level; null when single incidents are shown. */
export function clusterColumnFor(zoom: number): ClusterColumn | null {
  if (zoom < 12) return "h3_r7";
  if (zoom < 14) return "h3_r9";
  if (zoom < 16) return "h3_r11";
  return null;
}

function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  let y = Number(from.slice(0, 4));
  let m = Number(from.slice(5, 7));
  const endY = Number(to.slice(0, 4));
  const endM = Number(to.slice(5, 7));
  while (y < endY || (y === endY && m <= endM)) {
    months.push(`${y}-${String(m).padStart(2, "0")}`);
    if (months.length > MAX_MONTHS) break;
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return months;
}

/** The first day of the month `back` months before the month of `date`. */
function monthStartBefore(date: string, back: number): string {
  const index = Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1 - back;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}-01`;
}

export class IncidentsMapService {
  /** Contiguity of a city's kelurahan: reference data, built once per database and city. */
  private readonly weights = new Map<string, Promise<Weights>>();

  constructor(private readonly db: Kysely<Database>) {}

  /** Clusters for the map view; cached per data version (see ADR 0007). */
  clusters(ctx: AuthedContext, filter: MapFilter, bbox: Bbox | undefined, zoom: number) {
    const key = JSON.stringify(["clusters", ctx.user.scope, filter, bbox ?? null, zoom]);
    return cachedDerived(this.db, "incidents", key, () =>
      this.computeClusters(ctx, filter, bbox, zoom),
    );
  }

  /** Monthly trends with emerging labels; cached per data version and day (the default period ends today). */
  trends(ctx: AuthedContext, city: string, filter: Omit<MapFilter, "area">) {
    const key = JSON.stringify(["trends", ctx.user.scope, city, filter, todayInJakarta()]);
    return cachedDerived(this.db, "incidents", key, () => this.computeTrends(ctx, city, filter));
  }

  private async computeClusters(
    ctx: AuthedContext,
    filter: MapFilter,
    bbox: Bbox | undefined,
    zoom: number,
  ) {
    const f = { ...filter, scope: ctx.user.scope };
    const counts = await countLocated(this.db, f, bbox);
    const base = {
      type: "FeatureCollection" as const,
      total: counts.located,
      unlocated: counts.unlocated,
    };
    let column = clusterColumnFor(zoom);
    if (column === null) {
      const rows = await pointRows(this.db, f, bbox, POINT_CAP);
      if (rows.length <= POINT_CAP) {
        return {
          ...base,
          resolution: "point" as const,
          truncated: false,
          features: rows.map((r) => ({
            type: "Feature" as const,
            geometry: { type: "Point" as const, coordinates: [r.lon!, r.lat!] as [number, number] },
            properties: {
              key: String(r.id),
              count: 1,
              type: r.type_code,
              occurredOn: dateText(r.occurred_on),
            },
          })),
        };
      }
      // Too many single incidents in view: the finest clusters instead.
      column = "h3_r11";
    }
    const rows = await clusterRows(this.db, f, bbox, column, CLUSTER_CAP);
    return {
      ...base,
      resolution: RESOLUTION[column],
      truncated: rows.length > CLUSTER_CAP,
      features: rows.slice(0, CLUSTER_CAP).map((r) => ({
        type: "Feature" as const,
        geometry: { type: "Point" as const, coordinates: [r.lon, r.lat] as [number, number] },
        properties: { key: r.key, count: r.n, type: null, occurredOn: null },
      })),
    };
  }

  private weightsFor(city: string, geometries: AreaGeometry[]): Promise<Weights> {
    let w = this.weights.get(city);
    if (!w) {
      w = Promise.resolve(contiguityWeights(geometries, "queen"));
      this.weights.set(city, w);
    }
    return w;
  }

  /**
   * Monthly counts per kelurahan of a city, the Gi* z-score of each month (queen contiguity)
   * and the emerging-hotspot label from the Mann-Kendall trend of those z-scores.
   * Without `from`, the 24 months up to `to` (default today).
   */
  private async computeTrends(ctx: AuthedContext, city: string, filter: Omit<MapFilter, "area">) {
    const to = filter.to ?? todayInJakarta();
    const from = filter.from ?? monthStartBefore(to, 23);
    if (from > to) throw new AppError("VALIDATION_FAILED", 400, "from is after to.");
    const periods = monthsBetween(from, to);
    if (periods.length > MAX_MONTHS)
      throw new AppError("VALIDATION_FAILED", 400, `At most ${MAX_MONTHS} months at once.`);
    const areas = await this.db
      .selectFrom("areas")
      .select(["code", "name", "geometry"])
      .where("level", "=", "kelurahan")
      .where("code", "like", scopePrefix(city))
      .orderBy("code")
      .execute();
    if (areas.length === 0) throw new AppError("AREA_NOT_FOUND", 404, `No kelurahan in ${city}.`);
    const weights = await this.weightsFor(
      city,
      areas.map((a) => a.geometry as unknown as AreaGeometry),
    );
    const rows = await monthlyCounts(this.db, {
      ...filter,
      from,
      to,
      scope: ctx.user.scope,
      area: city,
    });
    const areaIndex = new Map(areas.map((a, i) => [a.code, i]));
    const periodIndex = new Map(periods.map((p, i) => [p, i]));
    const counts = areas.map(() => new Array<number>(periods.length).fill(0));
    for (const r of rows) {
      const a = areaIndex.get(r.code);
      const p = periodIndex.get(r.month);
      if (a !== undefined && p !== undefined) counts[a]![p] = r.n;
    }
    const z = areas.map(() => new Array<number>(periods.length).fill(0));
    if (areas.length >= 3) {
      periods.forEach((_, p) => {
        const values = counts.map((c) => c[p]!);
        if (values.every((v) => v === values[0])) return;
        const zp = giStar(values, weights);
        zp.forEach((v, a) => {
          z[a]![p] = Number.isFinite(v) ? v : 0;
        });
      });
    }
    return {
      city,
      periods,
      areas: areas.map((a, i) => {
        const trend = mannKendall(z[i]!);
        return {
          code: a.code,
          name: a.name,
          total: counts[i]!.reduce((s, v) => s + v, 0),
          counts: counts[i]!,
          z: z[i]!,
          label: emergingLabel(z[i]!),
          trend: { tau: trend.tau, p: trend.p },
        };
      }),
    };
  }
}
