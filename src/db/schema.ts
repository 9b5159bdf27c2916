/** Table types for Kysely. One interface per table, named after it. */
import type { ColumnType, Generated } from "kysely";

/** `timestamptz` columns: written as Date or string, read as Date. */
export type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

/** `jsonb` columns: pass values through {@link json} when writing. */
export type Json<T> = ColumnType<T, string, string>;

export interface AreasTable {
  code: string;
  level: string;
  name: string;
  parent_code: string | null;
  geometry: Json<unknown> | null;
  min_lon: number | null;
  min_lat: number | null;
  max_lon: number | null;
  max_lat: number | null;
  centroid_lon: number | null;
  centroid_lat: number | null;
  label_lon: number | null;
  label_lat: number | null;
  area_km2: number | null;
  created_at: Generated<Timestamp>;
  updated_at: Generated<Timestamp>;
}

export interface ReferenceDatasetsTable {
  name: string;
  checksum: string;
  record_count: number;
  loaded_at: Generated<Timestamp>;
}

export interface Database {
  areas: AreasTable;
  reference_datasets: ReferenceDatasetsTable;
}

/** Serialise a value for a `jsonb` column. */
export function json<T>(value: T): string {
  return JSON.stringify(value);
}
