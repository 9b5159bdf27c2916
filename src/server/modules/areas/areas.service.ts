/**
 * Rules of the areas API. Reference areas are public information (official codes and
 * boundaries), so every caller may read them; later, area scopes filter what is *inside*
 * an area, not the areas themselves.
 */
import type { Kysely } from "kysely";
import type { Database } from "../../../db/schema";
import { type AreaLevel, parentCode } from "../../../domain/areas/codes";
import { type BBox, mergeBboxes } from "../../../domain/spatial/geometry";
import { AppError } from "../../errors";
import {
  type AreaRow,
  areaExists,
  countChildren,
  findAreaByCode,
  findAreaNames,
  findAreas,
} from "./areas.repository";
import type { AreaCollection, AreaDetail, AreaFeature, ListAreasQuery } from "./areas.schema";

export class AreasService {
  constructor(private readonly db: Kysely<Database>) {}

  /** Areas as a GeoJSON FeatureCollection. An unknown parent is `AREA_NOT_FOUND`. */
  async list(query: ListAreasQuery): Promise<AreaCollection> {
    if (query.parent && !(await areaExists(this.db, query.parent))) {
      throw notFound(query.parent);
    }
    const rows = await findAreas(this.db, {
      level: query.level,
      parent: query.parent,
      withGeometry: query.geometry === "true",
    });
    const features = rows.map(toFeature);
    const bbox = mergeBboxes(features.flatMap((f) => (f.bbox ? [f.bbox] : [])));
    return { type: "FeatureCollection", ...(bbox ? { bbox } : {}), features };
  }

  /** True when an area with this code exists. */
  exists(code: string): Promise<boolean> {
    return areaExists(this.db, code);
  }

  /** One area with its ancestors and number of children. */
  async get(code: string): Promise<AreaDetail> {
    const row = await findAreaByCode(this.db, code);
    if (!row) throw notFound(code);
    const ancestorCodes: string[] = [];
    for (let c = parentCode(code); c !== null; c = parentCode(c)) ancestorCodes.unshift(c);
    const ancestors = (await findAreaNames(this.db, ancestorCodes)).map((a) => ({
      code: a.code,
      name: a.name,
      level: a.level as AreaLevel,
    }));
    return { ...toFeature(row), ancestors, childCount: await countChildren(this.db, code) };
  }
}

function notFound(code: string): AppError {
  return new AppError("AREA_NOT_FOUND", 404, `No area with code ${code}.`);
}

function toFeature(row: AreaRow): AreaFeature {
  const hasBbox =
    row.min_lon !== null && row.min_lat !== null && row.max_lon !== null && row.max_lat !== null;
  const bbox: BBox | undefined = hasBbox
    ? [row.min_lon!, row.min_lat!, row.max_lon!, row.max_lat!]
    : undefined;
  return {
    type: "Feature",
    id: row.code,
    ...(bbox ? { bbox } : {}),
    geometry: (row.geometry ?? null) as AreaFeature["geometry"],
    properties: {
      code: row.code,
      name: row.name,
      level: row.level as AreaLevel,
      parent: row.parent_code,
      parentName: row.parent_name,
      areaKm2: row.area_km2 === null ? null : Math.round(row.area_km2 * 1e4) / 1e4,
      labelPoint:
        row.label_lon !== null && row.label_lat !== null ? [row.label_lon, row.label_lat] : null,
    },
  };
}
