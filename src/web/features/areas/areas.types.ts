import type { MultiPolygon, Polygon } from "geojson";

/** Administrative levels of the Kemendagri code list. */
export type AreaLevel = "provinsi" | "kabupaten" | "kota" | "kecamatan" | "kelurahan";

/** Properties of an area feature as served by `GET /api/areas`. */
export interface AreaProperties {
  code: string;
  name: string;
  level: AreaLevel;
  parent: string | null;
  parentName: string | null;
  /** Null when the area has no boundary. */
  areaKm2: number | null;
  /** A point inside the area for its label; null when the area has no boundary. */
  labelPoint: [number, number] | null;
}

/** One area; `id` is its code. */
export interface AreaFeature {
  type: "Feature";
  id: string;
  bbox?: [number, number, number, number];
  geometry: Polygon | MultiPolygon | null;
  properties: AreaProperties;
}

/** The answer of `GET /api/areas`. */
export interface AreaCollection {
  type: "FeatureCollection";
  bbox?: [number, number, number, number];
  features: AreaFeature[];
}
