/** Queries behind the incident map: clusters by stored H3 cell, single points, monthly counts. */
import { type Kysely, sql } from "kysely";
import type { Database } from "../../../db/schema";
import { filtered, type IncidentFilter } from "./incidents.repository";

export type Bbox = [number, number, number, number];
export type ClusterColumn = "h3_r7" | "h3_r9" | "h3_r11";

function located(db: Kysely<Database>, f: IncidentFilter, bbox: Bbox | undefined) {
  let q = filtered(db, f).where("i.lon", "is not", null).where("i.lat", "is not", null);
  if (bbox)
    q = q
      .where("i.lon", ">=", bbox[0])
      .where("i.lon", "<=", bbox[2])
      .where("i.lat", ">=", bbox[1])
      .where("i.lat", "<=", bbox[3]);
  return q;
}

/** Located incidents in the box, and incidents of the filter known only by kelurahan. */
export async function countLocated(db: Kysely<Database>, f: IncidentFilter, bbox?: Bbox) {
  const inBox = bbox
    ? sql<boolean>`i.lon between ${bbox[0]} and ${bbox[2]} and i.lat between ${bbox[1]} and ${bbox[3]}`
    : sql<boolean>`true`;
  const row = await filtered(db, f)
    .select([
      sql<string>`count(*) filter (where i.lon is not null and i.lat is not null and ${inBox})`.as(
        "located",
      ),
      sql<string>`count(*) filter (where i.lon is null or i.lat is null)`.as("unlocated"),
    ])
    .executeTakeFirstOrThrow();
  return { located: Number(row.located), unlocated: Number(row.unlocated) };
}

/** Count and mean position per H3 cell of `column`, largest first, at most `limit` + 1 rows. */
export async function clusterRows(
  db: Kysely<Database>,
  f: IncidentFilter,
  bbox: Bbox | undefined,
  column: ClusterColumn,
  limit: number,
) {
  const ref = sql.ref(`i.${column}`);
  const rows = await located(db, f, bbox)
    .where(ref, "is not", null)
    .select([
      sql<string>`${ref}`.as("key"),
      sql<string>`count(*)`.as("n"),
      sql<number>`avg(i.lon)`.as("lon"),
      sql<number>`avg(i.lat)`.as("lat"),
    ])
    .groupBy(ref)
    .orderBy(sql`count(*)`, "desc")
    .orderBy(ref)
    .limit(limit + 1)
    .execute();
  return rows.map((r) => ({ key: r.key, n: Number(r.n), lon: Number(r.lon), lat: Number(r.lat) }));
}

/** Single located incidents, newest first, at most `limit` + 1 rows. */
export async function pointRows(
  db: Kysely<Database>,
  f: IncidentFilter,
  bbox: Bbox | undefined,
  limit: number,
) {
  return located(db, f, bbox)
    .select(["i.id", "i.lon", "i.lat", "i.type_code", "i.occurred_on"])
    .orderBy("i.occurred_on", "desc")
    .orderBy("i.id")
    .limit(limit + 1)
    .execute();
}

/** Incidents per kelurahan and month (YYYY-MM) for the filter. */
export async function monthlyCounts(db: Kysely<Database>, f: IncidentFilter) {
  const month = sql<string>`to_char(i.occurred_on, 'YYYY-MM')`;
  const rows = await filtered(db, f)
    .select(["i.kelurahan_code", month.as("month"), sql<string>`count(*)`.as("n")])
    .groupBy(["i.kelurahan_code", month])
    .execute();
  return rows.map((r) => ({ code: r.kelurahan_code, month: r.month, n: Number(r.n) }));
}
