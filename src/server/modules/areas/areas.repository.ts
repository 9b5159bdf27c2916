/** Queries on the `areas` table. Kysely only: no access checks, no HTTP. */
import type { Kysely } from "kysely";
import type { Database } from "../../../db/schema";
import type { AreaLevel } from "../../../domain/areas/codes";

export interface AreaRow {
  code: string;
  level: string;
  name: string;
  parent_code: string | null;
  parent_name: string | null;
  geometry: unknown;
  min_lon: number | null;
  min_lat: number | null;
  max_lon: number | null;
  max_lat: number | null;
  label_lon: number | null;
  label_lat: number | null;
  area_km2: number | null;
}

export interface AreaFilter {
  level?: AreaLevel | undefined;
  /** With `level`: descendants of this area; without: its direct children. */
  parent?: string | undefined;
  withGeometry: boolean;
}

function baseQuery(db: Kysely<Database>, withGeometry: boolean) {
  return db
    .selectFrom("areas as a")
    .leftJoin("areas as p", "p.code", "a.parent_code")
    .select([
      "a.code",
      "a.level",
      "a.name",
      "a.parent_code",
      "p.name as parent_name",
      "a.min_lon",
      "a.min_lat",
      "a.max_lon",
      "a.max_lat",
      "a.label_lon",
      "a.label_lat",
      "a.area_km2",
    ])
    .$if(withGeometry, (q) => q.select("a.geometry"))
    .$if(!withGeometry, (q) => q.select((eb) => eb.val(null).as("geometry")));
}

/** Areas matching the filter, ordered by code. */
export async function findAreas(db: Kysely<Database>, filter: AreaFilter): Promise<AreaRow[]> {
  const { level, parent, withGeometry } = filter;
  let query = baseQuery(db, withGeometry);
  if (level) query = query.where("a.level", "=", level);
  if (parent && level) query = query.where("a.code", "like", `${parent}.%`);
  if (parent && !level) query = query.where("a.parent_code", "=", parent);
  if (!parent && !level) query = query.where("a.parent_code", "is", null);
  return (await query.orderBy("a.code").execute()) as AreaRow[];
}

/** One area by code, or undefined. */
export async function findAreaByCode(
  db: Kysely<Database>,
  code: string,
  withGeometry = true,
): Promise<AreaRow | undefined> {
  const row = await baseQuery(db, withGeometry).where("a.code", "=", code).executeTakeFirst();
  return row as AreaRow | undefined;
}

/** The areas with these codes (name and level only). */
export async function findAreaNames(db: Kysely<Database>, codes: string[]) {
  if (codes.length === 0) return [];
  return db
    .selectFrom("areas")
    .select(["code", "name", "level"])
    .where("code", "in", codes)
    .orderBy("code")
    .execute();
}

/** Number of direct children of an area. */
export async function countChildren(db: Kysely<Database>, code: string): Promise<number> {
  const row = await db
    .selectFrom("areas")
    .select((eb) => eb.fn.countAll().as("n"))
    .where("parent_code", "=", code)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** True when an area with this code exists. */
export async function areaExists(db: Kysely<Database>, code: string): Promise<boolean> {
  const row = await db
    .selectFrom("areas")
    .select("code")
    .where("code", "=", code)
    .executeTakeFirst();
  return row !== undefined;
}
