/** Hotspots and density of incidents for the map, computed from aggregated counts. */
import { type Kysely, sql } from "kysely";
import type { Database } from "../../../db/schema";
import { scopePrefix } from "../../../domain/access/roles";
import {
  analyseHotspots,
  HotspotInputError,
  type Statistic,
  type WeightsSpec,
} from "../../../domain/hotspots/analyse";
import { quarticKde } from "../../../domain/hotspots/kde";
import type { AreaGeometry, Position } from "../../../domain/spatial/geometry";
import type { AuthedContext } from "../../context";
import { AppError } from "../../errors";
import { cachedDerived } from "../derived-cache";
import { filtered, type IncidentFilter } from "./incidents.repository";

export class IncidentsAnalysisService {
  constructor(private readonly db: Kysely<Database>) {}

  /** Gi* (or Gi, local Moran) of incident counts over the kelurahan of a city; cached per data version. */
  hotspots(
    ctx: AuthedContext,
    city: string,
    filter: Omit<IncidentFilter, "scope" | "area">,
    options: { statistic: Statistic; weights: WeightsSpec; fdr?: number | undefined },
  ) {
    const key = JSON.stringify(["hotspots", ctx.user.scope, city, filter, options]);
    return cachedDerived(this.db, "incidents", key, () =>
      this.computeHotspots(ctx, city, filter, options),
    );
  }

  /** Quartic kernel density of located incidents; cached per data version. */
  density(
    ctx: AuthedContext,
    city: string,
    filter: Omit<IncidentFilter, "scope" | "area">,
    cellMetres: number,
    bandwidthMetres?: number,
  ) {
    const key = JSON.stringify([
      "density",
      ctx.user.scope,
      city,
      filter,
      cellMetres,
      bandwidthMetres ?? null,
    ]);
    return cachedDerived(this.db, "incidents", key, () =>
      this.computeDensity(ctx, city, filter, cellMetres, bandwidthMetres),
    );
  }

  /** Gi* (or Gi, local Moran) of incident counts over the kelurahan of a city. */
  private async computeHotspots(
    ctx: AuthedContext,
    city: string,
    filter: Omit<IncidentFilter, "scope" | "area">,
    options: { statistic: Statistic; weights: WeightsSpec; fdr?: number | undefined },
  ) {
    const areas = await this.db
      .selectFrom("areas")
      .select(["code", "name", "geometry"])
      .where("level", "=", "kelurahan")
      .where("code", "like", scopePrefix(city))
      .orderBy("code")
      .execute();
    if (areas.length === 0) throw new AppError("AREA_NOT_FOUND", 404, `No kelurahan in ${city}.`);
    const counts = await filtered(this.db, { ...filter, scope: ctx.user.scope, area: city })
      .select(["i.kelurahan_code", (eb) => eb.fn.countAll<string>().as("n")])
      .groupBy("i.kelurahan_code")
      .execute();
    const byCode = new Map(counts.map((c) => [c.kelurahan_code, Number(c.n)]));
    const values = areas.map((a) => byCode.get(a.code) ?? 0);
    if (values.every((v) => v === values[0])) {
      return {
        city,
        statistic: options.statistic,
        areas: areas.map((a, k) => ({
          code: a.code,
          name: a.name,
          count: values[k]!,
          z: 0,
          p: 1,
          pFdr: null,
          class: "none" as const,
        })),
      };
    }
    try {
      const results = analyseHotspots(
        areas.map((a, k) => ({
          geometry: a.geometry as unknown as AreaGeometry,
          value: values[k],
        })),
        options,
      );
      return {
        city,
        statistic: options.statistic,
        areas: areas.map((a, k) => ({
          code: a.code,
          name: a.name,
          count: values[k]!,
          ...results[k]!,
        })),
      };
    } catch (error) {
      if (error instanceof HotspotInputError)
        throw new AppError("VALIDATION_FAILED", 400, error.message);
      throw error;
    }
  }

  /** Quartic kernel density of located incidents for the heat layer. */
  private async computeDensity(
    ctx: AuthedContext,
    city: string,
    filter: Omit<IncidentFilter, "scope" | "area">,
    cellMetres: number,
    bandwidthMetres?: number,
  ) {
    const bounds = await this.db
      .selectFrom("areas")
      .select(["min_lon", "min_lat", "max_lon", "max_lat"])
      .where("code", "=", city)
      .executeTakeFirst();
    if (!bounds?.min_lon) throw new AppError("AREA_NOT_FOUND", 404, `No area ${city}.`);
    const rows = await filtered(this.db, { ...filter, scope: ctx.user.scope, area: city })
      .select(["i.lon", "i.lat"])
      .where("i.lon", "is not", null)
      .where(sql<boolean>`i.precision <> 'kelurahan'`)
      .execute();
    const points = rows.map((r) => [r.lon!, r.lat!] as Position);
    if (points.length < 2) return { points: points.length, grid: null };
    try {
      const grid = quarticKde(points, {
        cellMetres,
        bandwidthMetres,
        bbox: [bounds.min_lon, bounds.min_lat!, bounds.max_lon!, bounds.max_lat!],
      });
      return { points: points.length, grid: { ...grid, values: Array.from(grid.values) } };
    } catch (error) {
      if (error instanceof RangeError) throw new AppError("VALIDATION_FAILED", 400, error.message);
      throw error;
    }
  }
}
