import { getJson } from "../../lib/http";
import type { AreaCollection, AreaLevel } from "./areas.types";

/** Code of DKI Jakarta, the province this client shows. */
export const PROVINCE_CODE = "31";
/** City shown when none is chosen: Kota Administrasi Jakarta Barat. */
export const DEFAULT_CITY = "31.73";

interface AreaQuery {
  parent: string;
  level?: AreaLevel;
  geometry?: boolean;
}

function areasUrl(query: AreaQuery): string {
  const params = new URLSearchParams();
  if (query.level) params.set("level", query.level);
  params.set("parent", query.parent);
  if (query.geometry === false) params.set("geometry", "false");
  return `/api/areas?${params.toString()}`;
}

/** The province's cities and regency, without geometry (for the selector). */
export function fetchCities(signal: AbortSignal): Promise<AreaCollection> {
  return getJson(areasUrl({ parent: PROVINCE_CODE, geometry: false }), signal);
}

/** The province's cities and regency with their polygons (grey context layer). */
export function fetchCityPolygons(signal: AbortSignal): Promise<AreaCollection> {
  return getJson(areasUrl({ parent: PROVINCE_CODE }), signal);
}

/** Areas of one level below an ancestor code, e.g. the kelurahan of `31.73`. */
export function fetchAreas(
  level: AreaLevel,
  parent: string,
  signal: AbortSignal,
): Promise<AreaCollection> {
  return getJson(areasUrl({ level, parent }), signal);
}
